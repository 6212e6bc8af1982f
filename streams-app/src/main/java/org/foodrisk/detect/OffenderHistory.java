package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.foodrisk.ingest.BoundedText;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The failed samples of one business, kept for a year of event time — and bounded (issue 14): a store
 * value must fit its changelog topic (1 MiB), and a business sampled without end (a wholesale market
 * under a flood of results, or a publisher replaying one name) would otherwise grow it past that and
 * stop the stream thread for good. At most {@value #MAX_FAILURES} failures, the newest, with item
 * lists of at most {@value #MAX_ITEMS} entries of {@value #MAX_ITEM_CHARS} characters and food names of
 * {@value #MAX_FOOD_CHARS}: under 512 KiB even in the characters that cost most in JSON. The rule needs only a few failures near the latest, so the cap changes no
 * verdict; a headline counting more than {@value #MAX_FAILURES} in its window says {@value #MAX_FAILURES}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OffenderHistory(List<Failure> failures) {

    private static final Duration KEEP = Duration.ofDays(400);
    static final int MAX_FAILURES = 100;
    static final int MAX_ITEMS = 12;
    static final int MAX_ITEM_CHARS = 40;
    static final int MAX_FOOD_CHARS = 128;

    public OffenderHistory {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    public static OffenderHistory empty() {
        return new OffenderHistory(List.of());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(String sampleId, OffsetDateTime at, String foodName, String items, boolean critical,
                          String districtCode, String districtName, String foodCategory) {
        public Failure {
            foodName = BoundedText.abbreviated(foodName, MAX_FOOD_CHARS);
            items = BoundedText.list(items, "、", MAX_ITEMS, MAX_ITEM_CHARS);
        }
    }

    /** Adds (or, for a correction, replaces) a failure and forgets those a year older than the newest. */
    public OffenderHistory with(Failure failure) {
        List<Failure> kept = new ArrayList<>(without(failure.sampleId()).failures);
        kept.add(failure);
        kept.sort(Comparator.comparing(f -> f.at().toInstant()));
        OffsetDateTime newest = kept.get(kept.size() - 1).at();
        kept.removeIf(f -> f.at().isBefore(newest.minus(KEEP)));
        return new OffenderHistory(kept.size() > MAX_FAILURES ? kept.subList(kept.size() - MAX_FAILURES, kept.size()) : kept);
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
