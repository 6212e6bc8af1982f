package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.detect.BernoulliCusum;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.FailureBaseline;
import org.foodrisk.detect.FoodHazardClusterRule;
import org.foodrisk.detect.FoodHazardDay;
import org.foodrisk.detect.FoodHazardEpisode;
import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalBinary;
import org.foodrisk.ingest.SignalExtractor;
import org.foodrisk.kafka.JsonSerde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The false-alarm budget of {@code sampling.food-hazard-cluster} on clean traffic: the demo
 * generator's sampling results for Tianjin's 16 districts (plan volumes, 2.73 % failing with the
 * SAMR 2023 cause mix spread over its foods, 韭菜 and 豇豆 failing more than most — no planted
 * incident), published in arrival order (reportedAt), through the detector's processor and stores
 * in a TopologyTestDriver, with the stage's watermark as one input task would give it (its arrival
 * clock, after each hour of it) and, at the end, one that closes every day. Not the whole topology:
 * its other detectors make the full driver about 25 records a second, too slow for a quarter of a
 * city's sampling.
 *
 * <p>Budget: the whole service aims at ≤ 2 alerts per district per week on clean data (DESIGN);
 * this rule may use at most 0.1 of them, i.e. at most one alert per district in ten weeks.
 */
class FoodHazardFalseAlarmTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final int DISTRICTS = 16;
    private static final double BUDGET_PER_DISTRICT_WEEK = 0.1;

    @Test
    void cleanTrafficOverNinetyDaysStaysWithinTheFalseAlarmBudget() throws Exception {
        LocalDate from = LocalDate.of(2024, 3, 1);
        int days = 90;
        DemoDataGenerator generator = new DemoDataGenerator(20240301L, TIANJIN);
        // In arrival order: each result when its lab reported it (reportedAt), days after sampling.
        List<DemoRecord> traffic = generator.arrivals(from, from.plusDays(days))
                .filter(r -> r.topic().equals(DemoDataGenerator.TOPIC_SAMPLING))
                .toList();

        RecordIntake intake = new RecordIntake(Duration.ofDays(1));
        Map<String, Detection> alerts = new TreeMap<>();
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, Signal> in = driver.createInputTopic("signals", new StringSerializer(),
                    JsonSerde.of(Signal.class).serializer());
            TestOutputTopic<String, Detection> out = driver.createOutputTopic("detections", new StringDeserializer(),
                    JsonSerde.of(Detection.class).deserializer());
            long watermark = 0;
            for (DemoRecord r : traffic) {
                long at = r.arrivalTime().toEpochMilli();
                if (at - watermark >= Duration.ofHours(1).toMillis()) {
                    // The watermark follows the arrival clock, as ticks do: every record up to it is in.
                    watermark = at - 1;
                    in.pipeInput(ClockTicks.WATERMARK_KEY, null, watermark);
                }
                IntakeResult result = intake.accept(InputTopic.SAMPLING_RESULTS, r.key().getBytes(StandardCharsets.UTF_8),
                        r.json().getBytes(StandardCharsets.UTF_8), at);
                if (result instanceof IntakeResult.Accepted accepted) {
                    Signal signal = SignalExtractor.extract(accepted);
                    in.pipeInput(signal.districtCategoryKey(), signal, at);
                }
                out.readValuesToList().forEach(d -> alerts.put(d.dedupKey(), d));
            }
            in.pipeInput(ClockTicks.WATERMARK_KEY, null, watermark + Duration.ofDays(30).toMillis());
            out.readValuesToList().forEach(d -> alerts.put(d.dedupKey(), d));
        }
        double weeks = days / 7.0;
        double perDistrictWeek = alerts.size() / (DISTRICTS * weeks);
        System.out.printf("food-hazard-cluster on clean traffic: %d sampling results, %d alerts in %d days over %d districts"
                        + " = %.3f per district per week (budget %.2f)%n",
                traffic.size(), alerts.size(), days, DISTRICTS, perDistrictWeek, BUDGET_PER_DISTRICT_WEEK);
        alerts.values().forEach(d -> System.out.printf("  %s %s p=%.2g%n", d.level(), d.headline(), d.detector().pValue()));
        assertTrue(traffic.size() > 5_000, "a realistic volume: " + traffic.size());
        assertTrue(perDistrictWeek <= BUDGET_PER_DISTRICT_WEEK,
                "false alarms " + perDistrictWeek + " per district-week: " + alerts.keySet());
    }

    /** The detector's processor and stores as FoodRiskTopology wires them, fed with signals keyed by district|category. */
    private static TopologyTestDriver driver() throws Exception {
        TopologySettings settings = TopologySettings.defaults();
        FoodHazardSettings foodHazard = settings.foodHazard();
        FoodHazardClusterRule rule = new FoodHazardClusterRule(
                new BernoulliCusum(foodHazard.oddsRatio(), foodHazard.threshold()),
                new FailureBaseline(foodHazard.priorWeight()), LevelPolicy.defaults());
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.FOOD_HAZARD_TALLIES),
                Serdes.String(), JsonSerde.of(FoodHazardDay.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.FOOD_HAZARD_EPISODES),
                Serdes.String(), JsonSerde.of(FoodHazardEpisode.class)));
        builder.addStateStore(StateStores.cachedText(StoreNames.FOOD_HAZARD_PROGRESS));
        builder.addStateStore(StateStores.binary(StoreNames.FOOD_HAZARD_ARRIVALS, SignalBinary.SERDE));
        builder.stream("signals", Consumed.with(Serdes.String(), JsonSerde.of(Signal.class)))
                .process(() -> new FoodHazardClusterProcessor(rule, foodHazard, settings.zone(), settings.dayCloseGrace(),
                                settings.time(), StoreNames.FOOD_HAZARD_PROGRESS, StoreNames.FOOD_HAZARD_ARRIVALS),
                        Named.as("detect-food-hazard-cluster"), StoreNames.FOOD_HAZARD_TALLIES, StoreNames.FOOD_HAZARD_EPISODES,
                        StoreNames.FOOD_HAZARD_PROGRESS, StoreNames.FOOD_HAZARD_ARRIVALS)
                .to("detections", Produced.with(Serdes.String(), JsonSerde.of(Detection.class)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "food-hazard-false-alarms");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("ttd").toString());
        return new TopologyTestDriver(builder.build(), props);
    }
}
