package org.foodrisk.topology;

import org.foodrisk.testsupport.TestJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.foodrisk.testsupport.Drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A district behind its plan's sampling volume gets a plan.target-at-risk alert for the task that set it. */
class PlanTargetTopologyTest {

    @Test
    void wuqingFarBehindItsBatchTargetInMarch() throws Exception {
        try (TopologyTestDriver driver = Drivers.topology("plan-target-test")) {
            TestInputTopic<String, String> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS.asText());
            // The year is covered from January (a service that started mid-year could not judge it).
            for (int month = 1; month <= 3; month++) {
                for (int day = 1; day <= 20; day += 3) {
                    String id = "PT-" + month + "-" + day;
                    String sampledAt = String.format("2024-%02d-%02dT10:00:00+08:00", month, day);
                    sampling.pipeInput(id, Samples.sampling(id, "武清区", "乳制品", "纯牛奶", sampledAt, false).toString(),
                            Instant.parse(String.format("2024-%02d-%02dT03:00:00Z", month, day)));
                }
            }
            List<JsonNode> alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText())
                    .readValuesToList().stream().map(TestJson::parse)
                    .filter(a -> a.path("kind").asText().equals("plan.target-at-risk")).toList();
            assertTrue(!alerts.isEmpty(), "21 batches by March against 8489 a year is far behind");
            // The samples are all commissioned by 区市场监管局 (Samples.sampling): the district total and
            // 农业农村's share (nothing sampled) are behind; 市场监管's own share (4800) is behind too.
            Map<String, List<JsonNode>> byTarget = alerts.stream().collect(Collectors.groupingBy(
                    a -> a.path("headline").asText().replaceAll("：.*", ""), TreeMap::new,
                    Collectors.toList()));
            assertEquals(Set.of("武清区抽检量进度滞后", "武清区抽检量（区市场监管局）进度滞后", "武清区抽检密度（区市场监管局）进度滞后",
                    "武清区抽检量（区农业农村委）进度滞后", "武清区抽检密度（区农业农村委）进度滞后"), byTarget.keySet());
            List<JsonNode> districtTotal = byTarget.get("武清区抽检量进度滞后");
            JsonNode first = districtTotal.get(0);
            assertEquals("ORANGE", first.path("level").asText());
            assertEquals("120114", first.path("districtCode").asText());
            assertEquals("target", first.path("planTasks").get(0).path("match").asText());
            assertEquals("（十一）", first.path("planTasks").get(0).path("number").asText(), "the task that set 8489 批次");
            assertTrue(first.path("headline").asText().contains("抽检量进度滞后"), first.path("headline").asText());
            assertTrue(first.path("window").path("end").asText().startsWith("2024-03"), "not judged before March (day 60)");
            byTarget.forEach((target, versions) -> assertEquals(1,
                    versions.stream().map(a -> a.path("alertId").asText()).distinct().count(),
                    target + ": one alert per target"));
            // Samples every third day from 1 March (day 61) to 19 March: ISO weeks 9 to 12, one judgment each.
            assertEquals(List.of("2024-03-02", "2024-03-05", "2024-03-14", "2024-03-20"),
                    districtTotal.stream().map(a -> a.path("window").path("end").asText().substring(0, 10)).toList(),
                    "judged on the first sampled day of each new week, not every day");
        }
    }

    @Test
    void aYearSeenOnlyFromMayIsNotJudged() throws Exception {
        try (TopologyTestDriver driver = Drivers.topology("plan-target-test-2")) {
            TestInputTopic<String, String> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS.asText());
            sampling.pipeInput("M-1", Samples.sampling("M-1", "武清区", "乳制品", "纯牛奶", "2024-05-06T10:00:00+08:00",
                    false).toString(), Instant.parse("2024-05-06T03:00:00Z"));
            assertTrue(TestTopics.output(driver, TypedTopics.ALERTS.asText())
                    .readValuesToList().isEmpty());
        }
    }

    /**
     * 蓟州 2024 is served by its 2018 plan (issue 15): 12 乳制品 batches a day by 区市场监管局 from 1 January keep
     * 3360 批次 and 4份/千人 on track, but the 1680 批次 of 食用农产品 within the 3360 are not one of them; the
     * 农药 product sampling (90 批次) is not food sampling and says nothing about them; and the alerts say which
     * year's plan answered.
     */
    @Test
    void jizhouTargetsCountOnlyWhatTheyName() throws Exception {
        try (TopologyTestDriver driver = Drivers.topology("plan-target-test-jizhou")) {
            TestInputTopic<String, String> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS.asText());
            LocalDate day = LocalDate.of(2024, 1, 1);
            for (; day.isBefore(LocalDate.of(2024, 3, 21)); day = day.plusDays(1)) {
                for (int n = 0; n < 12; n++) {
                    String id = "JZ-" + day + "-" + n;
                    var record = Samples.sampling(id, "蓟州区", "乳制品", "纯牛奶", day + "T10:00:00+08:00", false);
                    record.withArray("items").addObject().put("item", "三聚氰胺").put("hazardClass", "非法添加")
                            .put("pass", true);
                    sampling.pipeInput(id, record.toString(), Instant.parse(day + "T03:00:00Z"));
                }
            }
            List<JsonNode> alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText())
                    .readValuesToList().stream().map(TestJson::parse)
                    .filter(a -> a.path("kind").asText().equals("plan.target-at-risk")).toList();
            Set<String> targets = alerts.stream().map(a -> a.path("detector").path("statistic").asText()
                    + a.path("detector").toString()).collect(Collectors.toSet());
            assertTrue(alerts.stream().noneMatch(a -> a.path("detector").toString().contains("食品检验量达到常住人口4份/千人")),
                    "4份/千人 is every agency's together, and 960 batches are ahead of it");
            assertTrue(alerts.stream().anyMatch(a -> a.path("detector").toString().contains("农药兽药残留的食品检验量不低于2份/千人")),
                    "none of the 960 tests 农药 or 兽药残留 (their items say so)");
            assertTrue(alerts.stream().anyMatch(a -> a.path("detector").toString().contains("其中食用农产品不得低于1680批次")),
                    "no 食用农产品 batch counts for the 1680: " + targets);
            assertTrue(alerts.stream().noneMatch(a -> a.path("detector").toString().contains("抽检农药不少于90个批次")),
                    "农药 product sampling is not measured from food results");
            assertTrue(alerts.stream().noneMatch(a -> a.path("detector").toString().contains("食品检验量达到全年3360批次")),
                    "960 market batches are ahead of 3360 pro-rated");
            JsonNode edible = alerts.stream().filter(a -> a.path("detector").toString().contains("1680批次"))
                    .findFirst().orElseThrow();
            assertTrue(edible.path("headline").asText().contains("生产经营环节食用农产品检验量"), edible.path("headline").asText());
            assertTrue(edible.path("planTasks").get(0).path("planNote").asText().contains("本区无2024年计划，按2018年计划"),
                    edible.path("planTasks").toString());
        }
    }
}
