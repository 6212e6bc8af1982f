package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The notable signals of one district × category (for fusion): the recent ones whole (the window's evidence), and
 * the older ones as day counts per stream × food ({@code earlier}, key {@code "stream|food"} → epoch day → count),
 * the baseline {@link FusionRule} judges a window against. {@code since} is the epoch day from which the service has
 * known the key (the first day its processor task saw any signal, or the key's first notable signal if earlier): a
 * baseline shorter than the configured one covers only the days since then. Days are
 * dates in the service's zone ({@code foodrisk.detect.zone}), whatever offset a signal was written with.
 *
 * <p>Values written before the baseline existed have neither field and read as an empty baseline.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecentSignals(List<Notable> signals, Map<String, TreeMap<Long, Integer>> earlier, Long since) {

    static final int MAX_SIGNALS = 300;
    /**
     * Bounds of the day counts, so that the value stays far below the changelog's 1 MiB whatever the input (issue 14):
     * food names are free text, and a category with thousands of distinct names would otherwise grow without end.
     * Past them the stream × food whose newest day is oldest goes first, then the oldest days.
     */
    static final int MAX_EARLIER_KEYS = 200;
    static final int MAX_EARLIER_DAYS = 4000;

    public RecentSignals {
        signals = signals == null ? List.of() : List.copyOf(signals);
        // Not copied again: with() and without() build a fresh map and never change a value's maps afterwards.
        earlier = earlier == null ? Map.of() : Collections.unmodifiableMap(earlier);
    }

    public RecentSignals(List<Notable> signals) {
        this(signals, null, null);
    }

    public static RecentSignals empty() {
        return new RecentSignals(List.of());
    }

    /** A key not seen before, known from {@code sinceDay} (null: from its first notable signal). */
    public static RecentSignals knownSince(Long sinceDay) {
        return new RecentSignals(List.of(), null, sinceDay);
    }

    /**
     * @param food   the food the signal is about, or null when only the category is known
     * @param severe for a failed sample: a finding of a banned or severe hazard ({@code criticalKind}); null in
     *               values written before it was kept
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notable(String type, String id, OffsetDateTime at, String food, String summary, Boolean severe) {

        /** Longest food name and summary kept (code points): free text, bounded like the value (issue 14). */
        static final int MAX_FOOD = 30;
        static final int MAX_SUMMARY = 60;

        public Notable {
            food = clip(food, MAX_FOOD);
            summary = clip(summary, MAX_SUMMARY);
        }

        public Notable(String type, String id, OffsetDateTime at, String food, String summary) {
            this(type, id, at, food, summary, null);
        }

        boolean isSevere() {
            return Boolean.TRUE.equals(severe);
        }

        long day(ZoneId zone) {
            return dayOf(at, zone);
        }
    }

    /**
     * This value with {@code added}: signals more than {@code keep} older than the newest move into the day counts,
     * and day counts more than {@code keep + baseline} older than the newest are dropped.
     */
    public RecentSignals with(Notable added, Duration keep, Duration baseline, ZoneId zone) {
        List<Notable> kept = new ArrayList<>(signals);
        kept.removeIf(n -> n.id().equals(added.id()) && n.type().equals(added.type()));
        kept.add(added);
        kept.sort(Comparator.comparing((Notable n) -> n.at().toInstant()).thenComparing(Notable::id));
        OffsetDateTime newest = kept.get(kept.size() - 1).at();
        Map<String, TreeMap<Long, Integer>> counts = copy(earlier);
        List<Notable> aged = new ArrayList<>();
        for (Notable n : kept) {
            if (n.at().isBefore(newest.minus(keep))) {
                aged.add(n);
            }
        }
        if (kept.size() - aged.size() > MAX_SIGNALS) {
            aged.addAll(kept.subList(aged.size(), kept.size() - MAX_SIGNALS));
        }
        for (Notable n : aged) {
            if (n.food() != null) {
                counts.computeIfAbsent(tallyKey(n.type(), n.food()), k -> new TreeMap<>()).merge(n.day(zone), 1, Integer::sum);
            }
        }
        kept.subList(0, aged.size()).clear();
        long oldestKept = dayOf(newest.minus(keep).minus(baseline), zone);
        counts.values().forEach(days -> days.headMap(oldestKept).clear());
        counts.values().removeIf(Map::isEmpty);
        bound(counts);
        long first = since == null ? added.day(zone) : Math.min(since, added.day(zone));
        return new RecentSignals(kept, counts, first);
    }

    /**
     * This value without the signal {@code id} of {@code type} (a correction withdrew it): removed from the recent
     * signals, or, when it has already moved into the day counts, one taken off its day's count.
     */
    public RecentSignals without(String id, String type, String food, OffsetDateTime at, ZoneId zone) {
        List<Notable> kept = new ArrayList<>(signals);
        if (kept.removeIf(n -> n.id().equals(id) && n.type().equals(type)) || food == null || at == null) {
            return new RecentSignals(kept, earlier, since);
        }
        Map<String, TreeMap<Long, Integer>> counts = copy(earlier);
        // Clipped as the counted signal's food was (Notable), or a long name would never find its count.
        TreeMap<Long, Integer> days = counts.get(tallyKey(type, clip(food, Notable.MAX_FOOD)));
        long day = dayOf(at, zone);
        if (days != null && days.containsKey(day)) {
            days.computeIfPresent(day, (d, count) -> count > 1 ? count - 1 : null);
            counts.values().removeIf(Map::isEmpty);
        }
        return new RecentSignals(kept, counts, since);
    }

    private static void bound(Map<String, TreeMap<Long, Integer>> counts) {
        while (counts.size() > MAX_EARLIER_KEYS) {
            String stalest = counts.entrySet().stream().min(Comparator.comparing(e -> e.getValue().lastKey()))
                    .orElseThrow().getKey();
            counts.remove(stalest);
        }
        int days = counts.values().stream().mapToInt(Map::size).sum();
        while (days > MAX_EARLIER_DAYS) {
            TreeMap<Long, Integer> oldest = counts.values().stream().min(Comparator.comparing(TreeMap::firstKey))
                    .orElseThrow();
            oldest.pollFirstEntry();
            days--;
            counts.values().removeIf(Map::isEmpty);
        }
    }

    /** Signals of {@code type} about {@code food} from epoch day {@code fromDay} up to, not including, {@code toDay}. */
    int countBetween(String type, String food, long fromDay, long toDay, ZoneId zone) {
        int count = 0;
        TreeMap<Long, Integer> days = earlier.get(tallyKey(type, food));
        if (days != null && fromDay < toDay) {
            for (int n : days.subMap(fromDay, toDay).values()) {
                count += n;
            }
        }
        for (Notable n : signals) {
            if (n.type().equals(type) && food.equals(n.food()) && n.day(zone) >= fromDay && n.day(zone) < toDay) {
                count++;
            }
        }
        return count;
    }

    private static String clip(String text, int codePoints) {
        if (text == null || text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints - 1)) + "…";
    }

    static long dayOf(OffsetDateTime at, ZoneId zone) {
        return at.atZoneSameInstant(zone).toLocalDate().toEpochDay();
    }

    private static String tallyKey(String type, String food) {
        return type + "|" + food;
    }

    private static Map<String, TreeMap<Long, Integer>> copy(Map<String, TreeMap<Long, Integer>> counts) {
        Map<String, TreeMap<Long, Integer>> copy = new TreeMap<>();
        counts.forEach((key, days) -> copy.put(key, new TreeMap<>(days)));
        return copy;
    }
}
