package org.foodrisk.summary;

import com.fasterxml.jackson.databind.JsonNode;
import org.foodrisk.kafka.Json;
import org.foodrisk.reference.Districts;
import org.foodrisk.reference.Period;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is written to foodrisk.risk-summaries.v1 carries the contract's field names and fits the topic
 * whatever the number of open alerts (issue 14: an unbounded summary was refused by the producer and
 * retried for ever, holding back every later period).
 */
class SummaryRecordTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final Instant GENERATED = Instant.parse("2024-05-20T00:00:00Z");
    private static final ContractValidator SCHEMA = ContractValidator.forTopic(Topics.RISK_SUMMARIES);

    private static RiskSummary summary(Map<String, List<String>> openByUnit, String markdown) {
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        byLevel.put("红色", 1);
        byLevel.put("橙色", 2);
        byLevel.put("黄色", 0);
        byLevel.put("蓝色", 3);
        return new RiskSummary("120114", "武清区", "2024-W20", "2024-05-13", "2024-05-19", 6, 4, byLevel,
                Map.of("投诉举报数异常", 3), Map.of("食用农产品", 6), Map.of("区市场监管局", 6), List.of(), openByUnit,
                Map.of("区市场监管局", 1), List.of(), List.of(), markdown, null, null);
    }

    private static JsonNode published(RiskSummary summary) throws Exception {
        String json = SummaryRecord.json(summary, TIANJIN, GENERATED, SummaryRecord.MAX_BYTES);
        assertTrue(json.getBytes(StandardCharsets.UTF_8).length <= SummaryRecord.MAX_BYTES,
                "within the guard: " + json.getBytes(StandardCharsets.UTF_8).length);
        JsonNode record = Json.MAPPER.readTree(json);
        assertEquals(List.of(), SCHEMA.validate(record), "valid against the topic's schema");
        return record;
    }

    /** One open alert as the summary lists it, long as a real headline can be. */
    private static String openAlert(int i) {
        return "[红色] " + "武清区某农贸市场韭菜腐霉利超标，伴随投诉与舆情，涉及多个摊位与供货商".repeat(4) + "（ALT-120114-" + i + "）";
    }

    @Test
    void anOrdinarySummaryKeepsEverythingAndGainsTheContractNames() throws Exception {
        RiskSummary summary = summary(Map.of("区市场监管局", List.of(openAlert(1), openAlert(2)),
                "区农业农村委", List.of(openAlert(2))), "# 武清区 2024-W20\n\n- 红色预警 1 起\n");
        JsonNode record = published(summary);
        assertEquals("week", record.path("periodType").asText());
        assertEquals("2024-05-13T00:00:00+08:00", record.path("from").asText());
        assertEquals("2024-05-20T00:00:00+08:00", record.path("to").asText());
        assertEquals("2024-05-20T08:00:00+08:00", record.path("generatedAt").asText());
        assertEquals(1, record.path("alertsByLevel").path("RED").asInt());
        assertEquals(3, record.path("alertsByLevel").path("BLUE").asInt());
        assertEquals(6, record.path("alertsByUnit").path("区市场监管局").asInt());
        assertEquals(2, record.path("openAlerts").asInt(), "an alert of two units is one open alert");
        assertEquals(summary.markdown(), record.path("markdown").asText());
        assertEquals(2, record.path("openByUnit").path("区市场监管局").size());
        assertFalse(record.has("openByUnitOmitted"), "nothing was cut");
        assertEquals(6, record.path("newAlerts").asInt(), "the fields the API answers stay as they were");
    }

    @Test
    void aFloodOfOpenAlertsIsCutPerUnitAndSaysHowManyWereLeftOut() throws Exception {
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            flood.add(openAlert(i));
        }
        RiskSummary summary = summary(Map.of("区市场监管局", flood, "区农业农村委", flood, "区卫生健康委", flood), "# 摘要\n");
        int unbounded = Json.MAPPER.writeValueAsBytes(summary).length;
        System.out.println("SummaryRecordTest: 3 units × 8,000 open alerts, unbounded " + unbounded + " bytes");
        assertTrue(unbounded > 1024 * 1024, "the flood alone is more than the topic takes: " + unbounded);

        JsonNode record = published(summary);
        assertEquals(8000, record.path("openAlerts").asInt(), "the count is never cut");
        for (String unit : List.of("区市场监管局", "区农业农村委", "区卫生健康委")) {
            int kept = record.path("openByUnit").path(unit).size();
            int omitted = record.path("openByUnitOmitted").path(unit).asInt();
            assertTrue(kept > 0, "the first entries stay: " + unit);
            assertEquals(8000, kept + omitted, unit);
            assertEquals(openAlert(0), record.path("openByUnit").path(unit).get(0).asText(), "cut from the end");
        }
        assertEquals("# 摘要\n", record.path("markdown").asText(), "the markdown fitted and is whole");
    }

    @Test
    void aMarkdownTooLongForTheTopicIsCutAtALineAndSaysSo() throws Exception {
        StringBuilder markdown = new StringBuilder("# 武清区 2024-W20\n");
        while (markdown.length() < 400_000) {
            markdown.append("- ").append("韭菜腐霉利超标，伴随投诉与舆情。".repeat(5)).append('\n');
        }
        RiskSummary summary = summary(Map.of(), markdown.toString());
        assertTrue(markdown.toString().getBytes(StandardCharsets.UTF_8).length > 1024 * 1024);

        JsonNode record = published(summary);
        String cut = record.path("markdown").asText();
        assertTrue(cut.endsWith(SummaryRecord.MARKDOWN_CUT_NOTE), "says it was cut");
        String kept = cut.substring(0, cut.length() - SummaryRecord.MARKDOWN_CUT_NOTE.length());
        assertTrue(markdown.toString().startsWith(kept), "a prefix of the original");
        assertTrue(markdown.charAt(kept.length()) == '\n', "cut at a line's end");
        assertTrue(kept.length() > 100_000, "keeps as much as fits, not a token: " + kept.length());
    }

    @Test
    void aLongAsciiMarkdownIsCutToTheSchemasLengthEvenWhenItsBytesWouldFit() throws Exception {
        String markdown = ("- line of plain text\n").repeat(30_000); // 600,000 characters, 600,000 bytes
        JsonNode record = published(summary(Map.of(), markdown));
        assertTrue(record.path("markdown").asText().length() <= SummaryRecord.MAX_MARKDOWN_CHARS);
    }
    /** The city's summary on its topic (issue 20): the contract's shape, and within the topic's size by cutting its text. */
    @Test
    void aCitySummaryIsTheContractsAndFitsItsTopic() throws Exception {
        CitySummary city = new CitySummaryBuilder(ZoneId.of("Asia/Shanghai")).build("city", "天津市",
                Districts.all(), Period.parse("2026-W49"), List.of());
        JsonNode whole = Json.MAPPER.readTree(SummaryRecord.json(city, ZoneId.of("Asia/Shanghai"),
                Instant.parse("2026-12-07T00:00:00Z"), SummaryRecord.MAX_BYTES));
        assertEquals(List.of(), ContractValidator.forTopic(Topics.CITY_SUMMARIES).validate(whole));
        assertEquals("2026-12-07T08:00:00+08:00", whole.path("generatedAt").asText());
        assertEquals(city.markdown(), whole.path("markdown").asText());

        String small = SummaryRecord.json(city, ZoneId.of("Asia/Shanghai"), Instant.parse("2026-12-07T00:00:00Z"), 4000);
        assertTrue(small.getBytes(StandardCharsets.UTF_8).length <= 4000, "fits: " + small.length());
        JsonNode cut = Json.MAPPER.readTree(small);
        assertTrue(cut.path("markdown").asText().endsWith(SummaryRecord.MARKDOWN_CUT_NOTE), "says it was cut");
        assertEquals(List.of(), ContractValidator.forTopic(Topics.CITY_SUMMARIES).validate(cut));
    }
}
