package org.foodrisk.topology;

import org.foodrisk.testsupport.TestJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 part 2, as users saw it: six of ten 韭菜 samples in one district failing for 腐霉利 within
 * ten days, at different stalls, among hundreds of ordinary 食用农产品 results, raised nothing.
 * Everything is published in arrival order (a report 2–10 days after its sample), never sorted
 * by sampling time.
 */
class FoodHazardClusterTopologyTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final String KIND = "sampling.food-hazard-cluster";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final LocalDate START = LocalDate.of(2024, 4, 1);

    /** Foods of 食用农产品 and the hazard class each is tested for, with an item that can fail. */
    private record Food(String name, String subcategory, String hazardClass, String item) {
    }

    private static final List<Food> FOODS = List.of(
            new Food("韭菜", "蔬菜", "农药残留", "腐霉利"), new Food("芹菜", "蔬菜", "农药残留", "毒死蜱"),
            new Food("豇豆", "蔬菜", "农药残留", "灭蝇胺"), new Food("菠菜", "蔬菜", "农药残留", "毒死蜱"),
            new Food("油麦菜", "蔬菜", "农药残留", "氟虫腈"), new Food("普通白菜", "蔬菜", "农药残留", "啶虫脒"),
            new Food("大白菜", "蔬菜", "农药残留", "毒死蜱"), new Food("黄瓜", "蔬菜", "农药残留", "腐霉利"),
            new Food("番茄", "蔬菜", "农药残留", "氧乐果"), new Food("茄子", "蔬菜", "农药残留", "甲胺磷"),
            new Food("辣椒", "蔬菜", "农药残留", "噻虫胺"), new Food("结球甘蓝", "蔬菜", "农药残留", "甲胺磷"),
            new Food("萝卜", "蔬菜", "农药残留", "甲拌磷"), new Food("马铃薯", "蔬菜", "农药残留", "氯氰菊酯"),
            new Food("生姜", "蔬菜", "农药残留", "噻虫嗪"), new Food("猪肉", "畜禽肉及副产品", "兽药残留", "恩诺沙星"),
            new Food("牛肉", "畜禽肉及副产品", "兽药残留", "地塞米松"), new Food("羊肉", "畜禽肉及副产品", "兽药残留", "磺胺类"),
            new Food("鸡肉", "畜禽肉及副产品", "兽药残留", "恩诺沙星"), new Food("鸡蛋", "鲜蛋", "兽药残留", "氟苯尼考"),
            new Food("草鱼", "水产品", "兽药残留", "恩诺沙星"), new Food("鲤鱼", "水产品", "兽药残留", "地西泮"),
            new Food("对虾", "水产品", "兽药残留", "呋喃唑酮代谢物"), new Food("苹果", "水果类", "农药残留", "克百威"),
            new Food("梨", "水果类", "农药残留", "吡虫啉"), new Food("香蕉", "水果类", "农药残留", "腈苯唑"),
            new Food("柑橘", "水果类", "农药残留", "丙溴磷"), new Food("葡萄", "水果类", "农药残留", "己唑醇"));

    private record Published(String id, String json, ZonedDateTime reportedAt, boolean cluster, boolean failed,
                             boolean chives, LocalDate sampledOn) {
    }

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> sampling;
    private TestOutputTopic<String, String> alerts;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() {
        driver = Drivers.topology("food-hazard-cluster-test");
        sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS.asText());
        alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
        deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void sixOfTenChivesFailingForProcymidoneWithinTenDaysIsOneAlertWithinAReportDay() {
        SplittableRandom random = new SplittableRandom(13);
        Set<Integer> failing = Set.of(0, 1, 3, 5, 6, 8);
        List<Published> traffic = backgroundAndChiveCluster(random, failing);
        int backgroundFailures = (int) traffic.stream().filter(p -> !p.cluster() && p.failed()).count();
        int backgroundResults = (int) traffic.stream().filter(p -> !p.cluster()).count();

        // When does the cluster become significant? A cluster is failures at several (three or more)
        // businesses — two failures are what makes one business a repeat offender, and two failures
        // of one of the ~30 foods a district samples happen by chance every few weeks — whose
        // number among all 韭菜 results sampled in the cluster's ten days and reported so far
        // (background ones too) is significant against the background failure rate: one-sided
        // exact binomial test at the 0.001 level (the ORANGE line of the pass-rate rule), summed
        // here directly.
        LocalDate clusterFrom = START.plusDays(40);
        double background = (double) backgroundFailures / backgroundResults;
        int reported = 0;
        int failedReported = 0;
        LocalDate significantOn = null;
        for (Published p : traffic) {
            if (p.chives() && !p.sampledOn().isBefore(clusterFrom) && p.sampledOn().isBefore(clusterFrom.plusDays(10))) {
                reported++;
                failedReported += p.failed() ? 1 : 0;
                if (significantOn == null && failedReported >= 3
                        && upperTail(reported, failedReported, background) < 0.001) {
                    significantOn = p.reportedAt().toLocalDate();
                }
            }
        }
        assertNotNull(significantOn, "the planted cluster is significant by the end");
        System.out.printf("background failure rate %.4f; cluster significant on report day %s%n", background, significantOn);

        LocalDate alertedOn = null;
        List<JsonNode> versions = new ArrayList<>();
        List<JsonNode> categoryRate = new ArrayList<>();
        for (Published p : traffic) {
            sampling.pipeInput(p.id(), p.json(), p.reportedAt().toInstant());
            for (String value : alerts.readValuesToList()) {
                JsonNode alert = TestJson.parse(value);
                if (alert.path("kind").asText().equals("sampling.failure-rate")) {
                    categoryRate.add(alert);
                }
                if (alert.path("kind").asText().equals(KIND) && alert.path("foodName").asText().equals("韭菜")) {
                    versions.add(alert);
                    if (alertedOn == null) {
                        alertedOn = p.reportedAt().toLocalDate();
                    }
                }
            }
        }
        assertEquals(List.of(), deadLetters.readValuesToList(), "every record is valid");
        assertTrue(categoryRate.isEmpty(), "the 食用农产品 pass rate as a whole stays above 97%: the case users saw");
        assertNotNull(alertedOn, "the 韭菜 × 农药残留 cluster raises an alert");
        System.out.printf("alerted on report day %s (%d versions)%n", alertedOn, versions.size());
        assertFalse(alertedOn.isAfter(significantOn.plusDays(1)),
                "alert within one report-day of the report that made the cluster significant (" + significantOn + ")");

        assertEquals(1, versions.stream().map(a -> a.path("alertId").asText()).distinct().count(),
                "one alert for the cluster, updated as failures arrive");
        JsonNode last = versions.get(versions.size() - 1);
        assertEquals(versions.size(), last.path("version").asInt());
        assertEquals("农药残留", last.path("hazard").asText());
        assertEquals("腐霉利", last.path("substance").asText());
        assertEquals("120114", last.path("districtCode").asText());
        Set<String> clusterFailures = failing.stream().map(k -> "WQ-JC-" + k).collect(Collectors.toCollection(TreeSet::new));
        Set<String> evidence = StreamSupport.stream(last.path("evidence").spliterator(), false)
                .map(e -> e.path("id").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(evidence.containsAll(clusterFailures), "the evidence names every failing stall: " + evidence);
        assertTrue(StreamSupport.stream(last.path("evidence").spliterator(), false)
                        .allMatch(e -> e.path("summary").asText().contains("韭菜") && e.path("summary").asText().contains("腐霉利")),
                "only 韭菜 腐霉利 failures are its evidence");
        double pValue = last.path("detector").path("pValue").asDouble();
        assertTrue(pValue < 0.001, "strong evidence: " + pValue);
        assertEquals("ORANGE", last.path("level").asText(), "p < 0.001 is ORANGE (LevelPolicy)");
        assertEquals("（十三）", last.path("planTasks").get(0).path("number").asText(), "武清 2024 农兽药残留专项整治");
        assertTrue(last.path("detector").path("method").asText().contains("不计快检"),
                "the detector says which programs it counts");
    }

    @Test
    void rapidTestFailuresDoNotMakeAClusterWhileSupervisionFailuresDo() {
        // Three 韭菜 腐霉利 failures at three stalls on three days, nothing else known: 快检 in 西青区,
        // 区抽 in 武清区. No minimum sample size: three of three is a signal (3·ln 6 − 3·ln 1.05 ≥ 4).
        SplittableRandom random = new SplittableRandom(7);
        List<Published> traffic = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            ZonedDateTime sampled = START.plusDays(k).atTime(9, 0).atZone(TIANJIN);
            Published official = published("WQ-R-" + k, FOODS.get(0), "韭菜摊位" + k, sampled, true, random, true);
            traffic.add(official);
            String rapid = official.json().replace("WQ-R-", "XQ-K-").replace("武清区", "西青区")
                    .replaceFirst("\"program\":\"[^\"]+\"", "\"program\":\"快检\"");
            traffic.add(new Published("XQ-K-" + k, rapid, official.reportedAt(), true, true, true, sampled.toLocalDate()));
        }
        traffic.sort(Comparator.comparing(Published::reportedAt));
        traffic.forEach(p -> sampling.pipeInput(p.id(), p.json(), p.reportedAt().toInstant()));
        // The chart judges a day when it closes: the input, then quiet, ticks the wall clock and closes the last days.
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        assertEquals(List.of(), deadLetters.readValuesToList());
        List<JsonNode> clusters = alerts.readValuesToList().stream().map(TestJson::parse)
                .filter(a -> a.path("kind").asText().equals(KIND)).toList();
        assertFalse(clusters.isEmpty(), "武清区's three 区抽 failures are a cluster");
        assertTrue(clusters.stream().allMatch(a -> a.path("districtName").asText().equals("武清区")),
                "西青区's 快检 failures are screening, not a pass rate");
    }

    /**
     * Issue 19: an alert must mean what it says. Every 韭菜 failure of the cluster corrected to 合格 by its lab
     * (the same sample id, a later report): the cluster alert is withdrawn (撤回) in one new version.
     */
    @Test
    void correctionsThatTakeEveryFailureAwayWithdrawTheClusterAlert() {
        SplittableRandom random = new SplittableRandom(13);
        // The cluster's failures on its last six days, each reported the next afternoon, and the traffic cut a
        // day after the last of them: corrections must reach days within the re-judgement horizon (14 days).
        Set<Integer> failing = Set.of(4, 5, 6, 7, 8, 9);
        ZonedDateTime cut = START.plusDays(51).atStartOfDay(TIANJIN);
        List<Published> traffic = backgroundAndChiveCluster(random, failing).stream()
                .map(p -> p.cluster() ? reportedAt(p, p.sampledOn().plusDays(1).atTime(16, 0).atZone(TIANJIN)) : p)
                .filter(p -> p.reportedAt().isBefore(cut))
                .sorted(Comparator.comparing(Published::reportedAt))
                .toList();
        List<JsonNode> versions = new ArrayList<>();
        // The traffic, then five days of background reports so that every day of it is closed and judged.
        play(traffic, versions);
        play(background(random, cut, 1, 5), versions);
        assertFalse(versions.isEmpty(), "the cluster raised its alert");
        int raised = versions.size();
        // Then the labs correct the six failures, and four more days of background close the corrected days.
        List<Published> corrections = new ArrayList<>();
        for (int k : failing) {
            ZonedDateTime sampled = START.plusDays(40 + k).atTime(9, 30).atZone(TIANJIN);
            corrections.add(reportedAt(published("WQ-JC-" + k, FOODS.get(0), "韭菜摊位" + (k + 1) + "号", sampled,
                    false, random, true), cut.plusDays(6).withHour(10)));
        }
        play(corrections, versions);
        play(background(random, cut, 7, 4), versions);
        // A close may count some of the corrections and the next one the rest (the watermark can pass a close
        // instant between records reported at the same time): an update with fewer failures may come first.
        List<JsonNode> after = versions.subList(raised, versions.size());
        assertFalse(after.isEmpty(), "the corrections change the alert");
        JsonNode withdrawn = after.get(after.size() - 1);
        assertEquals("撤回", withdrawn.path("judgement").path("state").asText(), "the last version withdraws it");
        assertEquals("已办结", withdrawn.path("status").asText(), "no one had taken it up: closed");
        assertEquals(versions.size(), withdrawn.path("version").asInt());
        assertTrue(after.stream().allMatch(v -> v.path("alertId").equals(versions.get(0).path("alertId"))),
                "no other alert");
        assertTrue(after.stream().limit(after.size() - 1L).allMatch(v -> v.path("detector").path("observed").asDouble() < 6),
                "versions before the withdrawal count fewer failures in the run (evidence stays, as in every alert)");
    }

    private void play(List<Published> records, List<JsonNode> chiveAlerts) {
        for (Published p : records) {
            sampling.pipeInput(p.id(), p.json(), p.reportedAt().toInstant());
            chiveAlerts(chiveAlerts);
        }
    }

    /** One passing 番茄 result a day, reported the day after {@code after} plus {@code fromDay}, for {@code days}. */
    private static List<Published> background(SplittableRandom random, ZonedDateTime after, int fromDay, int days) {
        List<Published> records = new ArrayList<>();
        for (int day = fromDay; day < fromDay + days; day++) {
            ZonedDateTime sampled = after.plusDays(day - 1).withHour(9);
            records.add(reportedAt(published("WQ-LATE-" + day, FOODS.get(1), "背景商户" + day, sampled, false, random,
                    false), after.plusDays(day)));
        }
        return records;
    }

    /** The same result reported at another time. */
    private static Published reportedAt(Published p, ZonedDateTime at) {
        String json = p.json().replaceAll("\"reportedAt\":\"[^\"]+\"", "\"reportedAt\":\"" + TIME.format(at) + "\"");
        return new Published(p.id(), json, at, p.cluster(), p.failed(), p.chives(), p.sampledOn());
    }

    private void chiveAlerts(List<JsonNode> into) {
        for (String value : alerts.readValuesToList()) {
            JsonNode alert = TestJson.parse(value);
            if (alert.path("kind").asText().equals(KIND) && alert.path("dedupKey").asText().contains("|韭菜|")) {
                into.add(alert);
            }
        }
    }

    /**
     * 40 days of background before the cluster and 20 during and after it: 12 食用农产品 results a day over 28
     * foods, 2.5 % failing; and the cluster: one 韭菜 sample a day for ten days at ten stalls, those in
     * {@code failing} failing for 腐霉利. In arrival (report) order.
     */
    private static List<Published> backgroundAndChiveCluster(SplittableRandom random, Set<Integer> failing) {
        List<Published> traffic = new ArrayList<>();
        for (int day = 0; day < 60; day++) {
            for (int i = 0; i < 12; i++) {
                Food food = FOODS.get(random.nextInt(FOODS.size()));
                boolean failed = random.nextDouble() < 0.025;
                String id = String.format("WQ-BG-%02d-%02d", day, i);
                ZonedDateTime sampled = START.plusDays(day).atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(TIANJIN);
                traffic.add(published(id, food, "背景商户" + random.nextInt(300), sampled, failed, random, false));
            }
        }
        for (int k = 0; k < 10; k++) {
            ZonedDateTime sampled = START.plusDays(40 + k).atTime(9, 30).atZone(TIANJIN);
            traffic.add(published("WQ-JC-" + k, FOODS.get(0), "韭菜摊位" + (k + 1) + "号", sampled, failing.contains(k),
                    random, true));
        }
        traffic.sort(Comparator.comparing(Published::reportedAt));
        return traffic;
    }

    private static double upperTail(int n, int x, double p) {
        double sum = 0;
        for (int k = x; k <= n; k++) {
            sum += BinomialDistribution.of(n, p).probability(k);
        }
        return sum;
    }

    private static Published published(String id, Food food, String business, ZonedDateTime sampled, boolean failed,
                                       SplittableRandom random, boolean cluster) {
        ZonedDateTime reported = sampled.plusDays(2 + random.nextInt(9)).withHour(9 + random.nextInt(8));
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("sampleId", id);
        record.put("program", food.hazardClass().equals("农药残留") && random.nextBoolean() ? "例行监测" : "区抽");
        record.put("agency", "区市场监管局");
        record.put("lab", "天津市武清区食品检验检测中心");
        record.put("labCode", "WQJC001");
        record.put("districtName", "武清区");
        record.put("stage", "流通");
        record.putObject("enterprise").put("name", business);
        record.put("foodCategory", "食用农产品");
        record.put("foodSubcategory", food.subcategory());
        record.put("foodName", food.name());
        record.put("sampledAt", TIME.format(sampled));
        record.put("reportedAt", TIME.format(reported));
        record.put("verdict", failed ? "不合格" : "合格");
        ArrayNode items = record.putArray("items");
        ObjectNode item = items.addObject();
        item.put("item", food.item());
        item.put("hazardClass", food.hazardClass());
        item.put("result", failed ? "0.8" : "未检出");
        item.put("unit", "mg/kg");
        item.put("limit", "0.2");
        item.put("pass", !failed);
        return new Published(id, record.toString(), reported, cluster, failed, food.name().equals("韭菜"),
                sampled.toLocalDate());
    }
}
