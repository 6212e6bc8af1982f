package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The failed samples of one business, kept for a year of event time. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OffenderHistory(List<Failure> failures) {

    private static final Duration KEEP = Duration.ofDays(400);

    public OffenderHistory {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    public static OffenderHistory empty() {
        return new OffenderHistory(List.of());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(String sampleId, OffsetDateTime at, String foodName, String items, boolean critical,
                          String districtCode, String districtName, String foodCategory) {
    }

    /** Adds (or, for a correction, replaces) a failure and forgets those a year older than the newest. */
    public OffenderHistory with(Failure failure) {
        List<Failure> kept = new ArrayList<>(without(failure.sampleId()).failures);
        kept.add(failure);
        kept.sort(Comparator.comparing(f -> f.at().toInstant()));
        OffsetDateTime newest = kept.get(kept.size() - 1).at();
        kept.removeIf(f -> f.at().isBefore(newest.minus(KEEP)));
        return new OffenderHistory(kept);
    }

    public OffenderHistory without(String sampleId) {
        List<Failure> kept = new ArrayList<>(failures);
        kept.removeIf(f -> f.sampleId().equals(sampleId));
        return new OffenderHistory(kept);
    }

    /** The failures within {@code window} before or after the given one, itself included. */
    public List<Failure> near(Failure failure, Duration window) {
        return failures.stream()
                .filter(f -> Duration.between(f.at(), failure.at()).abs().compareTo(window) <= 0)
                .toList();
    }
}
