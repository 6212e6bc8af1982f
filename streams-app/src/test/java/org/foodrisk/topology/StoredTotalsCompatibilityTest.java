package org.foodrisk.topology;

import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
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
    void planProgressStoredAsJsonReadsThroughTheBinarySerdeAndRoundTrips() {
        DistrictYearTotals old = DistrictYearTotals.SERDE.read("""
                {"tested":10,"failed":1,"byCategory":{"乳制品":[10,1]},"byAgency":{"市场监管":10},
                 "lastJudged":"2024-03-04","firstDay":"2024-01-01","byTarget":{"t1|蔬菜":[7,1,0]},"tallied":7}"""
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(7, old.byTarget().get("t1|蔬菜")[0]);
        DistrictYearTotals next = old.add(1, true, "蔬菜", "区农业农村委", "2023-12-31")
                .withTargets(-1, Map.of("t1|蔬菜", new long[] {1, 2, 0}), true, "2024-05-01").judgedOn("2024-05-06");
        DistrictYearTotals read = DistrictYearTotals.SERDE.read(DistrictYearTotals.SERDE.write(next));
        assertEquals(Json.MAPPER.valueToTree(next), Json.MAPPER.valueToTree(read), "every field, arrays by value");
        assertEquals("2023-12-31", read.firstDay());
        assertEquals(6, read.byTarget().get("t1|蔬菜")[0]);
        assertEquals(-1, read.byTarget().get("t1|蔬菜")[1], "a negative tally survives (zig-zag)");
        DistrictYearTotals empty = DistrictYearTotals.SERDE.read(DistrictYearTotals.SERDE.write(DistrictYearTotals.empty()));
        assertEquals(Json.MAPPER.valueToTree(DistrictYearTotals.empty()), Json.MAPPER.valueToTree(empty));
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
