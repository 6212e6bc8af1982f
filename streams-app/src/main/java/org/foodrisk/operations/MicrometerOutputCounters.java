package org.foodrisk.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.foodrisk.alert.Alert;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.topology.DeadLetter;

import java.util.Objects;

/**
 * The topology's outputs as Prometheus counters:
 * {@code foodrisk_alerts_emitted_total{kind, level, event="raised"|"updated"}} (a new alert, or a
 * new version of one) and {@code foodrisk_dead_letters_total{reason, source}} (the dead letter's
 * stable error code and its source topic) — among them {@code reason="id-owned-by-another-publisher"},
 * the refused cross-publisher overwrites — and {@code foodrisk_publisher_volume_anomalies_total{input}}
 * (hours in which a publisher sent far more than its own baseline; the log names the publisher).
 * Label values come from small fixed sets.
 */
@Singleton
public class MicrometerOutputCounters implements OutputCounters {

    static final String ALERTS = "foodrisk.alerts.emitted";
    static final String DEAD_LETTERS = "foodrisk.dead.letters";
    static final String PUBLISHER_VOLUME_ANOMALIES = "foodrisk.publisher.volume.anomalies";

    private final MeterRegistry registry;

    public MicrometerOutputCounters(MeterRegistry registry) {
        this.registry = registry;
        // Registered at 0 for every input, so the board and the alerting rule see the first anomaly
        // (increase() needs a sample before it) and "none yet" is not "not measured".
        for (InputTopic input : InputTopic.values()) {
            volumeAnomalies(input);
        }
    }

    @Override
    public void alert(Alert alert) {
        Counter.builder(ALERTS)
                .description("Alert versions written to foodrisk.alerts.v1, by kind, level and whether the alert is new")
                .tag("kind", Objects.toString(alert.kind(), "unknown"))
                .tag("level", alert.level() == null ? "unknown" : alert.level().name())
                .tag("event", alert.version() <= 1 ? "raised" : "updated")
                .register(registry)
                .increment();
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        Counter.builder(DEAD_LETTERS)
                .description("Records written to foodrisk.dead-letters.v1, by error code and source topic")
                .tag("reason", Objects.toString(deadLetter.error(), "unknown"))
                .tag("source", Objects.toString(deadLetter.sourceTopic(), "unknown"))
                .register(registry)
                .increment();
    }

    @Override
    public void publisherVolumeAnomaly(InputTopic input) {
        volumeAnomalies(input).increment();
    }

    private Counter volumeAnomalies(InputTopic input) {
        return Counter.builder(PUBLISHER_VOLUME_ANOMALIES)
                .description("Hours in which one publisher sent far more records than its own hourly baseline, by input")
                .tag("input", input.shortName())
                .register(registry);
    }
}
