package org.foodrisk.topology;

import java.util.Locale;

/**
 * The partitioning a detector's processor runs in — which stream of the topology it reads — and so the sub-topology its
 * detections leave from. Detections reach the alert state through one repartition topic per stage
 * ({@link #commandsTopic()}), not through one merge of every detector's stream: a merge joins the streams it merges
 * into one sub-topology, and the single merge made every stage one sub-topology whose tasks read twelve topics. Kafka
 * Streams then looked at all twelve partitions of a task for every record it processed (PartitionGroup.readyToProcess,
 * 12 % of the stream thread in the 200k replay's profile), though a record of one stage never waits for another's.
 * Detectors of one stage still merge before their repartition: that keeps them in their stage's sub-topology.
 *
 * <p>One alert id must reach one task whichever stage it comes from, so these topics must have equal partition counts:
 * they do, because every stage is downstream of the intake alone and Kafka Streams gives each repartition topic the
 * partition count of its upstream's sources — the intake's topics, however an operator sized them.
 */
enum DetectionStage {

    /** The admitted signals keyed by id, and people's actions on alerts: the repartition topic alerts always had. */
    INTAKE("alert-commands-by-alert"),
    /** {@code signals-by-district-category}: failure rates, opinion, fusion, food × hazard, count aberrations. */
    DISTRICT_CATEGORY("alert-commands-from-district-category"),
    /** The pooled count model's {@code signals-by-city-category}. */
    CITY_CATEGORY("alert-commands-from-city-category"),
    /** {@code cases-by-district-syndrome}. */
    DISTRICT_SYNDROME("alert-commands-from-district-syndrome"),
    /** {@code sampling-by-district}: the plan's volume targets. */
    SAMPLING_BY_DISTRICT("alert-commands-from-sampling-by-district"),
    /** {@code signals-by-enterprise}: repeat offenders, repeated complaints. */
    ENTERPRISE("alert-commands-from-enterprise"),
    /** {@code cases-by-exposure-place}: outbreaks at one place. */
    EXPOSURE_PLACE("alert-commands-from-exposure-place"),
    /** {@code unplaced-cases-by-district}: the space–time scan. */
    UNPLACED_CASES_BY_DISTRICT("alert-commands-from-unplaced-cases");

    private final String commandsTopic;

    DetectionStage(String commandsTopic) {
        this.commandsTopic = commandsTopic;
    }

    /**
     * The name of the repartition topic (and its nodes) that carries this stage's detections to the alert state. The
     * intake's is the topic every detection took before 2026-12-07: records a previous version left in it are read.
     */
    String commandsTopic() {
        return commandsTopic;
    }

    /** The suffix of this stage's node names: kebab-case of the constant. */
    String nodeSuffix() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
