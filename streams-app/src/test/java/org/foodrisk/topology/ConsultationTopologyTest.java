package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 会商 records (issue 20): a meeting recorded once with its decisions, each decision reported on by its own unit
 * (or the 食安办) to 已落实 — every accepted action a new version on foodrisk.consultations.v1 — and every other
 * action a dead letter with the reason: a second record under the same id, another unit's report, a report on a
 * decision already done, a record missing its date.
 */
class ConsultationTopologyTest {

    private static final Instant START = Instant.parse("2026-12-04T08:00:00Z");
    private static final String ID = "120111-2026-W49-1";

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> actions;
    private TestOutputTopic<String, String> records;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() {
        driver = Drivers.topology("consultation-test", START);
        actions = TestTopics.input(driver, TypedTopics.CONSULTATION_ACTIONS.asText());
        records = TestTopics.output(driver, TypedTopics.CONSULTATIONS.asText());
        deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static final String RECORD = """
            {"consultationId":"%s","action":"record","by":"xq-office","unit":"区食安办","at":"2026-12-04T16:00:00+08:00",
             "district":"120111","districtName":"西青区","period":"2026-W49","title":"第49周风险会商",
             "heldAt":"2026-12-04T14:30:00+08:00","attendees":["区食安办","区市场监管局","区农业农村委"],
             "risks":[{"alertId":"A-1","note":"韭菜腐霉利"}],
             "decisions":[{"text":"韭菜专项抽检30批次","unit":"区市场监管局","dueBy":"2026-12-18","alertIds":["A-1"]},
                          {"text":"追溯种植基地","unit":"区农业农村委","dueBy":"2026-12-25"}]}
            """.formatted(ID);

    private static String progress(String unit, String decision, String state, String note) {
        return """
                {"consultationId":"%s","action":"progress","by":"someone","unit":"%s","at":"2026-12-10T10:00:00+08:00",
                 "decisionId":"%s","state":"%s","note":"%s"}
                """.formatted(ID, unit, decision, state, note);
    }

    private List<JsonNode> versions() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (TestRecord<String, String> record : records.readRecordsToList()) {
            out.add(Json.MAPPER.readTree(record.value()));
        }
        return out;
    }

    private List<String> refusals() throws Exception {
        List<String> out = new ArrayList<>();
        for (TestRecord<String, String> record : deadLetters.readRecordsToList()) {
            out.add(Json.MAPPER.readTree(record.value()).path("reason").asText());
        }
        return out;
    }

    @Test
    void aMeetingIsRecordedOnceAndEachDecisionFollowedByItsUnitToDone() throws Exception {
        actions.pipeInput(ID, RECORD, START);
        List<JsonNode> recorded = versions();
        assertEquals(1, recorded.size());
        JsonNode first = recorded.get(0);
        assertEquals(1, first.path("version").asInt());
        assertEquals(List.of("120111-2026-W49-1-1", "120111-2026-W49-1-2"),
                List.of(first.path("decisions").get(0).path("decisionId").asText(),
                        first.path("decisions").get(1).path("decisionId").asText()));
        assertEquals("待落实", first.path("decisions").get(0).path("state").asText());
        assertEquals("[\"A-1\"]", first.path("decisions").get(0).path("alertIds").toString());

        actions.pipeInput(ID, progress("区市场监管局", ID + "-1", "落实中", "已抽检12批次"), START.plusSeconds(60));
        actions.pipeInput(ID, progress("区市场监管局", ID + "-1", "已落实", "完成32批次，2批次不合格已立案"), START.plusSeconds(120));
        actions.pipeInput(ID, progress("区食安办", ID + "-2", "落实中", "督促区农业农村委追溯"), START.plusSeconds(180));
        List<JsonNode> followed = versions();
        assertEquals(List.of(2, 3, 4), followed.stream().map(v -> v.path("version").asInt()).toList());
        JsonNode last = followed.get(2);
        JsonNode done = last.path("decisions").get(0);
        assertEquals("已落实", done.path("state").asText());
        assertEquals("2026-12-10T10:00:00+08:00", done.path("doneAt").asText());
        assertEquals(2, done.path("progress").size());
        assertEquals("落实中", last.path("decisions").get(1).path("state").asText(), "the 食安办 reports for any unit");
        assertEquals(List.of(), refusals());
    }

    @Test
    void whatTheLifecycleRefusesIsADeadLetterWithTheReason() throws Exception {
        actions.pipeInput(ID, progress("区市场监管局", ID + "-1", "落实中", "x"), START);
        actions.pipeInput(ID, RECORD, START);
        actions.pipeInput(ID, RECORD, START);
        actions.pipeInput(ID, progress("区农业农村委", ID + "-1", "落实中", "not ours"), START);
        actions.pipeInput(ID, progress("区市场监管局", ID + "-9", "落实中", "no such decision"), START);
        actions.pipeInput(ID, progress("区市场监管局", ID + "-1", "已落实", "done"), START);
        actions.pipeInput(ID, progress("区市场监管局", ID + "-1", "落实中", "again"), START);
        actions.pipeInput("120111-2026-W49-2", RECORD.replace(ID, "120111-2026-W49-2").replace("\"heldAt\":\"2026-12-04T14:30:00+08:00\",", ""),
                START);
        assertEquals(2, versions().size(), "recorded, then one report accepted");
        List<String> reasons = refusals();
        assertEquals(6, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains("no 会商 120111-2026-W49-1 is recorded"), reasons.get(0));
        assertTrue(reasons.get(1).contains("is recorded already"), reasons.get(1));
        assertTrue(reasons.get(2).contains("is 区市场监管局's; 区农业农村委 may not report on it"), reasons.get(2));
        assertTrue(reasons.get(3).contains("has no decision"), reasons.get(3));
        assertTrue(reasons.get(4).contains("已落实 already"), reasons.get(4));
        assertTrue(reasons.get(5).contains("needs district, period, title and heldAt"), reasons.get(5));
    }
}
