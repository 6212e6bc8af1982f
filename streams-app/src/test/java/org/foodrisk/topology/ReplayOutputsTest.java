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
import org.junit.jupiter.api.Test;

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
 * Issue 18's proof that a faster topology is the same topology: ten weeks of demo traffic of three districts,
 * with planted incidents and in arrival order (lab results days after sampling, weekday cycles, holidays), and
 * labs' corrections of what they published ({@link #corrections}), replayed through the topology; every record it writes to the alert, dead-letter and 核查处置 topics — key and
 * JSON, in order, so ids, versions, levels, evidence and judgements — must be what the topology wrote before
 * the hot path was rebuilt. The fixture was recorded by this test on commit 768af58 (the last commit before the
 * binary internal formats); it is the whole output, not a digest, so a difference can be read.
 *
 * <p>A change that is meant to change outputs (a detector's semantics) regenerates the fixture from the actual
 * output this test writes to {@code target/} (gzip it to the resource) and says in its commit which lines
 * changed and why. A change of speed must leave it byte for byte as it is.
 */
class ReplayOutputsTest {

    private static final String FIXTURE = "/replay/demo-three-districts-outputs.txt.gz";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FROM = LocalDate.of(2024, 3, 4);
    private static final LocalDate TO = LocalDate.of(2024, 5, 13);
    private static final List<String> DISTRICTS = List.of("120114", "武清", "120116", "滨海", "120225", "蓟州");

    @Test
    void theTopologyWritesWhatItWroteBeforeOnTheSameArrivals() throws IOException {
        List<String> actual = replay();
        Path written = Path.of("target", "replay-outputs.actual.txt");
        Files.createDirectories(written.getParent());
        Files.write(written, actual, StandardCharsets.UTF_8);
        List<String> expected = expected();
        System.out.printf("ReplayOutputsTest: %d output records (fixture %d)%n", actual.size(), expected.size());
        assertTrue(expected.stream().anyMatch(line -> line.startsWith(TypedTopics.ALERTS.name())),
                "the fixture holds alerts");
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "output record " + (i + 1) + " differs (whole output in "
                    + written.toAbsolutePath() + ")");
        }
        assertEquals(expected.size(), actual.size(), "output records (whole output in " + written.toAbsolutePath() + ")");
    }

    private static List<String> replay() {
        List<DemoRecord> records = new ArrayList<>(new DemoDataGenerator(21, ZONE)
                .arrivals(FROM, TO, day -> day.getDayOfMonth() == 8 || day.getDayOfMonth() == 22).toList());
        records.removeIf(r -> DISTRICTS.stream().noneMatch(r.json()::contains));
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

    private static List<String> expected() throws IOException {
        try (InputStream in = ReplayOutputsTest.class.getResourceAsStream(FIXTURE)) {
            assertNotNull(in, FIXTURE + " is on the test classpath");
            String text = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, (int) text.lines().count());
        }
    }
}
