package org.foodrisk.operations;

import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.runtime.KafkaRuntime;

import java.util.Map;

/** /health/readiness (and /health): UP only while Kafka Streams is RUNNING ({@link StreamsHealth}). */
@Singleton
@Readiness
public class StreamsReadiness extends AbstractHealthIndicator<Map<String, Object>> {

    private final KafkaRuntime runtime;

    public StreamsReadiness(KafkaRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        KafkaStreams.State state = runtime.streams().state();
        healthStatus = StreamsHealth.readiness(state);
        return Map.of("state", state.name(), "bootstrapServers", runtime.kafka().bootstrapServers(),
                "embeddedBroker", runtime.embeddedBroker());
    }

    @Override
    protected String getName() {
        return "kafkaStreams";
    }
}
