package org.foodrisk.topology;

import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.TopologyException;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.Detection;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.runtime.KafkaClientConfig;
import org.foodrisk.runtime.StreamsProperties;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A detector in the shape of issue 17: its rule, its builder and its settings record, listed in
 * {@link FoodRiskTopology#DETECTORS}. The test adds one that is not listed ({@link QuietBuilder}, with its own
 * store and settings) and checks that nothing shared needs a line for it: its nodes, store and merge are wired,
 * its settings bind under its name and a misspelt key still stops the start; and that what the shared lists
 * guarded is still guarded (unique store names, unique settings keys, unique detector names).
 */
class DetectorBuilderTest {

    /** The settings of the test's detector: its keys are foodrisk.detect.quiet-business.*. */
    record QuietSettings(Duration quietAfter, int quietMinComplaints) {

        static QuietSettings defaults() {
            return new QuietSettings(Duration.ofDays(60), 3);
        }
    }

    /** A stateful detector that only remembers (it never alarms): enough to be wired, stored and configured. */
    static class QuietBuilder implements DetectorBuilder<QuietSettings> {

        static final String STORE = "quiet-business-store";

        private final String name;
        private final String store;

        QuietBuilder() {
            this("quiet-business", STORE);
        }

        QuietBuilder(String name, String store) {
            this.name = name;
            this.store = store;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DetectionStage stage() {
            return DetectionStage.ENTERPRISE;
        }

        @Override
        public QuietSettings defaultSettings() {
            return QuietSettings.defaults();
        }

        @Override
        public KStream<String, Detection> build(Inputs inputs, QuietSettings settings) {
            return inputs.enterpriseSignals()
                    .filter((key, s) -> s.type() == SignalType.COMPLAINT, Named.as("filter-" + name))
                    .process(WithStores.of(() -> new LastComplaint(store), StateStores.json(store, Signal.class)),
                            Named.as("detect-" + name));
        }
    }

    static final class LastComplaint extends ContextualProcessor<String, Signal, String, Detection> {

        private final String store;
        private KeyValueStore<String, Signal> last;

        LastComplaint(String store) {
            this.store = store;
        }

        @Override
        public void init(ProcessorContext<String, Detection> context) {
            super.init(context);
            last = context.getStateStore(store);
        }

        @Override
        public void process(Record<String, Signal> record) {
            last.put(record.key(), record.value());
        }
    }

    /** A record with a key the illness-cluster settings already have directly under foodrisk.detect. */
    record ClashingSettings(Duration clusterGap) {
    }

    private static List<DetectorBuilder<?>> listedAnd(DetectorBuilder<?> another) {
        List<DetectorBuilder<?>> detectors = new ArrayList<>(FoodRiskTopology.DETECTORS);
        detectors.add(another);
        return detectors;
    }

    private static TopologySettings settingsOf(List<DetectorBuilder<?>> detectors) {
        return TopologySettings.defaults().with(DetectorSettings.defaults(detectors));
    }

    private static Topology build(List<DetectorBuilder<?>> detectors) {
        return FoodRiskTopology.build(settingsOf(detectors), PlanCatalog.bundled(), OutputCounters.NONE, detectors);
    }

    @Test
    void aDetectorIsWiredFromItsBuilderAloneWithItsStoreAndMerge() throws IOException {
        List<DetectorBuilder<?>> detectors = listedAnd(new QuietBuilder());
        Topology topology = build(detectors);
        String description = topology.describe().toString();

        assertTrue(description.contains("Processor: detect-quiet-business (stores: [quiet-business-store])"),
                description);
        assertTrue(description.contains("merge-detections-quiet-business"), description);
        assertTrue(description.contains("Processor: filter-quiet-business (stores: [])\n      --> detect-quiet-business\n"
                + "      <-- signals-by-enterprise-repartition-source"), "it reads the enterprise partition: " + description);
        // The driver initializes every processor: the store it declared is connected to it.
        Properties props = StreamsProperties.shared(new KafkaClientConfig("unused:9092", Map.of()),
                "detector-builder-test", OutputCounters.NONE);
        props.put("state.dir", Files.createTempDirectory("ttd").toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            assertTrue(driver.getAllStateStores().containsKey(QuietBuilder.STORE));
        }
    }

