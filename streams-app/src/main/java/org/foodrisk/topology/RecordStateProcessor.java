package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Keeps the current version of every record of one kind (keyed by its id) and turns the actions on it into new
 * versions through the kind's lifecycle; refused actions become dead letters with the reason. One task owns a
 * record (its actions topic is keyed by the record's id), so two actions on it never overwrite each other.
 *
 * @param <R> the record (a 会商 record, a risk communication)
 * @param <A> the action on it
 */
final class RecordStateProcessor<R, A> extends ContextualProcessor<String, RecordCommand<A>, String, RecordOutcome> {

    /** The kind's lifecycle: the next version of {@code current} (null before the first action), or why not. */
    interface Lifecycle<R, A> {
        Step<R> apply(R current, A action, OffsetDateTime now);
    }

    /** The next version, or (next null) why the action is refused. */
    record Step<R>(R next, String refusal) {
    }

    private final String storeName;
    private final Lifecycle<R, A> lifecycle;
    private final Function<R, String> id;
    private final ZoneId zone;
    private KeyValueStore<String, R> records;

    RecordStateProcessor(String storeName, Lifecycle<R, A> lifecycle, Function<R, String> id, ZoneId zone) {
        this.storeName = storeName;
        this.lifecycle = lifecycle;
        this.id = id;
        this.zone = zone;
    }

    @Override
    public void init(ProcessorContext<String, RecordOutcome> context) {
        super.init(context);
        records = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, RecordCommand<A>> record) {
        RecordCommand<A> command = record.value();
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), zone);
        Step<R> step = lifecycle.apply(records.get(record.key()), command.action(), now);
        if (step.next() != null) {
            String key = id.apply(step.next());
            records.put(key, step.next());
            context().forward(new Record<>(key, new RecordOutcome.Version(step.next()), record.timestamp()));
            return;
        }
        context().forward(new Record<>(record.key(), new DeadLetter(command.sourceTopic(), command.partition(),
                command.offset(), record.key(), command.rawValue(), null, "action-refused", step.refusal(),
                now.withOffsetSameInstant(ZoneOffset.UTC)), record.timestamp()));
    }
}
