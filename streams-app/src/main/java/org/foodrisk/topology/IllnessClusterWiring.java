package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.foodrisk.detect.CaseHistory;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.IllnessClusterRule;
import org.foodrisk.detect.IncubationPeriods;
import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.detect.OutbreakDefinition;
import org.foodrisk.detect.SpaceTimeClusterRule;
import org.foodrisk.detect.TownCases;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

/**
 * Clusters of illness cases:
 * <pre>
 *  illness with an exposure place ─ [by place] ─ detect-illness-cluster
 *  illness without place, with town ─ [by district, with watermarks] ─ detect-illness-spacetime
 * </pre>
 * (The food-hazard cluster detector reads the district × category counts: {@link CategoryDetectorWiring}.)
 */
final class IllnessClusterWiring {

    private IllnessClusterWiring() {
    }

    record Detections(KStream<String, Detection> clusters, KStream<String, Detection> spaceTime) {
    }

    static Detections wire(SignalStreams intake, TopologySettings settings) {
        KStream<String, Detection> clusters = byExposurePlace(intake.signals(), settings.illnessCluster(), settings.levels());
        KStream<String, Detection> spaceTime = spaceTime(intake, settings);
        return new Detections(clusters, spaceTime);
    }

    private static KStream<String, Detection> byExposurePlace(KStream<String, Signal> signals,
                                                              IllnessClusterSettings settings, LevelPolicy levels) {
        OutbreakDefinition outbreaks = new OutbreakDefinition(IncubationPeriods.bundled(),
                settings.clusterExposureWindow(), settings.clusterGap());
        IllnessClusterRule rule = new IllnessClusterRule(outbreaks, settings.clusterMinCases(), levels);
        // A case whose place has no key (家中 without address …) can join no one: it is not repartitioned.
        return signals
                .filter((id, s) -> s.type() == SignalType.ILLNESS && s.place() != null && s.place().key() != null,
                        Named.as("filter-exposed-cases"))
                .selectKey((id, signal) -> signal.place().key(), Named.as("key-by-exposure-place"))
                .repartition(Repartitioned.with(TopologySerdes.KEY, TopologySerdes.SIGNAL).withName("cases-by-exposure-place"))
                .process(WithStores.of(() -> new IllnessClusterProcessor(rule),
                                StateStores.json(StoreNames.ILLNESS_CLUSTERS, CaseHistory.class)),
                        Named.as("detect-illness-cluster"));
    }

    /** Cases with a town but no place that tells them apart: the space–time permutation scan by district. */
    private static KStream<String, Detection> spaceTime(SignalStreams intake, TopologySettings settings) {
        SpaceTimeClusterRule rule = SpaceTimeClusterRule.defaults();
        KStream<String, Signal> unplacedCases = intake.signals()
                .filter((id, s) -> s.type() == SignalType.ILLNESS && s.districtCode() != null && townOf(s) != null
                        && (s.place() == null || s.place().key() == null), Named.as("filter-unplaced-town-cases"))
                .selectKey((id, s) -> s.districtCode(), Named.as("key-unplaced-cases-by-district"));
        return WatermarkWiring.withWatermark(unplacedCases, intake, "unplaced-cases-by-district", settings.time())
                .process(WithStores.of(() -> new SpaceTimeScanProcessor(rule, settings.zone(), settings.dayCloseGrace()),
                                StateStores.json(StoreNames.ILLNESS_SPACETIME, TownCases.class)),
                        Named.as("detect-illness-spacetime"));
    }

    /** The town (街道/镇) a case report names (tag {@code town:<canonical name>}), or null. */
    static String townOf(Signal signal) {
        return signal.tags().stream().filter(t -> t.startsWith("town:")).map(t -> t.substring("town:".length()))
                .filter(name -> !name.isBlank()).findFirst().orElse(null);
    }
}
