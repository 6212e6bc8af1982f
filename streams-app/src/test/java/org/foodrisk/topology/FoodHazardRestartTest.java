package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.foodrisk.detect.BernoulliCusum;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.FailureBaseline;
import org.foodrisk.detect.FoodHazardClusterRule;
import org.foodrisk.detect.FoodHazardDay;
import org.foodrisk.detect.FoodHazardEpisode;
import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalBinary;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.kafka.JsonSerde;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart of the food × hazard stage changes no verdict: a processor that takes over the stores midway — its memory
 * gone: the closed-through day, the arrival sequence and where the last count of held-back results stopped, all read
 * back from the stores when Kafka Streams initialises it — gives, from there on, what one processor running through
 * gives. Traffic in arrival order: results reported 1–6 days after sampling, fewer on weekends, a few bursts of
 * 毒死蜱 failures in 韭菜.
 */
class FoodHazardRestartTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final List<String> DISTRICTS = List.of("120114", "120105", "120111");
    private static final List<String> FOODS = List.of("韭菜", "芹菜", "豇豆");

    /** A whole day of closing per step: the steps must not depend on how fast this machine is. */
    private static final TimeModel TIME = new TimeModel(Duration.ofHours(1), Duration.ofMinutes(1), 1,
            Duration.ofDays(14), Duration.ofHours(1));

    private static FoodHazardClusterProcessor processor() {
        FoodHazardSettings settings = FoodHazardSettings.defaults();
        FoodHazardClusterRule rule = new FoodHazardClusterRule(new BernoulliCusum(settings.oddsRatio(),
                settings.threshold()), new FailureBaseline(settings.priorWeight()), LevelPolicy.defaults());
        return new FoodHazardClusterProcessor(rule, settings, TIANJIN, Duration.ofDays(1), TIME, "progress", "arrivals");
    }

    /** The processor's four stores in memory, in a mock context. */
    private static MockProcessorContext<String, Detection> stores() {
        MockProcessorContext<String, Detection> context = new MockProcessorContext<>();
        // After every report: a result counts as known when its lab reported it (not capped by the wall clock).
        context.setCurrentSystemTimeMs(OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli());
        List<KeyValueStore<String, ?>> stores = List.of(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.FOOD_HAZARD_TALLIES),
                        Serdes.String(), JsonSerde.of(FoodHazardDay.class)).withLoggingDisabled().build(),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.FOOD_HAZARD_EPISODES),
                        Serdes.String(), JsonSerde.of(FoodHazardEpisode.class)).withLoggingDisabled().build(),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("progress"), Serdes.String(), Serdes.String())
                        .withLoggingDisabled().build(),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("arrivals"), Serdes.String(),
                        SignalBinary.SERDE).withLoggingDisabled().build());
        for (KeyValueStore<String, ?> store : stores) {
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        return context;
    }

    private static Signal result(String id, String district, String food, LocalDate day, boolean failed,
                                 OffsetDateTime reportedAt) {
        OffsetDateTime sampled = day.atTime(10, 0).atZone(TIANJIN).toOffsetDateTime();
        List<Signal.Finding> findings = failed
                ? List.of(new Signal.Finding("毒死蜱", "农药残留", "0.12", "mg/kg", "≤0.02", "GB 2763", null, "毒死蜱"))
                : List.of();
        return new Signal(SignalType.SAMPLING, id, 1, sampled, district, null, "食用农产品", food, "流通", "区市场监管局",
                failed, findings, null, "菜店" + id, null, 1, List.of("tested:农药残留"),
                food + (failed ? " 不合格" : " 合格"), reportedAt);
    }

    /** Records in arrival order, each hour the arrival clock passes followed by a watermark. */
    private static List<Record<String, Signal>> traffic() {
        Random random = new Random(31);
        List<Signal> signals = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2024, 4, 1); day.isBefore(LocalDate.of(2024, 6, 30)); day = day.plusDays(1)) {
            int samples = day.getDayOfWeek().getValue() >= 6 ? 1 : 4;
            for (String district : DISTRICTS) {
                for (String food : FOODS) {
                    boolean burst = food.equals("韭菜") && random.nextDouble() < 0.03;
                    for (int i = 0; i < samples + (burst ? 4 : 0); i++) {
                        boolean failed = i >= samples || random.nextDouble() < 0.03;
                        OffsetDateTime reported = day.atTime(10, 0).atZone(TIANJIN).toOffsetDateTime()
                                .plusMinutes(random.nextInt(5 * 24 * 60) + 24 * 60);
                        signals.add(result(district + "-" + food + "-" + day + "-" + i, district, food, day, failed,
                                reported));
                    }
                }
            }
        }
        signals.sort(Comparator.comparing(Signal::reportedAt).thenComparing(Signal::id));
        return HourlyWatermarks.interleave(signals, Signal::districtCategoryKey);
    }

    private static List<String> verdicts(MockProcessorContext<String, Detection> context) {
        return context.forwarded().stream().map(f -> {
            Detection d = f.record().value();
            return d.dedupKey() + " " + d.windowStart().withOffsetSameInstant(ZoneOffset.ofHours(8)).toLocalDate()
                    + " " + d.judgement().state() + " " + d.evidence().size();
        }).toList();
    }

    /** Every entry of the progress store and of the held-back results, as text. */
    private static List<String> bookkeeping(MockProcessorContext<String, Detection> context) {
        List<String> entries = new ArrayList<>();
        for (String name : List.of("progress", "arrivals")) {
            KeyValueStore<String, Object> store = context.getStateStore(name);
            try (var all = store.all()) {
                all.forEachRemaining(entry -> entries.add(name + " " + entry.key + " " + entry.value));
            }
        }
        return entries;
    }

    @Test
    void aProcessorTakingOverTheStoresMidwayJudgesAsOneRunningThrough() {
        List<Record<String, Signal>> traffic = traffic();
        MockProcessorContext<String, Detection> through = stores();
        FoodHazardClusterProcessor one = processor();
        one.init(through);
        traffic.forEach(one::process);
        List<String> expected = verdicts(through);
        assertTrue(expected.size() >= 3, "the bursts raise alerts: " + expected);
        List<String> expectedBookkeeping = bookkeeping(through);
        assertTrue(expectedBookkeeping.stream().anyMatch(e -> e.startsWith("progress #sequence ")), "results held back");

        for (double at = 0.2; at < 0.99; at += 0.1) {
            MockProcessorContext<String, Detection> restarted = stores();
            int cut = (int) (traffic.size() * at);
            FoodHazardClusterProcessor before = processor();
            before.init(restarted);
            traffic.subList(0, cut).forEach(before::process);
            FoodHazardClusterProcessor after = processor(); // nothing of `before` survives but its stores
            after.init(restarted);
            traffic.subList(cut, traffic.size()).forEach(after::process);
            assertEquals(expected, verdicts(restarted), "restarted at " + at + " of the traffic");
            assertEquals(expectedBookkeeping, bookkeeping(restarted), "restarted at " + at + " of the traffic");
        }
    }
}
