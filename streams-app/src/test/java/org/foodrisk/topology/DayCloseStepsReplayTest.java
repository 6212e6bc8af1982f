package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.alert.Alert;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, the other half of closing days in steps: when records keep arriving between the steps of a
 * round, a day may be judged for the first time on more of its reports than a single pass would have seen.
 * That may save a version (初判 then 更新 becomes one 初判), or an alarm that late reports would have withdrawn
 * is never raised — but no risk may be lost: every count alert that stands after a single pass must stand
 * after the steps too, on the same day and series, with the same final figures.
 *
 * <p>Seven weeks of demo traffic of two districts, in arrival order (lab results days after sampling), once
 * with the default slice and once with the smallest steps there are (one series-day per watermark or
 * wall-clock step), so that every round runs far behind the records.
 */
class DayCloseStepsReplayTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FROM = LocalDate.of(2024, 3, 18);
    private static final LocalDate TO = LocalDate.of(2024, 5, 6);

    @Test
    void closingInTheSmallestStepsLosesNoCountAlertThatOnePassRaises() {
        Map<String, String> onePass = standingCountAlerts("steps-one-pass", TopologySettings.defaults().time());
        TimeModel defaults = TopologySettings.defaults().time();
        Map<String, String> smallSteps = standingCountAlerts("steps-smallest", new TimeModel(defaults.tickEvery(),
                defaults.idleAfter(), defaults.upstreamTasks(), defaults.rejudgeHorizon(), Duration.ZERO));
        System.out.println("DayCloseStepsReplayTest: standing count alerts " + onePass.values());
        assertFalse(onePass.isEmpty(), "the demo traffic raises count alerts");
        assertEquals(onePass, smallSteps);
    }

    /** The count alerts standing at the end (not withdrawn), by id: kind, window, level and the figures judged. */
    private static Map<String, String> standingCountAlerts(String id, TimeModel time) {
        DemoDataGenerator generator = new DemoDataGenerator(11, ZONE);
        List<DemoRecord> records = new ArrayList<>(generator.arrivals(FROM, TO, TO.minusDays(7)::equals).toList());
        records.removeIf(r -> !(r.json().contains("120114") || r.json().contains("武清")
                || r.json().contains("120116") || r.json().contains("滨海")));
        try (TopologyTestDriver driver = Drivers.topology(id, Instant.parse("2024-05-20T00:00:00Z"), PlanCatalog.bundled(),
                TopologySettings.defaults().with(time))) {
            Map<String, TestInputTopic<String, String>> topics = new HashMap<>();
            for (DemoRecord record : records) {
                topics.computeIfAbsent(record.topic(), name -> TestTopics.input(driver, TypedTopics.input(name).asText()))
                        .pipeInput(record.key(), record.json(), record.arrivalTime());
            }
            // Quiet inputs tick the wall clock, which closes the rest; then the rounds run out on the wall clock.
            driver.advanceWallClockTime(Duration.ofMinutes(2));
            KeyValueStore<String, String> daily = driver.getKeyValueStore(StoreNames.ABERRATION_PROGRESS);
            KeyValueStore<String, String> syndromes = driver.getKeyValueStore(StoreNames.SYNDROME_ABERRATION_PROGRESS);
            int steps = 0;
            while ((daily.get(PeriodAberrationProcessor.CLOSING_AT) != null
                    || syndromes.get(PeriodAberrationProcessor.CLOSING_AT) != null) && steps++ < 20_000) {
                driver.advanceWallClockTime(Duration.ofMillis(100));
            }
            System.out.printf("DayCloseStepsReplayTest (%s): %d records, %d wall-clock steps after the input%n", id,
                    records.size(), steps);
            assertTrue(daily.get(PeriodAberrationProcessor.CLOSING_AT) == null
                    && syndromes.get(PeriodAberrationProcessor.CLOSING_AT) == null, "every round finished");
            Map<String, String> standing = new TreeMap<>();
            KeyValueStore<String, Alert> alerts = driver.getKeyValueStore(StoreNames.ALERTS);
            try (KeyValueIterator<String, Alert> all = alerts.all()) {
                while (all.hasNext()) {
                    KeyValue<String, Alert> entry = all.next();
                    Alert alert = entry.value;
                    boolean countAlert = alert.kind().endsWith(".aberration") || alert.kind().equals("complaint.spike");
                    boolean withdrawn = alert.judgement() != null && "撤回".equals(alert.judgement().state());
                    if (countAlert && !withdrawn) {
                        standing.put(alert.alertId(), alert.kind() + " " + alert.dedupKey() + " " + alert.window()
                                + " " + alert.level() + " observed " + alert.detector().observed()
                                + " threshold " + alert.detector().threshold());
                    }
                }
            }
            return standing;
        }
    }
}
