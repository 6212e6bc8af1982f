package org.foodrisk.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * A detector's figures. {@code unavailable} says why there are none (the method is missing, failed, or
 * never had enough history); then the tallies are empty.
 *
 * @param byStream      the tally of each stream (fusion: one entry for the district)
 * @param bySize        the outbreaks' tallies by size multiplier k
 * @param districtWeeks the denominator of every per-week rate (district-weeks of the evaluated year, per run)
 * @param matched       detection at matched false-alarm rates, by target ({@link MatchedFalseAlarms}); empty for a
 *                      detector whose points carry no evidence
 */
public record DetectorResult(DetectorSpec spec, Optional<String> unavailable, Tally total,
                             Map<String, Tally> byStream, Map<Double, Tally> bySize, double districtWeeks,
                             Map<Double, MatchedFalseAlarms.Matched> matched) {

    public DetectorResult {
        byStream = Collections.unmodifiableMap(new LinkedHashMap<>(byStream)); // streams in simulation order
        bySize = Collections.unmodifiableSortedMap(new TreeMap<>(bySize));
        matched = Collections.unmodifiableSortedMap(new TreeMap<>(matched));
    }

    static DetectorResult unavailable(DetectorSpec spec, String reason, double districtWeeks) {
        return new DetectorResult(spec, Optional.of(reason), Tally.EMPTY, Map.of(), Map.of(), districtWeeks, Map.of());
    }

    public boolean available() {
        return unavailable.isEmpty();
    }

    /** False alarms per district per week in the run with outbreaks (all streams of the district together). */
    public double falseAlarmsPerDistrictWeek() {
        return total.falseAlarms() / districtWeeks;
    }

    /** Alarms per district per week on outbreak-free data (all streams of the district together). */
    public double alertsPerDistrictWeek() {
        return total.outbreakFreeAlarms() / districtWeeks;
    }

    /** As {@link #alertsPerDistrictWeek()}, counting a run of alarms on consecutive periods once. */
    public double episodesPerDistrictWeek() {
        return total.outbreakFreeEpisodes() / districtWeeks;
    }

    public double alertsPerDistrictWeek(String stream) {
        Tally tally = byStream.get(stream);
        return tally == null ? Double.NaN : tally.outbreakFreeAlarms() / districtWeeks;
    }
}
