package org.foodrisk.operations;

import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.runtime.KafkaRuntime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /health/liveness: DOWN only when Kafka Streams has failed or stopped, its threads keep failing,
 * or it is stuck with records waiting ({@link ProcessingStallWatch}); never for a rebalance
 * ({@link StreamsHealth}).
 */
@Singleton
@Liveness
public class StreamsLiveness extends AbstractHealthIndicator<Map<String, Object>> {

    private final KafkaRuntime runtime;
    private final StreamThreadFailures failures;
    private final ProcessingStallWatch stalls;

    public StreamsLiveness(KafkaRuntime runtime, StreamThreadFailures failures, ProcessingStallWatch stalls) {
        this.runtime = runtime;
        this.failures = failures;
        this.stalls = stalls;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        KafkaStreams.State state = runtime.streams().state();
        Instant now = Instant.now();
        StallJudge.Verdict progress = stalls.verdict();
        healthStatus = StreamsHealth.liveness(state, failures.crashLooping(now), progress.stalled());
        Map<String, Object> details = new LinkedHashMap<>(failures.details(now));
        details.put("state", state.name());
        details.put("progress", progress.details());
        return details;
    }

    @Override
    protected String getName() {
        return "kafkaStreamsAlive";
    }
}
