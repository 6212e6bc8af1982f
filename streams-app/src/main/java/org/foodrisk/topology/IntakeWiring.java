package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.ingest.Signal;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;

import java.util.ArrayList;
import java.util.List;

/**
 * <pre>
 *  4 input topics ─ intake-* ─┬─ dead letters (refused records)
 *                             └─ dedup-* ─┬─ dead letters (new content under an id another publisher owns)
 *                                         └─ merge-signals-* ─ emit-clock-ticks ─┬─ signals ─ track-event-clock
 *                                                                                └─ clock ticks
 * </pre>
 * The arrival clock of each input task goes on as ticks behind its records, for the stages that close days;
 * the event clock is the summaries' clock.
 */
final class IntakeWiring {

    private IntakeWiring() {
    }

    static SignalStreams wire(StreamsBuilder builder, TopologySettings settings, OutputCounters counters) {
        RecordIntake intake = new RecordIntake(settings.futureTolerance());
        InputTopic[] inputs = InputTopic.values();
        List<KStream<String, Signal>> admitted = new ArrayList<>();
        for (InputTopic input : inputs) {
            admitted.add(admit(builder, input, intake, counters));
        }
        KStream<String, Signal> merged = admitted.get(0);
        for (int i = 1; i < inputs.length; i++) {
            merged = merged.merge(admitted.get(i), Named.as("merge-signals-" + inputs[i].shortName()));
        }
        // Cached: nearly every record in arrival order moves the clock; the changelog needs its value once a commit.
        KStream<String, Signal> clocked = merged.process(WithStores.of(() -> new ArrivalClockProcessor(settings.time()),
                        StateStores.clock(StoreNames.ARRIVAL_CLOCK).withCachingEnabled()),
                Named.as("emit-clock-ticks"));
        KStream<String, Signal> ticks = clocked.filter((id, value) -> value == null, Named.as("filter-clock-ticks"));
        KStream<String, Signal> signals = clocked.filter((id, value) -> value != null, Named.as("filter-signals"));

        signals.process(WithStores.of(EventClockProcessor::new, StateStores.clock(StoreNames.EVENT_CLOCK)),
                Named.as("track-event-clock"));
        return new SignalStreams(signals, ticks);
    }

    /** One input topic: parsed and validated, then deduplicated; what either refuses becomes a dead letter. */
    private static KStream<String, Signal> admit(StreamsBuilder builder, InputTopic input, RecordIntake intake,
                                                 OutputCounters counters) {
        String name = input.shortName();
        Topic<byte[], byte[]> topic = TypedTopics.input(input.topic());
        KStream<String, IntakeOutcome> outcomes = builder
                .stream(topic.name(), topic.consumed("source-" + name))
                .process(() -> new IntakeProcessor(input, intake), Named.as("intake-" + name));
        DeadLetterWiring.wire(outcomes, name, counters);
        String dedupStore = StoreNames.dedup(input);
        KStream<String, DedupOutcome> deduplicated = outcomes
                .filter((key, value) -> value.admitted() != null, Named.as("filter-accepted-" + name))
                .process(WithStores.of(() -> new DedupProcessor(dedupStore, input, counters),
                        StateStores.binary(dedupStore, SeenRecord.SERDE)), Named.as("dedup-" + name));
        // New content under an id another publisher owns is refused there (issue 14).
        DeadLetterWiring.wire(deduplicated, "dedup-" + name, counters);
        return deduplicated
                .filter((key, value) -> value.signal() != null, Named.as("filter-signals-" + name))
                .mapValues(DedupOutcome::signal, Named.as("as-signal-" + name));
    }
}
