package org.foodrisk.topology;

import java.util.function.Function;

/**
 * Reads an actions topic whose actions each change one record kept by a {@link RecordStateProcessor} (会商 records,
 * risk communications), as strictly as alert and 核查处置 actions are read ({@link StrictActionIntake}); valid actions
 * go on as {@link RecordCommand}s keyed by the record's id.
 *
 * @param <A> the action as the topic's schema describes it
 */
final class RecordActionIntake<A> extends StrictActionIntake<A> {

    private final String topic;
    private final Function<A, String> id;
    private final Function<A, String> author;

    RecordActionIntake(String topic, Class<A> type, String idField, Function<A, String> id, Function<A, String> author) {
        super(topic, type, idField);
        this.topic = topic;
        this.id = id;
        this.author = author;
    }

    @Override
    String idOf(A action) {
        return id.apply(action);
    }

    @Override
    String authorOf(A action) {
        return author.apply(action);
    }

    @Override
    RecordCommand<A> command(A action, Integer partition, Long offset, String value) {
        return new RecordCommand<>(action, topic, partition, offset, value);
    }
}
