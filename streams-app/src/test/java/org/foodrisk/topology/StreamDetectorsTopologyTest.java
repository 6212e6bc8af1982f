package org.foodrisk.topology;

import org.foodrisk.testsupport.TestJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.foodrisk.testsupport.Drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detectors of illness reports, complaints and opinion signals, and fusion across streams. */
class StreamDetectorsTopologyTest {

    private static final Instant PUBLISHED = Instant.parse("2024-06-01T00:00:00Z");

    private TopologyTestDriver driver;
    private TestOutputTopic<String, String> alerts;

    @BeforeEach
    void start() throws Exception {
        driver = Drivers.topology("stream-detectors-test");
        alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void publish(String topic, String key, String json) {
        publish(topic, key, json, PUBLISHED);
    }

    private void publish(String topic, String key, String json, Instant publishedAt) {
        TestInputTopic<String, String> input = TestTopics.input(driver, TypedTopics.input(topic).asText());
        input.pipeInput(key, json, publishedAt);
    }

    private List<JsonNode> alertsOfKind(String kind) {
        return alerts.readValuesToList().stream().map(TestJson::parse)
                .filter(a -> a.path("kind").asText().equals(kind)).toList();
    }

    private static String illness(String caseId, String onset, String place, String type) {
        return """
                {"caseId":"%s","reportingUnit":"天津市蓟州区人民医院","districtCode":"120119","onsetAt":"%s",
                 "symptoms":["腹泻","呕吐"],"syndrome":"胃肠道","suspectedFood":"午餐",
                 "exposurePlace":{"name":"%s","type":"%s"}}
                """.formatted(caseId, onset, place, type);
    }

    @Test
    void twoCasesAtOneSchoolCanteenWithin72HoursAreASuspectedOutbreak() {
        publish(Topics.ILLNESS_REPORTS, "I-1", illness("I-1", "2024-05-06T02:15:00+08:00", "某中学学生食堂", "学校食堂"));
        assertTrue(alertsOfKind("illness.cluster").isEmpty(), "one case is not a cluster");
        publish(Topics.ILLNESS_REPORTS, "I-2", illness("I-2", "2024-05-06T07:40:00+08:00", "某中学学生食堂", "学校食堂"));
        publish(Topics.ILLNESS_REPORTS, "I-9", illness("I-9", "2024-05-06T08:00:00+08:00", "另一家饭店", "餐饮服务单位"));
        List<JsonNode> first = alertsOfKind("illness.cluster");
        assertEquals(1, first.size());
        JsonNode alert = first.get(0);
        assertEquals("ORANGE", alert.path("level").asText(), "2 cases = YELLOW, raised one level for a school canteen");
        assertEquals(2, alert.path("evidence").size());
        assertEquals("illness", alert.path("evidence").get(0).path("signal").asText());
        assertEquals("蓟州区2018年食品安全监管计划", alert.path("planTasks").get(0).path("plan").asText());
        JsonNode school = alert.path("planTasks").get(0);
        assertEquals("3.（七）.15", school.path("number").asText(), "the school canteen's clause (校园及周边) first");
        assertEquals("[\"区教育局\",\"区市场监管局\",\"各镇乡街\"]", school.path("leadUnits").toString(),
                "区教育局 leads; 蓟州's 市场监管局 is 区市场监管局");
        assertEquals("区教育局、市场监管局、各镇乡街依职责分工负责", school.path("clause").path("asWritten").asText()
                .replace("责任单位：", ""));
        assertTrue(school.path("planNote").asText().startsWith("本区无2024年计划，按2018年计划"), school.toString());
        assertEquals("3.（八）.2", alert.path("planTasks").get(1).path("number").asText(), "then the 食源性疾病 owner");
        assertEquals("[\"区卫生健康委\"]", alert.path("planTasks").get(1).path("leadUnits").toString(), "区卫计委 today");

        publish(Topics.ILLNESS_REPORTS, "I-3", illness("I-3", "2024-05-07T13:05:00+08:00", "某中学学生食堂", "学校食堂"));
        List<JsonNode> update = alertsOfKind("illness.cluster");
        assertEquals(1, update.size());
        assertEquals(alert.path("alertId").asText(), update.get(0).path("alertId").asText(), "a later case joins the same alert");
        assertEquals(2, update.get(0).path("version").asInt());
        assertEquals(3, update.get(0).path("evidence").size());
    }

    @Test
    void casesMoreThan72HoursApartAreNotOneOutbreak() {
        publish(Topics.ILLNESS_REPORTS, "I-4", illness("I-4", "2024-05-01T10:00:00+08:00", "某饭店", "餐饮服务单位"));
        publish(Topics.ILLNESS_REPORTS, "I-5", illness("I-5", "2024-05-05T10:00:00+08:00", "某饭店", "餐饮服务单位"));
        assertTrue(alertsOfKind("illness.cluster").isEmpty());
    }

    private static String complaint(String id, String at, String creditCode, String text) {
        return """
                {"complaintId":"%s","channel":"12315","receivedAt":"%s",
                 "enterprise":{"name":"某超市","creditCode":"%s"},"issueType":"变质","text":"%s"}
                """.formatted(id, at, creditCode, text);
    }

    @Test
    void repeatedComplaintsAboutOneBusinessAreAnAlertWithTheDistrictFromTheText() {
        publish(Topics.COMPLAINTS, "Q-1", complaint("Q-1", "2024-05-01T10:00:00+08:00", "91120114MA0COMPL1",
                "在武清区杨村街道某超市买的酸奶变质"));
        publish(Topics.COMPLAINTS, "Q-2", complaint("Q-2", "2024-05-20T10:00:00+08:00", "91120114MA0COMPL1",
                "杨村某超市酸奶过期还在卖"));
        List<JsonNode> out = alertsOfKind("complaint.repeat-enterprise");
        assertEquals(1, out.size());
        assertEquals("BLUE", out.get(0).path("level").asText());
        assertEquals("120114", out.get(0).path("districtCode").asText());
        assertEquals("（二十五）", out.get(0).path("planTasks").get(0).path("number").asText(), "武清's 投诉举报 owner");
    }

    /** A business whose name says it is a school canteen routes to the plan's school clause too (issue 15). */
    @Test
    void complaintsAboutASchoolCanteenReachTheSchoolClauseAfterTheComplaintOwner() {
        String school = """
                {"complaintId":"%s","channel":"12345","receivedAt":"%s","districtCode":"120114",
                 "enterprise":{"name":"武清区杨村第一小学食堂","creditCode":"12120114MB0SCHOOL"},"issueType":"卫生条件",
                 "text":"%s"}
                """;
        publish(Topics.COMPLAINTS, "Q-7", school.formatted("Q-7", "2024-05-01T10:00:00+08:00", "孩子说学校食堂饭菜有异味"));
        publish(Topics.COMPLAINTS, "Q-8", school.formatted("Q-8", "2024-05-03T10:00:00+08:00", "学校食堂卫生差"));
        List<JsonNode> out = alertsOfKind("complaint.repeat-enterprise");
        assertEquals(1, out.size());
        JsonNode tasks = out.get(0).path("planTasks");
        assertEquals("（二十五）", tasks.get(0).path("number").asText(), "the complaint owner first");
        assertEquals("[\"区市场监管局\"]", tasks.get(0).path("leadUnits").toString());
        assertEquals("（十五）", tasks.get(1).path("number").asText(), "then the 校园 clause: " + tasks);
        assertEquals(2, tasks.get(1).path("clause").path("index").asInt());
        assertTrue(tasks.get(1).path("coUnits").toString().contains("区教育局"), tasks.get(1).toString());
    }

    private static String post(String id, String at, long reach, boolean rumour) {
        return """
                {"signalId":"%s","source":"微博","publishedAt":"%s","title":"武清韭菜农药残留","text":"网传武清区韭菜农药超标",
                 "reach":%d,"rumour":%s}
                """.formatted(id, at, reach, rumour);
    }

    @Test
    void aHighReachRumourIsFlaggedAtOnce() {
        publish(Topics.OPINION_SIGNALS, "O-1", post("O-1", "2024-05-06T10:00:00+08:00", 780_000, true));
        List<JsonNode> out = alertsOfKind("opinion.rumour");
        assertEquals(1, out.size());
        assertEquals("YELLOW", out.get(0).path("level").asText());
        assertTrue(out.get(0).path("planTasks").toString().contains("（二十六）"), "武清's 舆情 owner answers too");
        publish(Topics.OPINION_SIGNALS, "O-2", post("O-2", "2024-05-06T11:00:00+08:00", 5_000, true));
        assertTrue(alertsOfKind("opinion.rumour").isEmpty(), "a rumour nobody reads is not flagged");
    }

    @Test
    void aBurstOfPostsAboveTheSevenDayBaselineIsASpike() {
        // One post a day for ten days (a quiet baseline), then six posts within a few hours.
        for (int day = 1; day <= 10; day++) {
            publish(Topics.OPINION_SIGNALS, "B-" + day, post("B-" + day,
                    String.format("2024-05-%02dT09:00:00+08:00", day), 100, false));
        }
        assertTrue(alertsOfKind("opinion.spike").isEmpty(), "one post a day is the baseline, not a spike");
        for (int i = 0; i < 6; i++) {
            publish(Topics.OPINION_SIGNALS, "S-" + i, post("S-" + i,
                    String.format("2024-05-11T%02d:10:00+08:00", 10 + i), 20_000, false));
        }
        List<JsonNode> out = alertsOfKind("opinion.spike");
        assertTrue(!out.isEmpty());
        JsonNode last = out.get(out.size() - 1);
        assertEquals("120114", last.path("districtCode").asText());
        assertTrue(last.path("detector").path("observed").asDouble() > last.path("detector").path("threshold").asDouble());
        // Baseline: seven windows with exactly one post of reach 100, weight 1 + log10(101) each,
        // so sd = 0 and the threshold equals that weight.
        assertEquals(1 + Math.log10(101), last.path("detector").path("threshold").asDouble(), 1e-9);
    }

    @Test
    void aFailedSampleComplaintsAndPostsAboutTheSameFoodFuse() {
        // The service has seen this district's signals since February: fusion judges 韭菜 against 84 quiet days.
        publish(Topics.SAMPLING_RESULTS, "F-0", Samples.sampling("F-0", "武清区", "食用农产品", "白菜",
                "2024-02-01T10:00:00+08:00", false).toString());
        publish(Topics.SAMPLING_RESULTS, "F-1", Samples.pesticideFailure("F-1", "武清区", "韭菜", "92120114MA05FUSE01",
                "2024-05-06T10:05:00+08:00").toString());
        publish(Topics.COMPLAINTS, "FQ-1", """
                {"complaintId":"FQ-1","channel":"12345","receivedAt":"2024-05-06T12:00:00+08:00","text":"武清区杨村菜市场买的韭菜有农药味"}
                """);
        assertTrue(alertsOfKind("fusion").isEmpty(), "two signals are fewer than the three fusion needs");
        publish(Topics.COMPLAINTS, "FQ-X", """
                {"complaintId":"FQ-X","channel":"12345","receivedAt":"2024-05-06T13:00:00+08:00","text":"武清区某饭店的菜不新鲜"}
                """);
        publish(Topics.OPINION_SIGNALS, "FO-1", post("FO-1", "2024-05-06T15:00:00+08:00", 30_000, false));
        // One failed sample, one complaint and one post about 韭菜, never seen in the 84 days before: each stream's
        // tail (E = 0.5/84*7) is 0.041, Fisher's combination over the four streams 0.014 (R) — chance at alpha 0.001.
        assertTrue(alertsOfKind("fusion").isEmpty(), "three single signals are not yet unusual together");
        publish(Topics.COMPLAINTS, "FQ-2", """
                {"complaintId":"FQ-2","channel":"12345","receivedAt":"2024-05-07T12:00:00+08:00","text":"武清区买的韭菜吃了头晕"}
                """);
        List<JsonNode> first = alertsOfKind("fusion");
        assertEquals(1, first.size(), "a second complaint: together unusual");
        JsonNode alert = first.get(0);
        assertEquals("YELLOW", alert.path("level").asText(), "an ordinary pesticide");
        // R: tails 0.0408, P(N>=2 | 0.5/84*7) = 8.4e-4, 0.0408, and 1 for the illness stream;
        // pchisq(26.949227916365892, 8, lower.tail = FALSE).
        assertEquals(0.00072139976065778086, alert.path("detector").path("pValue").asDouble(), 1e-14);
        assertEquals("韭菜", alert.path("foodName").asText());
        assertEquals(4, alert.path("evidence").size(), "the complaint naming no food is not evidence of 韭菜");
        assertEquals(List.of("sampling", "complaint", "opinion", "complaint"), alert.path("evidence")
                .findValuesAsText("signal"));
        publish(Topics.COMPLAINTS, "FQ-3", """
                {"complaintId":"FQ-3","channel":"12345","receivedAt":"2024-05-07T13:00:00+08:00","text":"武清区买的韭菜吃了头晕"}
                """);
        List<JsonNode> updated = alertsOfKind("fusion");
        assertEquals(1, updated.size());
        assertEquals(alert.path("alertId").asText(), updated.get(0).path("alertId").asText(), "the same risk, updated");
        assertEquals(2.1587631525376906e-05, updated.get(0).path("detector").path("pValue").asDouble(), 1e-14);
        assertEquals(5, updated.get(0).path("evidence").size());
    }

    @Test
    void aDayWithManyMoreCasesThanItsBaselineIsAnIllnessAberrationOnceTheDayCloses() {
        // 武清区: one case every other day for four weeks (no common exposure), then 8 cases on 2024-05-29.
        // Each report is published an hour after onset: days close as the event-time clock moves on.
        int n = 0;
        for (int day = 1; day <= 28; day += 2) {
            String id = "A-" + n++;
            publish(Topics.ILLNESS_REPORTS, id, """
                    {"caseId":"%s","reportingUnit":"武清区人民医院","districtCode":"120114",
                     "onsetAt":"2024-05-%02dT10:00:00+08:00","symptoms":["腹泻"]}
                    """.formatted(id, day), Instant.parse(String.format("2024-05-%02dT03:00:00Z", day)));
        }
        for (int i = 0; i < 8; i++) {
            String id = "A-" + n++;
            publish(Topics.ILLNESS_REPORTS, id, """
                    {"caseId":"%s","reportingUnit":"武清区人民医院","districtCode":"120114",
                     "onsetAt":"2024-05-29T%02d:00:00+08:00","symptoms":["腹泻","呕吐"]}
                    """.formatted(id, 8 + i), Instant.parse("2024-05-29T10:00:00Z"));
        }
        assertTrue(alertsOfKind("illness.aberration").isEmpty(), "the day is not closed yet");
        publish(Topics.ILLNESS_REPORTS, "A-late", """
                {"caseId":"A-late","reportingUnit":"武清区人民医院","districtCode":"120114",
                 "onsetAt":"2024-05-31T02:00:00+08:00","symptoms":["腹泻"]}
                """, Instant.parse("2024-05-30T19:00:00Z"));
        List<JsonNode> out = alertsOfKind("illness.aberration");
        assertEquals(1, out.size(), "only 2024-05-29 stands out");
        JsonNode alert = out.get(0);
        assertEquals("ears-c2", alert.path("detector").path("name").asText());
        assertEquals(8.0, alert.path("detector").path("observed").asDouble());
        assertTrue(alert.path("detector").path("threshold").asDouble() < 8.0);
        assertEquals("2024-05-29T00:00:00+08:00", alert.path("window").path("start").asText());
        assertEquals(8, alert.path("evidence").size());
        assertEquals("ORANGE", alert.path("level").asText(), "8 ≥ twice the threshold: YELLOW, one level up as people are ill");
        assertTrue(alert.path("planTasks").toString().contains("（十二）"), "武清's 食源性疾病 owner");
    }

    @Test
    void aFewCasesOfARareSyndromeAreAnAberrationThatTheDistrictTotalHides() {
        // 武清区: 2–7 胃肠道 cases a day for four weeks, then 4 胃肠道 and 3 神经系统 cases on 2024-05-29.
        // The day's total (7) is within the district's normal range; 3 神经系统 cases against none are not.
        int[] background = {2, 6, 3, 7, 4, 5};
        int n = 0;
        for (int day = 1; day <= 29; day++) {
            int gastro = day == 29 ? 4 : background[day % background.length];
            for (int i = 0; i < gastro; i++) {
                publishCase("S-" + n++, day, i, "胃肠道");
            }
        }
        for (int i = 0; i < 3; i++) {
            publishCase("S-" + n++, 29, 10 + i, "神经系统");
        }
        publishCase("S-late", 31, 0, "胃肠道");
        List<JsonNode> out = alertsOfKind("illness.aberration");
        assertEquals(1, out.size(), "only the 神经系统 series of 2024-05-29 stands out: " + out);
        JsonNode alert = out.get(0);
        assertTrue(alert.path("headline").asText().startsWith("武清区神经系统症候群食源性疾病病例异常"), alert.path("headline").asText());
        assertEquals(3.0, alert.path("detector").path("observed").asDouble());
        assertEquals(3, alert.path("evidence").size(), "the line list is the three 神经系统 cases");
        assertEquals("2024-05-29T00:00:00+08:00", alert.path("window").path("start").asText());
    }

    private void publishCase(String id, int day, int hour, String syndrome) {
        publish(Topics.ILLNESS_REPORTS, id, """
                {"caseId":"%s","reportingUnit":"武清区人民医院","districtCode":"120114",
                 "onsetAt":"2024-05-%02dT%02d:00:00+08:00","symptoms":["腹泻"],"syndrome":"%s"}
                """.formatted(id, day, 8 + hour, syndrome), Instant.parse(String.format("2024-05-%02dT%02d:30:00Z", day, hour)));
    }

    @Test
    void aWeekFarAboveFiveYearsOfWeeksIsAWeeklyAberrationByTheImprovedFarrington() {
        // 武清区: 3–6 cases every Wednesday from January 2018 (more than the 5 years + 3 weeks that
        // farringtonFlexible needs), then 25 cases in 2024-W19 (6–12 May).
        LocalDate monday = LocalDate.of(2018, 1, 1);
        int n = 0;
        for (int week = 0; monday.isBefore(LocalDate.of(2024, 5, 6)); week++, monday = monday.plusWeeks(1)) {
            for (int i = 0; i < 3 + week % 4; i++) {
                publishCaseOn("W-" + n++, monday.plusDays(2), 8 + i);
            }
        }
        for (int i = 0; i < 25; i++) {
            publishCaseOn("W-" + n++, LocalDate.of(2024, 5, 6 + i % 7), 8 + i / 7);
        }
        publishCaseOn("W-late", LocalDate.of(2024, 5, 14), 8);
        List<JsonNode> all = alertsOfKind("illness.aberration");
        List<JsonNode> weekly = all.stream()
                .filter(a -> a.path("dedupKey").asText().endsWith("|周")).toList();
        assertEquals(1, weekly.size(), "only 2024-W19 stands out: " + weekly.stream().map(a -> a.path("headline").asText()).toList());
        JsonNode alert = weekly.get(0);
        assertEquals("farrington-flexible", alert.path("detector").path("name").asText());
        assertEquals(25.0, alert.path("detector").path("observed").asDouble());
        assertTrue(alert.path("detector").path("threshold").asDouble() < 25.0);
        assertTrue(alert.path("headline").asText().contains("2024-W19当周25起"), alert.path("headline").asText());
        assertEquals("2024-05-06T00:00:00+08:00", alert.path("window").path("start").asText());
        assertEquals("2024-05-13T00:00:00+08:00", alert.path("window").path("end").asText());
    }

    private void publishCaseOn(String id, LocalDate day, int hour) {
        OffsetDateTime onset = day.atTime(hour, 0).atOffset(ZoneOffset.ofHours(8));
        publish(Topics.ILLNESS_REPORTS, id, """
                {"caseId":"%s","reportingUnit":"武清区人民医院","districtCode":"120114",
                 "onsetAt":"%s","symptoms":["腹泻"]}
                """.formatted(id, onset.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                onset.plusHours(1).toInstant());
    }
}
