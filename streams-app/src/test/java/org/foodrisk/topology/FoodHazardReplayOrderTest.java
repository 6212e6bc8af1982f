package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestJson;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, replay determinism of {@code sampling.food-hazard-cluster}: the same sampling results, published
 * twice in two different orders within each hour of arrival — the freedom Kafka Streams has when it
 * interleaves records of different input partitions — must give the same food × hazard alerts: the same
 * episodes (alert ids), windows, levels, figures, evidence and verdict states, version by version.
 *
 * <p>The watermark's inputs are the production ones: the input task's arrival clock. Each hour's results are
 * published while the task still has records waiting (so it does not tick the wall clock), then the task is
 * caught up and quiet for two minutes and ticks: every hour ends with a tick, in both orders at the same place,
 * as it would behind a partition's records. What may differ between the two runs is only the order of records
 * within an hour, never which hour a record arrives in. Results are published in arrival order (lab reports
 * days after sampling, in batches), never sorted by sampling time.
 */
class FoodHazardReplayOrderTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final String KIND = "sampling.food-hazard-cluster";
    private static final LocalDate START = LocalDate.of(2024, 4, 1);
    private static final int DAYS = 40;

    private record Food(String name, String subcategory, String item) {
    }

    private static final List<Food> FOODS = List.of(new Food("韭菜", "蔬菜", "腐霉利"),
            new Food("豇豆", "蔬菜", "灭蝇胺"), new Food("芹菜", "蔬菜", "毒死蜱"), new Food("黄瓜", "蔬菜", "腐霉利"),
            new Food("菠菜", "蔬菜", "毒死蜱"), new Food("番茄", "蔬菜", "氧乐果"));

    private record Result(String id, String json, ZonedDateTime reportedAt) {
    }

    @Test
    void twoInterleavingsOfTheSameResultsWithinEachHourGiveTheSameFoodHazardAlerts() {
        List<Result> results = traffic();
        Map<String, List<String>> first = foodHazardAlerts("hazard-order-a", results, new Random(1));
        Map<String, List<String>> second = foodHazardAlerts("hazard-order-b", results, new Random(2));
        System.out.println("FoodHazardReplayOrderTest, first order:");
        first.forEach((id, versions) -> versions.forEach(v -> System.out.println("  " + id + " " + v)));
        System.out.println("FoodHazardReplayOrderTest, second order:");
        second.forEach((id, versions) -> versions.forEach(v -> System.out.println("  " + id + " " + v)));
        assertTrue(first.values().stream().flatMap(List::stream).anyMatch(v -> v.contains("韭菜")),
                "the planted 韭菜 × 农药残留 cluster is detected: " + first);
        assertTrue(first.values().stream().flatMap(List::stream).anyMatch(v -> v.contains("豇豆")),
                "the planted 豇豆 × 农药残留 cluster is detected: " + first);
        assertEquals(first, second, "the same results in another order within each hour of arrival");
    }

    /**
     * Forty days of 武清区 vegetables (eight results a day over six foods, 2 % failing), each reported two to six
     * days after sampling; and two clusters whose results a lab reports in one batch, within one hour: 韭菜
     * failing for 腐霉利 on five of seven days, 豇豆 failing for 灭蝇胺 on three of four.
     */
    private static List<Result> traffic() {
        SplittableRandom random = new SplittableRandom(18);
        List<Result> results = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            for (int i = 0; i < 8; i++) {
                ZonedDateTime sampled = START.plusDays(day).atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(TIANJIN);
                ZonedDateTime reported = sampled.plusDays(2 + random.nextInt(5)).withHour(9 + random.nextInt(8))
                        .withMinute(random.nextInt(60));
                results.add(result("BG-" + day + "-" + i, FOODS.get(random.nextInt(FOODS.size())), sampled,
                        reported, random.nextDouble() < 0.02));
            }
        }
        // 韭菜: days 24–30, failing on 24, 25, 27, 28 and 30; all but the last reported on day 32 between 10 and 11.
        List<Integer> chives = List.of(24, 25, 26, 27, 28, 29, 30);
        for (int day : chives) {
            ZonedDateTime sampled = START.plusDays(day).atTime(9, 30).atZone(TIANJIN);
            ZonedDateTime reported = day < 30 ? START.plusDays(32).atTime(10, random.nextInt(60)).atZone(TIANJIN)
                    : START.plusDays(33).atTime(14, random.nextInt(60)).atZone(TIANJIN);
            results.add(result("JC-" + day, FOODS.get(0), sampled, reported, day != 26 && day != 29));
        }
        // 豇豆: days 12–15, failing on 12, 13 and 15, reported together on day 17 between 11 and 12.
        for (int day = 12; day <= 15; day++) {
            ZonedDateTime sampled = START.plusDays(day).atTime(10, 0).atZone(TIANJIN);
            ZonedDateTime reported = START.plusDays(17).atTime(11, random.nextInt(60)).atZone(TIANJIN);
            results.add(result("JD-" + day, FOODS.get(1), sampled, reported, day != 14));
        }
        return results;
    }

    /**
     * Publishes the results hour of arrival by hour, each hour's in an order drawn from {@code order}, and
     * returns every version of every food × hazard alert, by alert id.
     */
    private static Map<String, List<String>> foodHazardAlerts(String id, List<Result> results, Random order) {
        TreeMap<Instant, List<Result>> byHour = new TreeMap<>();
        for (Result r : results) {
            byHour.computeIfAbsent(r.reportedAt().truncatedTo(ChronoUnit.HOURS).toInstant(), h -> new ArrayList<>()).add(r);
        }
        Instant first = START.atStartOfDay(TIANJIN).toInstant();
        Instant last = byHour.lastKey().plus(Duration.ofDays(3));
        AtomicBoolean caughtUp = new AtomicBoolean(false);
        InputBacklog backlog = partition -> caughtUp.get();
        Map<String, List<String>> alerts = new TreeMap<>();
        try (TopologyTestDriver driver = Drivers.topology(id, first, PlanCatalog.bundled(), TopologySettings.defaults(),
                Map.of(InputBacklog.CONFIG, backlog))) {
            TestInputTopic<String, String> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS.asText());
            TestOutputTopic<String, String> out = TestTopics.output(driver, TypedTopics.ALERTS.asText());
            Instant wall = first;
            for (Instant hour = first; hour.isBefore(last); hour = hour.plus(Duration.ofHours(1))) {
                // The hour's records wait: the task is not idle while it reads them.
                caughtUp.set(false);
                Instant end = hour.plus(Duration.ofHours(1));
                driver.advanceWallClockTime(Duration.between(wall, end));
                wall = end;
                List<Result> arrived = new ArrayList<>(byHour.getOrDefault(hour, List.of()));
                Collections.shuffle(arrived, order);
                arrived.forEach(r -> sampling.pipeInput(r.id(), r.json(), r.reportedAt().toInstant()));
                // Read to the end and quiet: the task ticks the wall clock, behind every record of the hour.
                caughtUp.set(true);
                driver.advanceWallClockTime(Duration.ofMinutes(2));
                wall = wall.plus(Duration.ofMinutes(2));
                for (String value : out.readValuesToList()) {
                    JsonNode alert = TestJson.parse(value);
                    if (alert.path("kind").asText().equals(KIND)) {
                        alerts.computeIfAbsent(alert.path("alertId").asText(), k -> new ArrayList<>()).add(version(alert));
                    }
                }
            }
        }
        return alerts;
    }

    /** What a version says: episode (dedup key), window, level, figures, evidence and the verdict's state. */
    private static String version(JsonNode alert) {
        JsonNode detector = alert.path("detector");
        TreeSet<String> evidence = new TreeSet<>();
        StreamSupport.stream(alert.path("evidence").spliterator(), false).forEach(e -> evidence.add(e.path("id").asText()));
        return String.join(" ", "v" + alert.path("version").asText(), alert.path("dedupKey").asText(),
                alert.path("foodName").asText(), alert.path("window").path("start").asText(),
                alert.path("window").path("end").asText(), alert.path("level").asText(),
                "observed=" + detector.path("observed").asText(), "expected=" + detector.path("expected").asText(),
                "S=" + detector.path("statistic").asText(), "p=" + detector.path("pValue").asText(),
                "judgement=" + alert.path("judgement").path("state").asText(), "evidence=" + evidence);
    }

    private static Result result(String id, Food food, ZonedDateTime sampled, ZonedDateTime reported, boolean failed) {
        ObjectNode record = Samples.sampling(id, "武清区", "食用农产品", food.name(), TIME.format(sampled), failed);
        record.put("foodSubcategory", food.subcategory());
        record.put("reportedAt", TIME.format(reported));
        record.putObject("enterprise").put("name", "武清区菜摊" + id);
        ObjectNode item = record.putArray("items").addObject(); // every result tests the residue, failed or not
        item.put("item", food.item());
        item.put("hazardClass", "农药残留");
        item.put("result", failed ? "0.8" : "未检出");
        item.put("unit", "mg/kg");
        item.put("limit", "0.2");
        item.put("pass", !failed);
        return new Result(id, record.toString(), reported);
    }
}
