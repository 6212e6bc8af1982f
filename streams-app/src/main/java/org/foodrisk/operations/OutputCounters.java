package org.foodrisk.operations;

import org.foodrisk.alert.Alert;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.topology.DeadLetter;

/**
 * What the topology tells operations about its outputs, as they are written: every alert version
 * on the alerts topic and every dead letter. The topology calls it from its sink paths; the
 * default does nothing, so topology tests need nothing.
 *
 * <p>Counts are of processing, not of committed records: under exactly-once a batch reprocessed
 * after a crash counts again here while its records appear once on the topics — the topics stay
 * the exact record, these counters show rates and mixes.
 */
public interface OutputCounters {

    OutputCounters NONE = new OutputCounters() {
        @Override
        public void alert(Alert alert) {
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
        }
    };

    /** An alert version goes to foodrisk.alerts.v1 (a new alert when its version is 1). */
    void alert(Alert alert);

    /** A record goes to foodrisk.dead-letters.v1. */
    void deadLetter(DeadLetter deadLetter);

    /**
     * A publisher sent far more records of {@code input} in an hour than its own baseline (the
     * topology logs which publisher; the metric says only which input, so that a Kafka writer
     * naming ever new publishers cannot grow the metrics without bound).
     */
    default void publisherVolumeAnomaly(InputTopic input) {
    }
}
