package org.foodrisk.topology;

/**
 * What a record-state processor ({@link RecordStateProcessor}) works on, keyed by the record's id: a person's action
 * with where it came from, so that a refused action is dead-lettered with its own topic, partition and offset (as
 * {@link DisposalCommand}). Never serialized: an actions topic of this kind is keyed by the record's id already, so
 * the command stays in its task.
 *
 * @param <A> the action as its topic's schema describes it
 */
record RecordCommand<A>(A action, String sourceTopic, Integer partition, Long offset, String rawValue)
        implements ActionOutcome {

    @Override
    public RecordCommand<A> recordCommand() {
        return this;
    }
}
