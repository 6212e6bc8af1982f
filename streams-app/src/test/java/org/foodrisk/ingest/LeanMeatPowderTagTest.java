package org.foodrisk.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sampling result whose items test a β-agonist says so in its signal (issue 15): 蓟州 counts its
 * "瘦肉精"快速检测 apart, and a passing screen keeps only its items' hazard classes otherwise.
 */
class LeanMeatPowderTagTest {

    @Test
    void aPassingRapidTestForClenbuterolIsTaggedAsALeanMeatPowderTest() {
        Signal screen = signal("""
                {"sampleId":"K1","program":"快检","labCode":"JZ01","districtName":"蓟州区","foodCategory":"食用农产品",
                 "foodName":"猪肉","sampledAt":"2024-05-06T10:00:00+08:00","verdict":"合格",
                 "items":[{"item":"盐酸克伦特罗","hazardClass":"兽药残留","pass":true}]}""");
        assertTrue(screen.hasTag(LeanMeatPowder.TESTED_TAG), screen.tags().toString());
        assertEquals(List.of("兽药残留"), screen.testedHazardClasses());

        Signal other = signal("""
                {"sampleId":"K2","program":"快检","labCode":"JZ01","districtName":"蓟州区","foodCategory":"食用农产品",
                 "foodName":"猪肉","sampledAt":"2024-05-06T10:00:00+08:00","verdict":"合格",
                 "items":[{"item":"恩诺沙星","hazardClass":"兽药残留","pass":true}]}""");
        assertFalse(other.hasTag(LeanMeatPowder.TESTED_TAG), other.tags().toString());
    }

    private static String key(String json) {
        return json.replaceAll("(?s).*\"sampleId\":\"([^\"]+)\".*", "$1");
    }

    private static Signal signal(String json) {
        IntakeResult result = new RecordIntake(Duration.ofDays(1)).accept(InputTopic.SAMPLING_RESULTS,
                key(json).getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-06-01T00:00:00Z").toEpochMilli());
        if (result instanceof IntakeResult.Rejected rejected) {
            throw new AssertionError("refused: " + rejected.reason());
        }
        return SignalExtractor.extract((IntakeResult.Accepted) result);
    }
}
