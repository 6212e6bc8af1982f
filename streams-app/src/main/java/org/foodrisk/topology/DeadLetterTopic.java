package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.foodrisk.kafka.JsonSerde;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.Topics;

/**
 * The dead-letters topic, typed: the one topic of the service that is not in {@link TypedTopics}, because its
 * value class {@link DeadLetter} stays in this package (a permitted subtype of the sealed outcomes of every stage
 * that dead-letters, {@link StageOutcome}) and {@code org.foodrisk.topic} cannot depend on {@code topology}
 * without a package cycle.
 */
public final class DeadLetterTopic {

    /** Records that could not be processed, with the reason; key the record's key as text. */
    public static final Topic<String, DeadLetter> DEAD_LETTERS =
            new Topic<>(Topics.DEAD_LETTERS, Serdes.String(), JsonSerde.of(DeadLetter.class));

    private DeadLetterTopic() {
    }
}
