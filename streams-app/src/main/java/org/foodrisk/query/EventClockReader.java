package org.foodrisk.query;

import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topology.StoreNames;

import java.time.Instant;
import java.util.Optional;

/**
 * The event-time clock of this instance's input tasks (the event-clock store), which decides when a
 * week or month of 会商 summaries is due.
 */
@Singleton
public class EventClockReader {

    private final KafkaRuntime runtime;
    private final StoreInstances instances;

    public EventClockReader(KafkaRuntime runtime, StoreInstances instances) {
        this.runtime = runtime;
        this.instances = instances;
    }

    /**
     * The latest event time this instance's input tasks have seen; empty while Kafka Streams is not
     * running, while its stores are being reassigned (ask again next round) or before any record.
     */
    public Optional<Instant> latest() {
        if (runtime.streams().state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        long latest = Long.MIN_VALUE;
        try (KeyValueIterator<String, Long> tasks = instances.<Long>local(StoreNames.EVENT_CLOCK).all()) {
            while (tasks.hasNext()) {
                latest = Math.max(latest, tasks.next().value);
            }
        } catch (RuntimeException notReady) {
            return Optional.empty(); // rebalancing: next round
        }
        return latest == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest));
    }
}
