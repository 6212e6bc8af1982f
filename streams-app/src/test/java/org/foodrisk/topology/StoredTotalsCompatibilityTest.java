package org.foodrisk.topology;

import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Store values written before per-target tallies (issue 15) still read: no targets, nothing tallied, so the
 * plan progress says their results were counted before targets were (instead of reading 0 for every target).
 */
class StoredTotalsCompatibilityTest {

    @Test
    void planProgressValuesWrittenBeforeTalliesRead() throws Exception {
        DistrictYearTotals old = Json.MAPPER.readValue("""
                {"tested":10,"failed":1,"byCategory":{"乳制品":[10,1]},"byAgency":{"市场监管":10},
                 "lastJudged":"2024-03-04","firstDay":"2024-01-01"}""", DistrictYearTotals.class);
        assertTrue(old.byTarget().isEmpty());
        assertEquals(10, old.asTotals().untallied());
        assertEquals(10, old.asTotals().byAgency().get("市场监管"));
    }

    @Test
    void dailyCountsWrittenBeforeTalliesRead() throws Exception {
        DailyCount old = Json.MAPPER.readValue("""
                {"count":3,"failed":0,"weight":3,"records":[],"agencies":{"市场监管":3}}""", DailyCount.class);
        assertTrue(old.targets().isEmpty());
        assertEquals(0, old.tallied());
        DailyCount next = old.add(1, false, 1, null, "区市场监管局").withTargets(1, Map.of("t|x", new long[] {1, 0, 0}));
        assertEquals(4, next.count());
        assertEquals(1, next.tallied());
        assertEquals(1, next.targets().get("t|x")[0]);
    }
}
