package org.foodrisk.operations;

import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.runtime.KafkaRuntime;

import java.util.Map;

/** /health/liveness: DOWN only when Kafka Streams has failed or stopped, never for a rebalance ({@link StreamsHealth}). */
@Singleton
@Liveness
public class StreamsLiveness extends AbstractHealthIndicator<Map<String, Object>> {

    private final KafkaRuntime runtime;

    public StreamsLiveness(KafkaRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        KafkaStreams.State state = runtime.streams().state();
        healthStatus = StreamsHealth.liveness(state);
        return Map.of("state", state.name());
    }

    @Override
    protected String getName() {
        return "kafkaStreamsAlive";
    }
}
