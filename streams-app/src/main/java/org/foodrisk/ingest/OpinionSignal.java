package org.foodrisk.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

/** A public-opinion (舆情) signal on foodrisk.opinion-signals.v1, after normalization. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpinionSignal(
        String signalId,
        String source,
        OffsetDateTime publishedAt,
        String title,
        String text,
        String url,
        String districtCode,
        String districtName,
        String foodCategory,
        String foodName,
        Long reach,
        Long reposts,
        Long comments,
        Double sentiment,
        Boolean rumour) {
}
