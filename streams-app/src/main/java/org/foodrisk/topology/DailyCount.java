package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.foodrisk.detect.Evidence;
import org.foodrisk.kafka.BinaryIn;
import org.foodrisk.kafka.BinaryOut;
import org.foodrisk.kafka.VersionedSerde;
import org.foodrisk.plan.AgencyNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Collections;
import org.foodrisk.plan.TargetTally;

/**
 * Signals of one type in one district × category on one day: the count, how many of them were
 * failures (sampling) or rumours (opinion), their summed weight (reach for opinion), the count by
 * commissioning agency (sampling; {@link AgencyNames} keys — plans split their targets by agency),
 * and the first records of the day (bounded) so that a count alert can show its line list; for sampling,
 * the day's part in each target of the governing plan ({@code targets}, {@code [counted, failed, unplaced]}
 * by target key) and how many results were tallied so ({@code tallied}; absent in days stored before).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DailyCount(long count, long failed, long weight, List<Evidence> records, Map<String, Long> agencies,
                         Map<String, long[]> targets, long tallied) {

    static final int MAX_RECORDS = 50;

    /**
     * Binary: a day is read and rewritten for every signal of it, and read again by every verdict whose history
     * it is in — as JSON that was a tenth of a replay's stream thread (issue 18). Reads the JSON stored before.
     */
    static final VersionedSerde<DailyCount> SERDE =
            new VersionedSerde<>(DailyCount.class, 256, DailyCount::write, DailyCount::read);

    private static final int VERSION = 1;

    public DailyCount {
        records = records == null ? List.of() : List.copyOf(records);
        // Sorted: Map.copyOf iterates in a per-JVM random order, so the same counts would be written
        // as different bytes by different instances (the exactly-once test compares them).
        agencies = agencies == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(agencies));
        targets = targets == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(targets));
    }

    public DailyCount(long count, long failed, long weight, List<Evidence> records, Map<String, Long> agencies) {
        this(count, failed, weight, records, agencies, Map.of(), 0);
    }

    public static DailyCount empty() {
        return new DailyCount(0, 0, 0, List.of(), Map.of(), Map.of(), 0);
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
                byAgency, targets, tallied);
    }

    private static void write(DailyCount day, BinaryOut out) {
        out.version(VERSION);
        out.writeSigned(day.count).writeSigned(day.failed).writeSigned(day.weight);
        out.writeUnsigned(day.records.size());
        for (Evidence record : day.records) {
            out.writeText(record.signal()).writeText(record.id()).writeTime(record.at()).writeText(record.summary());
        }
        out.writeCountByText(day.agencies).writeCountsByText(day.targets).writeSigned(day.tallied);
    }

    private static DailyCount read(BinaryIn in) {
        in.version(VERSION);
        long count = in.readSigned();
        long failed = in.readSigned();
        long weight = in.readSigned();
        int recordCount = in.readUnsignedInt();
        List<Evidence> records = new ArrayList<>(Math.min(recordCount, MAX_RECORDS));
        for (int i = 0; i < recordCount; i++) {
            records.add(new Evidence(in.readText(), in.readText(), in.readTime(), in.readText()));
        }
        Map<String, Long> agencies = in.readCountByText();
        Map<String, long[]> targets = in.readCountsByText();
        return new DailyCount(count, failed, weight, records, agencies, targets, in.readSigned());
    }

    /**
     * With a sampling result's part in the governing plan's targets ({@link org.foodrisk.plan.TargetTally}),
     * added with the record's sign; {@code tallied} counts the results tallied so (days stored before issue 15
     * have none).
     */
    public DailyCount withTargets(int sign, Map<String, long[]> entries) {
        return new DailyCount(count, failed, weight, records, agencies,
                TargetTally.add(targets, entries, sign), tallied + sign);
    }
}
