package org.foodrisk.operations;

import io.micronaut.health.HealthStatus;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the Kafka Streams state means to a load balancer and to an orchestrator.
 *
 * <ul>
 *   <li>Ready only while RUNNING: before that (starting, rebalancing, restoring state) the stores
 *       cannot answer queries, so requests should go to another instance.</li>
 *   <li>Alive unless Kafka Streams has failed or stopped for good (ERROR, PENDING_ERROR,
 *       NOT_RUNNING): a rebalance or a long state restoration is normal work, and restarting the
 *       process then would only start the restoration again — liveness must not flap on it.
 *       Also DOWN while stream threads keep failing and being replaced ({@link StreamThreadFailures}):
 *       Kafka Streams says RUNNING between the failures, but nothing progresses. And DOWN when it is
 *       stuck: records wait on its partitions and nothing was committed for a bounded time
 *       ({@link StallJudge}), whatever the state says.</li>
 * </ul>
 */
public final class StreamsHealth {

    private StreamsHealth() {
    }

    public static HealthStatus readiness(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING ? HealthStatus.UP : HealthStatus.DOWN;
    }

    public static HealthStatus liveness(KafkaStreams.State state, boolean crashLooping) {
        return liveness(state, crashLooping, false);
    }

    /**
     * @param stalled records wait on this instance's partitions and nothing was committed or restored
     *                for the stall bound ({@link StallJudge}): RUNNING or not, nothing progresses
     */
    public static HealthStatus liveness(KafkaStreams.State state, boolean crashLooping, boolean stalled) {
        if (crashLooping || stalled) {
            return HealthStatus.DOWN;
        }
        return switch (state) {
            case ERROR, PENDING_ERROR, NOT_RUNNING -> HealthStatus.DOWN;
            case CREATED, REBALANCING, RUNNING, PENDING_SHUTDOWN -> HealthStatus.UP;
        };
    }
}