    @Test
    void itsSettingsBindUnderItsNameAndAMisspeltKeyStillStopsTheStart() {
        TopologySettings base = settingsOf(listedAnd(new QuietBuilder()));
        assertEquals(QuietSettings.defaults(), base.part(QuietSettings.class));

        TopologySettings configured = SettingsOverrides.apply(base, Map.of(
                "quiet-business.quiet-after", "P30D", "quiet-business.quiet-min-complaints", "5", "cluster-gap", "PT48H"));
        assertEquals(new QuietSettings(Duration.ofDays(30), 5), configured.part(QuietSettings.class));
        assertEquals(Duration.ofHours(48), configured.illnessCluster().clusterGap(), "the other settings as before");

        IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class, () ->
                SettingsOverrides.apply(base, Map.of("quiet-business.quiet-min-complaint", "5")));
        assertTrue(misspelt.getMessage().contains("quiet-min-complaints"), misspelt.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SettingsOverrides.apply(base, Map.of("quiet-after", "P30D")),
                "not directly under foodrisk.detect: under its name");
        assertThrows(IllegalArgumentException.class, () ->
                SettingsOverrides.apply(base, Map.of("quiet-business.quiet-after", "thirty days")));
    }

    @Test
    void testsReplaceItsSettingsByTheirType() {
        TopologySettings base = settingsOf(listedAnd(new QuietBuilder()));
        QuietSettings quiet = new QuietSettings(Duration.ofDays(1), 1);
        TopologySettings settings = base.with(quiet);
        assertSame(quiet, settings.part(QuietSettings.class));
        assertEquals(base.part(ComplaintRepeatSettings.class), settings.part(ComplaintRepeatSettings.class));
        assertThrows(IllegalArgumentException.class, () -> TopologySettings.defaults().with(quiet),
                "a detector that is not listed takes no settings");
        assertThrows(IllegalArgumentException.class, () -> TopologySettings.defaults().part(QuietSettings.class));
    }

    @Test
    void theComplaintRepeatKeysStayDirectlyUnderFoodriskDetect() {
        ComplaintRepeatSettings complaints = new ComplaintRepeatSettings(Duration.ofDays(10), 4);
        TopologySettings base = TopologySettings.defaults();
        TopologySettings configured = SettingsOverrides.apply(base,
                Map.of("complaint-window", "P10D", "complaint-min-count", "4"));
        assertEquals(complaints, configured.part(ComplaintRepeatSettings.class));
        assertEquals(base.with(complaints), configured, "they configure nothing else");
        assertThrows(IllegalArgumentException.class, () -> SettingsOverrides.apply(TopologySettings.defaults(),
                Map.of("complaint-repeat.complaint-window", "P10D")), "not under its name: its prefix is empty");
    }

    @Test
    void aStoreNameAnotherStageHasStopsTheBuild() {
        for (String taken : List.of(ComplaintRepeatBuilder.STORE, StoreNames.OFFENDER_HISTORY, StoreNames.ALERTS)) {
            TopologyException e = assertThrows(TopologyException.class,
                    () -> build(listedAnd(new QuietBuilder("quiet-business", taken))), taken);
            assertTrue(e.getMessage().contains(taken), e.getMessage());
        }
    }

    @Test
    void aDetectorNameAnotherDetectorHasStopsTheBuild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> build(listedAnd(new QuietBuilder("fusion", QuietBuilder.STORE))));
        assertTrue(e.getMessage().contains("fusion"), e.getMessage());
    }

    @Test
    void twoDetectorsCannotShareASettingsRecord() {
        assertThrows(IllegalArgumentException.class,
                () -> DetectorSettings.defaults(List.of(new QuietBuilder(), new QuietBuilder("other", "other-store"))));
    }

    @Test
    void aDetectorsKeyThatAnotherSettingHasIsRefused() {
        // The listed ones' keys are distinct from every other setting's (or the tree could not be made).
        SettingsOverrides.tree(TopologySettings.defaults());
        DetectorBuilder<ClashingSettings> unwrapped = clashing("");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SettingsOverrides.tree(settingsOf(listedAnd(unwrapped))));
        assertTrue(e.getMessage().contains("cluster-gap"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> SettingsOverrides.tree(settingsOf(listedAnd(clashing("levels")))),
                "a prefix that names another concern");
    }

    private static DetectorBuilder<ClashingSettings> clashing(String prefix) {
        return new DetectorBuilder<>() {
            @Override
            public String name() {
                return "clashing";
            }

            @Override
            public DetectionStage stage() {
                return DetectionStage.ENTERPRISE;
            }

            @Override
            public ClashingSettings defaultSettings() {
                return new ClashingSettings(Duration.ofDays(1));
            }

            @Override
            public String settingsPrefix() {
                return prefix;
            }

            @Override
            public KStream<String, Detection> build(Inputs inputs, ClashingSettings settings) {
                throw new UnsupportedOperationException("only its settings are looked at");
            }
        };
    }
}
