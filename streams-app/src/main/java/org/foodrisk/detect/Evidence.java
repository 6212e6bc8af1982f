package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.foodrisk.ingest.BoundedText;

import java.time.OffsetDateTime;

/**
 * One record behind an alert (contract: evidence[] = {signal, id, at}); {@code summary} is an
 * optional line-list entry in Chinese, e.g. "猪肉 克伦特罗 2.3μg/kg（不得检出）".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String signal, String id, OffsetDateTime at, String summary) {

    /** One evidence entry, characters, e.g. "猪肉 不合格 克伦特罗 2.3μg/kg 某摊位". */
    public static final int MAX_SUMMARY_CHARS = 160;

    /**
     * A summary is built from input texts (a sample's failed items, a case's symptoms, a
     * complaint's words): 500 failed items made one of ~290,000 characters. Bounded where every
     * evidence item is made, so no alert can carry a long one (issue 14).
     */
    public Evidence {
        summary = BoundedText.abbreviated(summary, MAX_SUMMARY_CHARS);
    }
}
