package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.foodrisk.detect.Evidence;
import org.foodrisk.plan.AgencyNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signals of one type in one district × category on one day: the count, how many of them were
 * failures (sampling) or rumours (opinion), their summed weight (reach for opinion), the count by
 * commissioning agency (sampling; {@link AgencyNames} keys — plans split their targets by agency),
 * and the first records of the day (bounded) so that a count alert can show its line list.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DailyCount(long count, long failed, long weight, List<Evidence> records, Map<String, Long> agencies) {

    static final int MAX_RECORDS = 50;

    public DailyCount {
        records = records == null ? List.of() : List.copyOf(records);
        // Sorted: Map.copyOf iterates in a per-JVM random order, so the same counts would be written
        // as different bytes by different instances (the exactly-once test compares them).
        agencies = agencies == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(agencies));
    }

    public static DailyCount empty() {
        return new DailyCount(0, 0, 0, List.of(), Map.of());
    }

    /**
     * @param record the line-list entry of the signal, or null when it is not worth listing (a passing sample)
     * @param agency the commissioning agency as written, or null
     */
    public DailyCount add(int sign, boolean failedSignal, long signalWeight, Evidence record, String agency) {
        List<Evidence> kept = new ArrayList<>(records);
        if (record != null) {
            kept.removeIf(e -> e.id().equals(record.id()));
            if (sign > 0 && kept.size() < MAX_RECORDS) {
                kept.add(record);
            }
        }
        Map<String, Long> byAgency = new TreeMap<>(agencies);
        String agencyKey = AgencyNames.key(agency);
        if (agencyKey != null) {
            byAgency.merge(agencyKey, (long) sign, Long::sum);
            byAgency.values().removeIf(n -> n == 0);
        }
        return new DailyCount(count + sign, failed + (failedSignal ? sign : 0), weight + sign * signalWeight, kept,
                byAgency);
    }
}
