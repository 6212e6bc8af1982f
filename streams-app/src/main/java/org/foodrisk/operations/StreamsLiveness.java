package org.foodrisk.operations;

import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.runtime.KafkaRuntime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** /health/liveness: DOWN only when Kafka Streams has failed or stopped, or its threads keep failing; never for a rebalance ({@link StreamsHealth}). */
@Singleton
@Liveness
public class StreamsLiveness extends AbstractHealthIndicator<Map<String, Object>> {

    private final KafkaRuntime runtime;
    private final StreamThreadFailures failures;

    public StreamsLiveness(KafkaRuntime runtime, StreamThreadFailures failures) {
        this.runtime = runtime;
        this.failures = failures;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        KafkaStreams.State state = runtime.streams().state();
        Instant now = Instant.now();
        healthStatus = StreamsHealth.liveness(state, failures.crashLooping(now));
        Map<String, Object> details = new LinkedHashMap<>(failures.details(now));
        details.put("state", state.name());
        return details;
    }

    @Override
    protected String getName() {
        return "kafkaStreamsAlive";
    }
}
