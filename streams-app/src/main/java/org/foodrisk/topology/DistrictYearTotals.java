package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.foodrisk.kafka.BinaryIn;
import org.foodrisk.kafka.BinaryOut;
import org.foodrisk.kafka.VersionedSerde;
import org.foodrisk.plan.AgencyNames;
import org.foodrisk.plan.SamplingTotals;
import org.foodrisk.plan.TargetTally;

import java.util.Map;
import java.util.TreeMap;

/**
 * Sampling results of one district in one year (event time): tested and failed by category, tested
 * by commissioning agency ({@link AgencyNames} keys), the last day judged against the plan and the
 * first day seen; per target of the governing plan {@code [counted, failed, unplaced]} ({@link TargetTally})
 * and how many of {@code tested} were tallied so (values stored before issue 15 have neither: read as empty).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DistrictYearTotals(long tested, long failed, Map<String, long[]> byCategory, Map<String, Long> byAgency,
                                 String lastJudged, String firstDay, Map<String, long[]> byTarget, long tallied) {

    /**
     * Binary, because the value is read and rewritten for every sampling result of its district (the record
     * cache keeps bytes, so each read decodes): as JSON that was about a tenth of a replay's stream thread
     * (issue 18). Reads the JSON stored before.
     */
    static final VersionedSerde<DistrictYearTotals> SERDE =
            new VersionedSerde<>(DistrictYearTotals.class, 512, DistrictYearTotals::write, DistrictYearTotals::read);

    private static final int VERSION = 1;

    public DistrictYearTotals {
        byCategory = byCategory == null ? Map.of() : byCategory;
        byAgency = byAgency == null ? Map.of() : byAgency;
        byTarget = byTarget == null ? Map.of() : byTarget;
    }

    static DistrictYearTotals empty() {
        return new DistrictYearTotals(0, 0, Map.of(), Map.of(), null, null, Map.of(), 0);
    }

    /**
     * With a result's part in the plan's targets ({@link TargetTally}). {@code inTotals}: whether the result is
     * also in the totals (programs that count in pass rates), so that {@code tallied} is a share of {@code tested}.
     */
    DistrictYearTotals withTargets(int sign, Map<String, long[]> entries, boolean inTotals, String day) {
        String first = firstDay == null || day.compareTo(firstDay) < 0 ? day : firstDay;
        return new DistrictYearTotals(tested, failed, byCategory, byAgency, lastJudged, first,
                TargetTally.add(byTarget, entries, sign), tallied + (inTotals ? sign : 0));
    }

    /** @param day the event day of the result, to remember the first day the year has data from */
    DistrictYearTotals add(int sign, boolean failedSample, String category, String agency, String day) {
        Map<String, long[]> categories = new TreeMap<>();
        byCategory.forEach((k, v) -> categories.put(k, v.clone()));
        long[] c = categories.computeIfAbsent(String.valueOf(category), k -> new long[2]);
        c[0] += sign;
        c[1] += failedSample ? sign : 0;
        Map<String, Long> agencies = new TreeMap<>(byAgency);
        String agencyKey = AgencyNames.key(agency);
        if (agencyKey != null) {
            agencies.merge(agencyKey, (long) sign, Long::sum);
        }
        String first = firstDay == null || day.compareTo(firstDay) < 0 ? day : firstDay;
        return new DistrictYearTotals(tested + sign, failed + (failedSample ? sign : 0), categories, agencies,
                lastJudged, first, byTarget, tallied);
    }

    DistrictYearTotals judgedOn(String day) {
        return new DistrictYearTotals(tested, failed, byCategory, byAgency, day, firstDay, byTarget, tallied);
    }

    private static void write(DistrictYearTotals totals, BinaryOut out) {
        out.version(VERSION);
        out.writeSigned(totals.tested).writeSigned(totals.failed);
        out.writeCountsByText(totals.byCategory).writeCountByText(totals.byAgency);
        out.writeText(totals.lastJudged).writeText(totals.firstDay);
        out.writeCountsByText(totals.byTarget).writeSigned(totals.tallied);
    }

    private static DistrictYearTotals read(BinaryIn in) {
        in.version(VERSION);
        long tested = in.readSigned();
        long failed = in.readSigned();
        Map<String, long[]> byCategory = in.readCountsByText();
        Map<String, Long> byAgency = in.readCountByText();
        String lastJudged = in.readText();
        String firstDay = in.readText();
        Map<String, long[]> byTarget = in.readCountsByText();
        return new DistrictYearTotals(tested, failed, byCategory, byAgency, lastJudged, firstDay, byTarget,
                in.readSigned());
    }

    SamplingTotals asTotals() {
        return new SamplingTotals(tested, failed, byCategory, byAgency, byTarget, tallied);
    }
}
