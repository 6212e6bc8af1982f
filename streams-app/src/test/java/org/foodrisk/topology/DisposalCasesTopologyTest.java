package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.disposal.DisposalCase;
import org.foodrisk.disposal.DisposalRates;
import org.foodrisk.disposal.DisposalTargets;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestJson;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.ZoneOffset;
import java.util.TreeMap;
import org.foodrisk.alert.ActionTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 核查处置 cases (issue 15): a 不合格 result of 监督抽检 opens one case for the unit of its stage and district;
 * the same result twice is one case; 合格 and screening results open none; overdue is judged on the wall
 * clock; the unit takes its case to 已处置; and the rates count open overdue cases against 按时完成率.
 * Records are published in arrival order: a lab's report days after its sample.
 */
class DisposalCasesTopologyTest {

    /** Wall clock at the start: 2024-06-03 12:00 in Tianjin, the day the lab reports. */
    private static final Instant START = Instant.parse("2024-06-03T04:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> sampling;
    private TestInputTopic<String, String> actions;
    private TestOutputTopic<String, String> cases;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() {
        driver = Drivers.topology("disposal-test", START);
        sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS);
        actions = TestTopics.input(driver, TypedTopics.DISPOSAL_ACTIONS.asText());
        cases = TestTopics.output(driver, TypedTopics.DISPOSAL_CASES.asText());
        deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static ObjectNode failed(String sampleId, String district, String stage, String program) {
        ObjectNode record = Samples.pesticideFailure(sampleId, district, "韭菜", "92120222MA05" + sampleId, "2024-05-30T09:30:00+08:00");
        record.put("stage", stage);
        record.put("program", program);
        record.put("reportedAt", "2024-06-03T10:00:00+08:00");
        return record;
    }

    private void publish(ObjectNode record) {
        sampling.pipeInput(record.path("sampleId").asText().getBytes(StandardCharsets.UTF_8),
                record.toString().getBytes(StandardCharsets.UTF_8), START);
    }

    private void act(String caseId, String action, String unit, String measures) {
        actions.pipeInput(caseId, """
                {"caseId":"%s","action":"%s","by":"wq-market-li","unit":"%s","at":"%s"%s}
                """.formatted(caseId, action, unit,
                ActionTime.format(OffsetDateTime.ofInstant(driverNow(), ZoneOffset.ofHours(8))),
                measures == null ? "" : ",\"measures\":" + measures));
    }

    private Instant wallClock = START;

    private Instant driverNow() {
        return wallClock;
    }

    private void advance(Duration by) {
        wallClock = wallClock.plus(by);
        driver.advanceWallClockTime(by);
    }

    private List<DisposalCase> stored() {
        List<DisposalCase> all = new ArrayList<>();
        driver.<String, DisposalCase>getKeyValueStore(StoreNames.DISPOSAL_CASES).all().forEachRemaining(kv -> all.add(kv.value));
        return all;
    }

    @Test
    void aFailedSupervisionResultOpensOneCaseForTheUnitOfItsStageAndDistrict() {
        publish(failed("WQ-1", "武清区", "流通", "区抽"));
        List<JsonNode> opened = cases.readValuesToList().stream().map(TestJson::parse).toList();
        assertEquals(1, opened.size(), opened.toString());
        JsonNode c = opened.get(0);
        assertEquals("WQ-1", c.path("caseId").asText());
        assertEquals(1, c.path("version").asInt());
        assertEquals("待核查", c.path("state").asText());
        assertEquals("区市场监管局", c.path("unit").asText());
        assertEquals("wuqing-2024", c.path("planId").asText());
        assertEquals("120114", c.path("districtCode").asText());
        assertEquals(OffsetDateTime.parse("2024-09-01T10:00:00+08:00").toInstant(),
                OffsetDateTime.parse(c.path("dueBy").asText()).toInstant(), "90 days from the lab's report");
        assertTrue(c.path("deadlineBasis").asText().contains("90日"), c.toString());
        assertTrue(c.path("findings").get(0).asText().contains("腐霉利"), c.toString());
        assertFalse(c.path("overdue").asBoolean());
    }

    @Test
    void theSameResultPublishedTwiceIsOneCase() {
        publish(failed("WQ-2", "武清区", "流通", "区抽"));
        publish(failed("WQ-2", "武清区", "流通", "区抽"));
        assertEquals(1, cases.readValuesToList().size(), "a re-delivery opens nothing");
        // A correction of the result (the lab fixes a value) updates nothing and opens nothing either.
        ObjectNode corrected = failed("WQ-2", "武清区", "流通", "区抽");
        ((ObjectNode) corrected.path("items").get(0)).put("result", "0.9");
        publish(corrected);
        assertTrue(cases.isEmpty(), "a corrected 不合格 is the same case");
        assertEquals(1, stored().size());
    }

    @Test
    void passedScreeningAndMonitoringResultsOpenNoCase() {
        publish(Samples.sampling("OK-1", "武清区", "食用农产品", "韭菜", "2024-05-30T09:30:00+08:00", false));
        publish(failed("QT-1", "武清区", "流通", "快检"));
        publish(failed("RM-1", "武清区", "流通", "风险监测"));
        publish(failed("LX-1", "武清区", "种植养殖", "例行监测"));
        assertTrue(cases.isEmpty(), "only a 不合格 of 监督抽检 opens a case");
        assertTrue(stored().isEmpty());
    }

    @Test
    void stagesGoToTheirAgencyUnderTheDistrictPlansOwnNames() {
        publish(failed("S-1", "武清区", "种植养殖", "区抽"));
        publish(failed("S-2", "武清区", "进口", "国抽"));
        publish(failed("S-3", "河北区", "屠宰", "市抽"));
        publish(failed("S-4", "蓟州区", "餐饮", "省抽"));
        publish(failed("S-5", "西青区", "网络销售", "区抽"));
        Map<String, String> units = new TreeMap<>();
        cases.readValuesToList().stream().map(TestJson::parse)
                .forEach(c -> units.put(c.path("caseId").asText(), c.path("unit").asText()));
        assertEquals(Map.of("S-1", "区农业农村委", "S-2", "武清海关", "S-3", "区农业农村委", "S-4", "区市场监管局",
                "S-5", "区市场监管局"), units);
    }

    @Test
    void aCaseNotDisposedInNinetyDaysIsOverdueOnTheWallClockOnce() {
        publish(failed("WQ-3", "武清区", "流通", "区抽"));
        cases.readValuesToList();
        advance(Duration.ofDays(89));
        assertTrue(cases.isEmpty(), "within its 90 days nothing changes");
        advance(Duration.ofDays(2));
        JsonNode overdue = TestJson.parse(cases.readValue());
        assertEquals(2, overdue.path("version").asInt());
        assertTrue(overdue.path("overdue").asBoolean());
        assertEquals("待核查", overdue.path("state").asText());
        advance(Duration.ofDays(1));
        assertTrue(cases.isEmpty(), "marked once, not every minute");
    }

    @Test
    void theUnitTakesItsCaseToDisposedAndOnlyItsUnitMay() {
        publish(failed("WQ-4", "武清区", "流通", "区抽"));
        cases.readValuesToList();
        act("WQ-4", "accept", "区农业农村委", null);
        act("WQ-4", "dispose", "区市场监管局", "[]");
        act("WQ-4", "dispose", "区市场监管局", "[\"其他\"]");
        List<JsonNode> dead = deadLetters.readValuesToList().stream().map(TestJson::parse).toList();
        assertEquals(3, dead.size(), dead.toString());
        assertTrue(dead.get(0).path("reason").asText().contains("not responsible"), dead.get(0).toString());
        assertTrue(dead.get(1).path("reason").asText().contains("at least one measure"), dead.get(1).toString());
        assertTrue(dead.get(2).path("reason").asText().contains("其他 needs a note"), dead.get(2).toString());
        dead.forEach(d -> assertEquals(Topics.DISPOSAL_ACTIONS, d.path("sourceTopic").asText()));
        assertTrue(cases.isEmpty(), "no refused action makes a version");

        advance(Duration.ofDays(1));
        act("WQ-4", "accept", "区市场监管局", null);
        JsonNode accepted = TestJson.parse(cases.readValue());
        assertEquals("核查中", accepted.path("state").asText());
        advance(Duration.ofDays(5));
        act("WQ-4", "dispose", "区市场监管局", "[\"控制产品\",\"立案\"]");
        JsonNode disposed = TestJson.parse(cases.readValue());
        assertEquals("已处置", disposed.path("state").asText());
        assertEquals("[\"控制产品\",\"立案\"]", disposed.path("measures").toString());
        assertEquals(2, disposed.path("actions").size());
        assertEquals(3, disposed.path("version").asInt());
        advance(Duration.ofDays(120));
        assertTrue(cases.isEmpty(), "a disposed case is never overdue");
    }

    @Test
    void openOverdueCasesCountAgainstTheOnTimeRatePerUnitAndPerPlan() {
        publish(failed("XQ-1", "西青区", "流通", "区抽"));
        publish(failed("XQ-2", "西青区", "流通", "区抽"));
        publish(failed("XQ-3", "西青区", "种植养殖", "区抽"));
        advance(Duration.ofDays(10));
        act("XQ-1", "dispose", "区市场监管局", "[\"下架\"]");
        advance(Duration.ofDays(100)); // XQ-2 and XQ-3 are now open past their 90 days
        OffsetDateTime asOf = OffsetDateTime.ofInstant(wallClock, ZoneOffset.ofHours(8));
        List<DisposalCase> all = stored();

        DisposalRates market = DisposalRates.byGroup(all, DisposalCase::unit, asOf).get("区市场监管局");
        assertEquals(2, market.received());
        assertEquals(1, market.disposed());
        assertEquals(1, market.openOverdue());
        assertEquals(50.0, market.handlingRate(), "核查处置率 = 已处置 / received");
        assertEquals(50.0, market.onTimeRate(), "按时完成率 = in time / (已处置 + open overdue): the late open case counts");
        DisposalRates agriculture = DisposalRates.byGroup(all, DisposalCase::unit, asOf).get("区农业农村委");
        assertEquals(0.0, agriculture.onTimeRate(), "nothing disposed, one open overdue: 0 %, not 'no figure'");

        DisposalRates plan = DisposalRates.byGroup(all, DisposalCase::districtCode, asOf).get("120111");
        assertEquals(3, plan.received());
        assertEquals(33.3, plan.handlingRate());
        assertEquals(33.3, plan.onTimeRate());
        List<DisposalTargets.Target> targets = new DisposalTargets(PlanCatalog.bundled()).of("120111", "西青区", 2024);
        assertEquals(List.of("核查处置率 100.0", "按时完成率 85.0"),
                targets.stream().map(t -> t.metric() + " " + t.value()).toList(), "西青 2021 18. states both");
        assertFalse(targets.get(1).met(plan.onTimeRate()));
        assertTrue(new DisposalTargets(PlanCatalog.bundled()).of("120114", "武清区", 2024).isEmpty(),
                "武清 states no such target: none is lent from 西青");

        // Before the deadline passed, the open cases were not yet late: only the disposed one counted.
        DisposalRates early = DisposalRates.of(all.stream().filter(c -> "区市场监管局".equals(c.unit())).toList(),
                OffsetDateTime.parse("2024-06-20T00:00:00+08:00"));
        assertEquals(100.0, early.onTimeRate());
        assertNull(DisposalRates.of(List.of(), asOf).handlingRate());
    }

    @Test
    void aResultCorrectedToPassedWithdrawsACaseNoOneActedOn() {
        publish(failed("WQ-5", "武清区", "流通", "区抽"));
        cases.readValuesToList();
        ObjectNode passed = Samples.sampling("WQ-5", "武清区", "食用农产品", "韭菜", "2024-05-30T09:30:00+08:00", false);
        passed.put("reportedAt", "2024-06-03T10:00:00+08:00");
        publish(passed);
        JsonNode withdrawn = TestJson.parse(cases.readValue());
        assertTrue(withdrawn.path("withdrawn").asBoolean(), withdrawn.toString());
        assertEquals(0, DisposalRates.of(stored(), OffsetDateTime.parse("2025-01-01T00:00:00+08:00")).received());
        advance(Duration.ofDays(100));
        assertTrue(cases.isEmpty(), "a withdrawn case is never overdue");
    }
}
