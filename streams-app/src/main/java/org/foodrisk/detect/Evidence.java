package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * One record behind an alert (contract: evidence[] = {signal, id, at}); {@code summary} is an
 * optional line-list entry in Chinese, e.g. "猪肉 克伦特罗 2.3μg/kg（不得检出）".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String signal, String id, OffsetDateTime at, String summary) {
}
