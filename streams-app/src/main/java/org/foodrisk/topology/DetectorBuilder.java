package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.foodrisk.detect.Detection;
import org.foodrisk.ingest.Signal;
import org.foodrisk.plan.PlanCatalog;

/**
 * A detector that wires itself: it names itself, declares its stores (constants of its own, built with
 * {@link WithStores}, so no line in {@link StoreNames}), brings its settings record (registered in
 * {@link TopologySettings} through {@link DetectorSettings}, so no component there) and builds its branch of
 * the topology from the streams the topology partitions for detectors ({@link Inputs}). Adding one is its rule
 * in {@code detect/}, its builder, its settings record and one line in {@link FoodRiskTopology#DETECTORS}.
 * {@link ComplaintRepeatBuilder} is the example.
 *
 * <p>Its store, node and repartition names are pinned by {@code TopologyDescriptionTest} as every other (a
 * renamed store orphans its changelog); two stores of one name stop the build (Kafka Streams refuses a
 * different store under a name already added).
 *
 * @param <S> its settings record
 */
interface DetectorBuilder<S extends Record> {

    /**
     * Kebab-case and unique: its detections merge into the alerts at node {@code merge-detections-<name>}, and
     * its settings sit under {@code foodrisk.detect.<name>.*} unless {@link #settingsPrefix()} says otherwise.
     */
    String name();

    /**
     * Which of {@link Inputs}' streams its processor reads: its detections leave through that stage's repartition
     * topic. A wrong stage still works but joins two stages into one sub-topology again ({@link DetectionStage});
     * {@code TopologyDescriptionTest} pins which topics each sub-topology reads.
     */
    DetectionStage stage();

    /** Its settings' defaults, with the reasons for them in the record's {@code defaults()}. */
    S defaultSettings();

    /**
     * Where its settings' keys sit under {@code foodrisk.detect}, in kebab-case: under its name by default; the
     * empty string puts them directly there, as the keys of the concerns marked {@code @JsonUnwrapped} in
     * {@link TopologySettings} (for keys that predate the builder: configurations name them).
     */
    default String settingsPrefix() {
        return name();
    }

    /** Its branch: reads from the inputs, returns its detections (keyed by dedup key, as every detector's). */
    KStream<String, Detection> build(Inputs inputs, S settings);

    /** Its settings record's class: the key under which {@link TopologySettings#part(Class)} finds them. */
    @SuppressWarnings("unchecked") // a record class is final: the class of S's value is S
    default Class<S> settingsType() {
        return (Class<S>) defaultSettings().getClass();
    }

    /** Its branch, built with its own settings as configured. */
    default KStream<String, Detection> buildFrom(Inputs inputs) {
        return build(inputs, inputs.settings().part(settingsType()));
    }

    /**
     * What a builder may read: the settings (its own come as {@code build}'s argument; the shared ones, such as
     * the zone and the level thresholds, from here), the plan catalog and the streams partitioned for the
     * detectors. A detector that needs another partitioning adds it here, once, for every detector after it.
     *
     * @param settings          all the topology's settings
     * @param catalog           the plans (targets, routing)
     * @param intake            the admitted signals keyed by id, and the arrival-clock ticks for stages that close
     *                          days ({@link WatermarkWiring})
     * @param countedSignals    the signals of a district × food category once counted (key
     *                          {@code district|category}), as the category detectors read them
     * @param enterpriseSignals failed samples and complaints that name a business, keyed by its enterprise key
     *                          (repartition {@code signals-by-enterprise})
     */
    record Inputs(TopologySettings settings, PlanCatalog catalog, SignalStreams intake,
                  KStream<String, Signal> countedSignals, KStream<String, Signal> enterpriseSignals) {

        /** The admitted signals of every input, keyed by id. */
        KStream<String, Signal> signals() {
            return intake.signals();
        }
    }
}
