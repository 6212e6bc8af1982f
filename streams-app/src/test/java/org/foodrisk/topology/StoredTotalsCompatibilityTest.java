package org.foodrisk.topology;

import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.foodrisk.detect.Evidence;

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

    @Test
    void dailyCountsStoredAsJsonReadThroughTheBinarySerdeAndRoundTrip() {
        DailyCount old = DailyCount.SERDE.read("""
                {"count":3,"failed":1,"weight":3,"records":[{"signal":"sampling","id":"S-1",
                 "at":"2024-05-06T09:30:00+08:00","summary":"猪肉 不合格 克伦特罗"}],"agencies":{"市场监管":3},
                 "targets":{"t|x":[2,1,0]},"tallied":2}""".getBytes(StandardCharsets.UTF_8));
        assertEquals("S-1", old.records().get(0).id());
        DailyCount next = old.add(-1, true, 1, new Evidence("sampling", "S-1", OffsetDateTime.parse(
                "2024-05-06T09:30:00+08:00"), "x"), "区市场监管局").withTargets(-1, Map.of("t|x", new long[] {1, 2, 0}));
        DailyCount withRecord = next.add(1, false, 5, new Evidence("complaint", "C-9", OffsetDateTime.parse(
                "2024-05-06T23:59:59.5-05:00"), "投诉 𝄞"), null);
        for (DailyCount day : List.of(old, next, withRecord, DailyCount.empty())) {
            DailyCount read = DailyCount.SERDE.read(DailyCount.SERDE.write(day));
            assertEquals(Json.MAPPER.valueToTree(day), Json.MAPPER.valueToTree(read), "every field, arrays by value");
            assertEquals(day.records(), read.records(), "times keep their offsets");
        }
        assertEquals(-1, next.targets().get("t|x")[1]);
    }
}
