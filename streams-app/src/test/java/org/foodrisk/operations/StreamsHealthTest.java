package org.foodrisk.operations;

import io.micronaut.health.HealthStatus;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ready only while RUNNING; alive through start and rebalances, dead only when Kafka Streams has failed or stopped. */
class StreamsHealthTest {

    @Test
    void readyOnlyWhileRunning() {
        for (State state : State.values()) {
            assertEquals(state == State.RUNNING ? HealthStatus.UP : HealthStatus.DOWN, StreamsHealth.readiness(state), state.name());
        }
    }

    @Test
    void livenessDoesNotFlapOnARebalance() {
        assertEquals(HealthStatus.UP, StreamsHealth.liveness(State.CREATED));
        assertEquals(HealthStatus.UP, StreamsHealth.liveness(State.REBALANCING));
        assertEquals(HealthStatus.UP, StreamsHealth.liveness(State.RUNNING));
        assertEquals(HealthStatus.DOWN, StreamsHealth.liveness(State.ERROR));
        assertEquals(HealthStatus.DOWN, StreamsHealth.liveness(State.PENDING_ERROR));
        assertEquals(HealthStatus.DOWN, StreamsHealth.liveness(State.NOT_RUNNING));
    }
}
