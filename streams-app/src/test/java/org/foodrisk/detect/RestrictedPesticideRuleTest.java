package org.foodrisk.detect;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalExtractor;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.foodrisk.reference.CriticalHazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 限用 pesticides on crops where their use is prohibited (农业部公告第199号, the 2014 list, 农业农村部公告第2552号,
 * as quoted in shared/reference/hazards.md b2): an alert at once; the same pesticide on a crop where it
 * is allowed, a passing result, or a banned pesticide (the critical-hazard rule's) is not one here.
 */
class RestrictedPesticideRuleTest {

    @Test
    void carbofuranOnChivesIsAnAlertAtOnce() {
        List<Detection> found = RestrictedPesticideRule.evaluate(sample("RP-1", "食用农产品", "蔬菜", "韭菜", "克百威", false));
        assertEquals(1, found.size(), found.toString());
        Detection d = found.get(0);
        assertEquals("sampling.restricted-pesticide", d.kind());
        assertEquals(AlertLevel.ORANGE, d.level());
        assertEquals("克百威", d.substance());
        assertTrue(d.headline().contains("禁止在蔬菜上使用") && d.headline().contains("农业部公告第199号"), d.headline());
    }

    @Test
    void theCropDecides() {
        // 氧乐果 is prohibited on 甘蓝 and 柑橘 only; read as 乐果 it would wrongly fire on any vegetable.
        assertEquals(1, RestrictedPesticideRule.evaluate(sample("RP-2", "食用农产品", "水果", "柑橘", "氧乐果", false)).size());
        assertEquals(1, RestrictedPesticideRule.evaluate(sample("RP-3", "食用农产品", "蔬菜", "甘蓝", "氧乐果", false)).size());
        assertEquals(List.of(), RestrictedPesticideRule.evaluate(sample("RP-4", "食用农产品", "蔬菜", "韭菜", "氧乐果", false)));
        // 丁硫克百威 (公告第2552号, also on 食用菌) is its own pesticide, not 克百威.
        List<Detection> mushroom = RestrictedPesticideRule.evaluate(sample("RP-5", "食用农产品", "蔬菜", "香菇", "丁硫克百威", false));
        assertEquals(1, mushroom.size());
        assertEquals("丁硫克百威", mushroom.get(0).substance());
        // 克百威 on wheat flour: no crop restriction applies.
        assertEquals(List.of(), RestrictedPesticideRule.evaluate(sample("RP-6", "粮食加工品", null, "小麦粉", "克百威", false)));
    }

    @Test
    void acephateIsRestrictedNotTheBannedMethamidophosItsNameContains() {
        assertTrue(CriticalHazards.classify("乙酰甲胺磷", "农药残留", "食用农产品").isEmpty());
        assertTrue(CriticalHazards.classify("甲胺磷", "农药残留", "食用农产品").isPresent());
        List<Detection> found = RestrictedPesticideRule.evaluate(sample("RP-10", "食用农产品", "蔬菜", "芹菜", "乙酰甲胺磷", false));
        assertEquals(1, found.size(), found.toString());
        assertEquals("乙酰甲胺磷", found.get(0).substance());
        assertTrue(found.get(0).headline().contains("农业农村部公告第2552号"), found.get(0).headline());
    }

    @Test
    void passingResultsAndBannedPesticidesAreNotJudgedHere() {
        assertEquals(List.of(), RestrictedPesticideRule.evaluate(sample("RP-7", "食用农产品", "蔬菜", "韭菜", "克百威", true)));
        // 甲拌磷 is banned outright since 2024-09: the critical-hazard rule's, not a second alert here.
        assertEquals(List.of(), RestrictedPesticideRule.evaluate(sample("RP-8", "食用农产品", "蔬菜", "韭菜", "甲拌磷", false)));
    }

    @Test
    void theTopologyRaisesIt() {
        try (TopologyTestDriver driver = Drivers.topology("restricted-pesticide", Instant.parse("2024-06-30T00:00:00Z"))) {
            TestInputTopic<String, String> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS.asText());
            TestOutputTopic<String, String> alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
            sampling.pipeInput("RP-9", json("RP-9", "食用农产品", "蔬菜", "豇豆", "克百威", false));
            List<JsonNode> raised = alerts.readValuesToList().stream().map(RestrictedPesticideRuleTest::parse)
                    .filter(a -> a.path("kind").asText().equals("sampling.restricted-pesticide")).toList();
            assertEquals(1, raised.size(), raised.toString());
            assertEquals("120114", raised.get(0).path("districtCode").asText());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(String id, String category, String subcategory, String food, String item, boolean pass) {
        return """
                {"sampleId":"%s","program":"区抽","agency":"区市场监管局","labCode":"WQJC001","districtCode":"120114",
                 "stage":"流通","foodCategory":"%s",%s"foodName":"%s","sampledAt":"2024-06-03T10:00:00+08:00",
                 "reportedAt":"2024-06-06T10:00:00+08:00","verdict":"%s","enterprise":{"name":"武清区某蔬菜店"},
                 "items":[{"item":"%s","hazardClass":"农药残留","result":"%s","unit":"mg/kg","limit":"0.02","pass":%s}]}
                """.formatted(id, category, subcategory == null ? "" : "\"foodSubcategory\":\"" + subcategory + "\",", food,
                pass ? "合格" : "不合格", item, pass ? "未检出" : "0.31", pass);
    }

    private static Signal sample(String id, String category, String subcategory, String food, String item, boolean pass) {
        String json = json(id, category, subcategory, food, item, pass);
        IntakeResult result = new RecordIntake(Duration.ofDays(1)).accept(InputTopic.SAMPLING_RESULTS,
                id.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-06-07T00:00:00Z").toEpochMilli());
        if (result instanceof IntakeResult.Rejected rejected) {
            throw new AssertionError("refused: " + rejected.reason());
        }
        return SignalExtractor.extract((IntakeResult.Accepted) result);
    }
}
