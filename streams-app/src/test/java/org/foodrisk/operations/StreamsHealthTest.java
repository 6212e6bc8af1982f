package org.foodrisk.operations;

import io.micronaut.health.HealthStatus;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.time.DateTimeException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(HealthStatus.UP, StreamsHealth.liveness(State.CREATED, false));
        assertEquals(HealthStatus.UP, StreamsHealth.liveness(State.REBALANCING, false));
        assertEquals(HealthStatus.UP, StreamsHealth.liveness(State.RUNNING, false));
        assertEquals(HealthStatus.DOWN, StreamsHealth.liveness(State.ERROR, false));
        assertEquals(HealthStatus.DOWN, StreamsHealth.liveness(State.PENDING_ERROR, false));
        assertEquals(HealthStatus.DOWN, StreamsHealth.liveness(State.NOT_RUNNING, false));
    }

    @Test
    void threadsFailingOverAndOverAreNotAlive() {
        StreamThreadFailures failures = new StreamThreadFailures();
        Instant start = Instant.parse("2026-11-26T00:00:00Z");
        failures.record(new IllegalStateException("timeout"), start);
        failures.record(new IllegalStateException("timeout"), start.plusSeconds(60));
        assertFalse(failures.crashLooping(start.plusSeconds(61)), "two failures may be a passing fault");
        assertEquals(HealthStatus.UP, StreamsHealth.liveness(State.RUNNING, failures.crashLooping(start.plusSeconds(61))));

        failures.record(new DateTimeException("poison pill"), start.plusSeconds(120));
        assertTrue(failures.crashLooping(start.plusSeconds(121)), "the third within ten minutes is a loop");
        assertEquals(HealthStatus.DOWN, StreamsHealth.liveness(State.RUNNING, failures.crashLooping(start.plusSeconds(121))));
        Map<String, Object> details = failures.details(start.plusSeconds(121));
        assertEquals(3L, details.get("failedStreamThreads"));
        assertEquals("java.time.DateTimeException: poison pill", details.get("lastFailure"));

        // Once the failures stop, the window empties and the instance is alive again.
        assertFalse(failures.crashLooping(start.plusSeconds(60 + 601)));
        assertEquals(3L, failures.total(), "the count since start stays");
    }

    @Test
    void aLongMessageIsShortenedInTheHealthDetails() {
        StreamThreadFailures failures = new StreamThreadFailures();
        failures.record(new RuntimeException("x".repeat(10_000)), Instant.EPOCH);
        assertTrue(failures.details(Instant.EPOCH).get("lastFailure").toString().length() < 400);
        assertTrue(new StreamThreadFailures().details(Instant.EPOCH).isEmpty(), "no details while nothing failed");
    }
}
