package org.foodrisk.topology;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.plan.PlanCatalog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestJson;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18's proof that a faster topology is the same topology: demo traffic of some districts, weeks of it,
 * with planted incidents and in arrival order (lab results days after sampling, weekday cycles, holidays), and
 * labs' corrections of what they published ({@link #corrections}), replayed through the topology; every record
 * it writes to the alert, dead-letter and 核查处置 topics — key and JSON, in order, so ids, versions, levels,
 * evidence and judgements — must be what the topology wrote before. Two replays ({@link #districts}): ten weeks
 * of 武清, 滨海 and 蓟州, recorded on commit 768af58 (the last commit before the binary internal formats), and
 * nineteen weeks of 河北 and 西青, which raise the plan-target, failure-rate and food × hazard alerts the first
 * does not. Each fixture is the whole output, not a digest, so a difference can be read.
 *
 * <p>A change that is meant to change outputs (a detector's semantics) regenerates the fixture from the actual
 * output this test writes to {@code target/} (gzip it to the resource) and says in its commit which lines
 * changed and why. A change of speed must leave it byte for byte as it is.
 */
class ReplayOutputsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TO = LocalDate.of(2024, 5, 13);

    /**
     * Which districts' traffic a replay keeps (a record is kept when its JSON names one of them, by code or name),
     * and the fixture of its outputs.
     *
     * @param recordedOn the commit the fixture was recorded on
     */
    record Districts(String label, LocalDate from, List<String> codesAndNames, boolean leekCluster, String fixture,
                     String recordedOn) {
        @Override
        public String toString() {
            return label;
        }
    }

    static List<Districts> districts() {
        return List.of(
                // 武清, 滨海, 蓟州: the clenbuterol, leek and school-canteen incidents, complaints, opinion.
                new Districts("武清 滨海 蓟州", LocalDate.of(2024, 3, 4),
                        List.of("120114", "武清", "120116", "滨海", "120225", "蓟州"), false,
                        "/replay/demo-three-districts-outputs.txt.gz", "768af58"),
                // 河北, 西青 from the year's first working day (the plan-target detector judges only a year seen
                // from its start), through the Spring Festival: the dairy run (a category failing at many times
                // its usual rate), the repeat offender, and a planted cluster of 韭菜 failing for 腐霉利 at
                // several stalls — the failure-rate, plan-target and food × hazard detectors.
                // Recorded on 53f85ab, again when corrections began to withdraw food × hazard alerts (issue 19): the
                // planted failures, each corrected to 合格 two days after it arrived, now withdraw the alert (撤回,
                // version 2), later failures raise it again (3) and their corrections withdraw it (4) — before, its
                // two versions stood. On 768af58 the same replay writes the same records but for that alert, which
                // the chart then judged on each failure as it arrived (3 versions, the first on 5 results) — the
                // change docs/time-model.md describes; every plan-target and failure-rate line is the same.
                new Districts("河北 西青", LocalDate.of(2024, 1, 2), List.of("120105", "河北", "120111", "西青"), true,
                        "/replay/demo-hebei-xiqing-outputs.txt.gz", "53f85ab + food × hazard withdrawals"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("districts")
    void theTopologyWritesWhatItWroteBeforeOnTheSameArrivals(Districts districts) throws IOException {
        List<String> actual = replay(districts);
        Path written = Path.of("target", "replay-outputs." + districts.fixture().replaceAll(".*/|\\.txt\\.gz$", "")
                + ".actual.txt");
        Files.createDirectories(written.getParent());
        Files.write(written, actual, StandardCharsets.UTF_8);
        List<String> expected = expected(districts.fixture());
        System.out.printf("ReplayOutputsTest %s: %d output records (fixture %d, recorded on %s)%n", districts,
                actual.size(), expected.size(), districts.recordedOn());
        assertTrue(expected.stream().anyMatch(line -> line.startsWith(TypedTopics.ALERTS.name())),
                "the fixture holds alerts");
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "output record " + (i + 1) + " differs (whole output in "
                    + written.toAbsolutePath() + ")");
        }
        assertEquals(expected.size(), actual.size(), "output records (whole output in " + written.toAbsolutePath() + ")");
    }

    private static List<String> replay(Districts districts) {
        List<DemoRecord> records = new ArrayList<>(new DemoDataGenerator(21, ZONE)
                .arrivals(districts.from(), TO, day -> day.getDayOfMonth() == 8 || day.getDayOfMonth() == 22).toList());
        records.removeIf(r -> districts.codesAndNames().stream().noneMatch(r.json()::contains));
        if (districts.leekCluster()) {
            records.addAll(leekCluster(records));
        }
        records.addAll(corrections(records));
        records.sort(Comparator.comparing(DemoRecord::arrivalTime)); // stable: arrival order, corrections after
        List<String> lines = new ArrayList<>();
        // A round of closing is cut after a slice of real time: an hour's slice never cuts, so a slow machine
        // gives the same output as a fast one (the steps themselves: DayCloseStepsReplayTest).
        TimeModel defaults = TopologySettings.defaults().time();
        TimeModel oneSlice = new TimeModel(defaults.tickEvery(), defaults.idleAfter(), defaults.upstreamTasks(),
                defaults.rejudgeHorizon(), Duration.ofHours(1));
        try (TopologyTestDriver driver = Drivers.topology("replay-outputs", Instant.parse("2024-05-27T00:00:00Z"),
                PlanCatalog.bundled(), TopologySettings.defaults().with(oneSlice))) {
            Map<String, TestInputTopic<String, String>> inputs = new HashMap<>();
            List<TestOutputTopic<String, String>> outputs = List.of(
                    output(driver, TypedTopics.ALERTS.asText()),
                    output(driver, DeadLetterTopic.DEAD_LETTERS.asText()),
                    output(driver, TypedTopics.DISPOSAL_CASES.asText()));
            List<String> names = List.of(TypedTopics.ALERTS.name(), DeadLetterTopic.DEAD_LETTERS.name(),
                    TypedTopics.DISPOSAL_CASES.name());
            for (DemoRecord record : records) {
                inputs.computeIfAbsent(record.topic(), name -> TestTopics.input(driver, TypedTopics.input(name).asText()))
                        .pipeInput(record.key(), record.json(), record.arrivalTime());
                drain(outputs, names, lines);
            }
            // Quiet inputs tick the wall clock, which closes the remaining days in steps.
            for (int step = 0; step < 1200; step++) {
                driver.advanceWallClockTime(Duration.ofMillis(100));
                drain(outputs, names, lines);
            }
        }
        return lines;
    }

    /**
     * Six 韭菜 samples at six stalls of 西青 on a Monday and Tuesday of April, five failing for 腐霉利, reported
     * three to five days later: the repeat offender's first failing sample of 8 March, made other stalls' and
     * days'. The demo traffic has no such run, and without one the food × hazard chart stays silent.
     */
    private static List<DemoRecord> leekCluster(List<DemoRecord> records) {
        DemoRecord template = records.stream().filter(r -> r.key().equals("DEMO-S2-20240308-01")).findFirst()
                .orElseThrow(() -> new AssertionError("the demo's repeat offender of 8 March is in the traffic"));
        List<DemoRecord> planted = new ArrayList<>();
        for (int stall = 0; stall < 6; stall++) {
            ObjectNode value = (ObjectNode) TestJson.parse(template.json());
            String id = "RPLY-LEEK-0" + (stall + 1);
            OffsetDateTime sampled = OffsetDateTime.parse("2024-04-15T09:10:00+08:00")
                    .plusDays(stall / 3).plusMinutes(50L * stall);
            OffsetDateTime reported = sampled.plusDays(3 + stall % 3).withHour(16);
            value.put("sampleId", id);
            value.put("sampledAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(sampled));
            value.put("reportedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(reported));
            ObjectNode enterprise = value.putObject("enterprise");
            enterprise.put("name", "天津市西青区杨柳青镇农贸市场" + (stall + 11) + "号摊位");
            if (stall == 5) {
                value.put("verdict", "合格");
                ((ObjectNode) value.withArray("items").get(0)).put("result", "0.05").put("pass", true);
            }
            planted.add(new DemoRecord(template.topic(), id, value.toString(), sampled.toInstant(), reported.toInstant()));
        }
        return planted;
    }

    /**
     * Labs correct what they published, and a correction retracts what the earlier version counted: every
     * failed result is corrected to 合格 two days after it arrived, and every 25th passing one is moved a day
     * earlier (a mistyped sampling date), so the retractions from the dedup stores pass through every
     * aggregate and detector.
     */
    private static List<DemoRecord> corrections(List<DemoRecord> records) {
        List<DemoRecord> corrected = new ArrayList<>();
        int passing = 0;
        for (DemoRecord record : records) {
            if (!record.topic().equals(TypedTopics.SAMPLING_RESULTS.name())) {
                continue;
            }
            ObjectNode value = (ObjectNode) TestJson.parse(record.json());
            Instant arrival = record.arrivalTime().plus(Duration.ofDays(2));
            if ("不合格".equals(value.path("verdict").asText())) {
                value.put("verdict", "合格");
                value.withArray("items").forEach(item -> ((ObjectNode) item).put("pass", true));
            } else if (++passing % 25 == 0) {
                OffsetDateTime sampled = OffsetDateTime.parse(value.get("sampledAt").asText());
                value.put("sampledAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(sampled.minusDays(1)));
            } else {
                continue;
            }
            corrected.add(new DemoRecord(record.topic(), record.key(), value.toString(), record.eventTime(), arrival));
        }
        return corrected;
    }

    private static TestOutputTopic<String, String> output(TopologyTestDriver driver, Topic<String, String> topic) {
        return TestTopics.output(driver, topic);
    }

    private static void drain(List<TestOutputTopic<String, String>> outputs, List<String> names, List<String> lines) {
        for (int i = 0; i < outputs.size(); i++) {
            for (TestRecord<String, String> record : outputs.get(i).readRecordsToList()) {
                lines.add(names.get(i) + "\t" + record.key() + "\t" + record.value());
            }
        }
    }

    private static List<String> expected(String fixture) throws IOException {
        try (InputStream in = ReplayOutputsTest.class.getResourceAsStream(fixture)) {
            assertNotNull(in, fixture + " is on the test classpath");
            String text = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, (int) text.lines().count());
        }
    }
}
