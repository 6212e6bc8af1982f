package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The notable signals of one district × category in the recent past (for fusion). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecentSignals(List<Notable> signals) {

    static final int MAX_SIGNALS = 300;

    public RecentSignals {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    public static RecentSignals empty() {
        return new RecentSignals(List.of());
    }

    /** @param food the food the signal is about, or null when only the category is known */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notable(String type, String id, OffsetDateTime at, String food, String summary) {
    }

    public RecentSignals with(Notable added, Duration keep) {
        List<Notable> kept = new ArrayList<>(without(added.id(), added.type()).signals);
        kept.add(added);
        kept.sort(Comparator.comparing((Notable n) -> n.at().toInstant()).thenComparing(Notable::id));
        OffsetDateTime newest = kept.get(kept.size() - 1).at();
        kept.removeIf(n -> n.at().isBefore(newest.minus(keep)));
        if (kept.size() > MAX_SIGNALS) {
            kept = new ArrayList<>(kept.subList(kept.size() - MAX_SIGNALS, kept.size()));
        }
        return new RecentSignals(kept);
    }

    public RecentSignals without(String id, String type) {
        List<Notable> kept = new ArrayList<>(signals);
        kept.removeIf(n -> n.id().equals(id) && n.type().equals(type));
        return new RecentSignals(kept);
    }
}
