package org.foodrisk.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Detection at matched false-alarm rates on two small series whose thresholds can be worked out by hand. */
class MatchedFalseAlarmsTest {

    private static MatchedFalseAlarms.Scored day(int day, double evidence) {
        return new MatchedFalseAlarms.Scored(day, day, evidence);
    }

    @Test
    void theThresholdSpendsTheBudgetOnOutbreakFreeDataAndPodIsReadAtIt() {
        // Outbreak-free evidence, all series: 0.01, 0.03, 0.2, 0.5. Ten district-weeks: a target of 0.1 allows one
        // alarm (threshold 0.03: only 0.01 is below), 0.2 allows two (threshold 0.2), 0.02 and 0.05 none.
        MatchedFalseAlarms.SeriesEvidence a = new MatchedFalseAlarms.SeriesEvidence(
                List.of(day(0, 0.05), day(5, 0.3)), List.of(day(0, 0.5), day(1, 0.01), day(2, 0.2)),
                List.of(new int[]{0, 1}));
        MatchedFalseAlarms.SeriesEvidence b = new MatchedFalseAlarms.SeriesEvidence(
                List.of(day(3, 0.02)), List.of(day(4, 0.03)), List.of(new int[]{3, 3}, new int[]{8, 9}));
        Map<Double, MatchedFalseAlarms.Matched> matched = MatchedFalseAlarms.compute(List.of(a, b), 10);

        assertEquals(new MatchedFalseAlarms.Matched(0, 3, 0.0), matched.get(0.02));
        assertEquals(new MatchedFalseAlarms.Matched(0, 3, 0.0), matched.get(0.05));
        assertEquals(new MatchedFalseAlarms.Matched(1, 3, 0.1), matched.get(0.1), "b's outbreak on day 3 only");
        assertEquals(new MatchedFalseAlarms.Matched(2, 3, 0.2), matched.get(0.2), "a's too; b's days 8-9 have no point");
    }

    @Test
    void aDetectorWithoutEvidenceHasNoRow() {
        MatchedFalseAlarms.SeriesEvidence none = new MatchedFalseAlarms.SeriesEvidence(List.of(), List.of(),
                List.<int[]>of(new int[]{0, 1}));
        assertEquals(Map.of(), MatchedFalseAlarms.compute(List.of(none), 10));
    }
}
