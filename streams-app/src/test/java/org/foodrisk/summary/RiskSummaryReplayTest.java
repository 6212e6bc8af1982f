package org.foodrisk.summary;

import org.foodrisk.reference.Period;
import org.foodrisk.plan.TargetProgress;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.alert.Alert;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.topology.StoreNames;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A week of demo traffic replayed twice, at different wall-clock times, gives the same 会商 markdown. */
class RiskSummaryReplayTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.of(2024, 5, 6);

    private static final Instant FIRST_WALL_CLOCK = Instant.parse("2024-06-03T08:00:00Z");
    /** The replay at {@link #FIRST_WALL_CLOCK}, made once for both tests that need it (a replay takes seconds). */
    private static List<Alert> firstReplay;

    private static synchronized List<Alert> firstReplay() throws Exception {
        if (firstReplay == null) {
            firstReplay = replay(FIRST_WALL_CLOCK);
        }
        return firstReplay;
    }

    private static List<Alert> replay(Instant wallClock) throws Exception {
        DemoDataGenerator generator = new DemoDataGenerator(7, ZONE);
        try (TopologyTestDriver driver = Drivers.topology("summary-replay", wallClock)) {
            // Two weeks in arrival order, as published: lab results days after sampling, the planted
            // clenbuterol finding (sampled on Wednesday) on Saturday, the last lab results after the weeks end.
            List<DemoRecord> records = new ArrayList<>(generator.arrivals(MONDAY.minusDays(7), MONDAY.plusDays(7),
                    MONDAY.plusDays(2)::equals).toList());
            // Only what concerns 武清区 (by name or code), whose summary is compared: the other fifteen
            // districts' traffic would make each replay five times longer and change nothing in it.
            records.removeIf(record -> !(record.json().contains("武清") || record.json().contains("120114")));
            // One input topic per name: creating one per record made the driver re-check topic patterns each time.
            Map<String, TestInputTopic<String, String>> topics = new HashMap<>();
            for (DemoRecord record : records) {
                TestInputTopic<String, String> topic = topics.computeIfAbsent(record.topic(),
                        name -> TestTopics.input(driver, TypedTopics.input(name).asText()));
                topic.pipeInput(record.key(), record.json(), Instant.parse("2024-06-01T00:00:00Z"));
            }
            KeyValueStore<String, Alert> store = driver.getKeyValueStore(StoreNames.ALERTS);
            List<Alert> alerts = new ArrayList<>();
            try (KeyValueIterator<String, Alert> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, Alert> entry = all.next();
                    alerts.add(entry.value);
                }
            }
            return alerts;
        }
    }

    private static String markdown(List<Alert> alerts) {
        List<Alert> wuqing = alerts.stream().filter(a -> "120114".equals(a.districtCode())).toList();
        return new RiskSummaryBuilder(ZONE).build("120114", "武清区", Period.parse("2024-W19"), wuqing, List.of()).markdown();
    }

    @Test
    void replayingAWeekTwiceGivesByteIdenticalMarkdown() throws Exception {
        String first = markdown(firstReplay());
        String second = markdown(replay(Instant.parse("2025-01-20T15:30:00Z")));
        assertEquals(first, second);
        assertTrue(first.startsWith("# 武清区食品安全风险会商摘要（2024年第19周）"), first);
        assertTrue(first.contains("克伦特罗"), "the planted clenbuterol finding is a top risk:\n" + first);
        assertTrue(first.contains("责任任务："), first);
    }

    @Test
    void aSummaryIsAValidRecordOfTheContractTopic() throws Exception {
        List<Alert> alerts = firstReplay().stream()
                .filter(a -> "120114".equals(a.districtCode())).toList();
        RiskSummary summary = new RiskSummaryBuilder(ZONE).build("120114", "武清区", Period.parse("2024-W19"), alerts,
                List.of(new TargetProgress("wuqing-2024:11", "（十一）", "抽检量", "全区", null, 8489, "批次", 3000, 2500,
                        false, "8489批次", null)));
        List<String> errors = ContractValidator.forTopic(Topics.RISK_SUMMARIES)
                .validate(Json.MAPPER.valueToTree(summary));
        assertEquals(List.of(), errors);
    }

    @Test
    void periodsParseAsIsoWeeksAndMonths() {
        Period week = Period.parse("2024-W19");
        assertEquals(LocalDate.of(2024, 5, 6), week.first());
        assertEquals(LocalDate.of(2024, 5, 12), week.last());
        assertEquals("2024-W18", week.previous().id());
        assertEquals("2024-W52", Period.parse("2025-W01").previous().id());
        Period month = Period.parse("2024-02");
        assertEquals(LocalDate.of(2024, 2, 29), month.last());
        assertEquals("2024-01", month.previous().id());
    }
}
