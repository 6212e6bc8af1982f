package org.foodrisk.api;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.runtime.KafkaRuntime;

import java.util.Map;

/**
 * Health reflects Kafka Streams: UP while RUNNING, UNKNOWN while (re)balancing or restoring
 * state, DOWN when it has failed or stopped — what a load balancer or orchestrator needs.
 */
@Singleton
public class StreamsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final KafkaRuntime runtime;

    public StreamsHealthIndicator(KafkaRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        KafkaStreams.State state = runtime.streams().state();
        healthStatus = switch (state) {
            case RUNNING -> HealthStatus.UP;
            case CREATED, REBALANCING -> HealthStatus.UNKNOWN;
            default -> HealthStatus.DOWN;
        };
        return Map.of("state", state.name(), "bootstrapServers", runtime.kafka().bootstrapServers(),
                "embeddedBroker", runtime.embeddedBroker());
    }

    @Override
    protected String getName() {
        return "kafkaStreams";
    }
}
