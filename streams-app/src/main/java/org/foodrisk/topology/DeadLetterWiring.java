package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.operations.OutputCounters;

/** The dead letters among a processor's outcomes ─► foodrisk.dead-letters.v1, counted (operations metrics). */
final class DeadLetterWiring {

    private DeadLetterWiring() {
    }

    /** @param name the stage the dead letters come from: part of the four node names, which must stay as they are */
    static <V extends StageOutcome> void wire(KStream<String, V> outcomes, String name, OutputCounters counters) {
        outcomes.filter((key, value) -> value.deadLetter() != null, Named.as("filter-dead-letters-" + name))
                .mapValues(StageOutcome::deadLetter, Named.as("as-dead-letter-" + name))
                .peek((key, deadLetter) -> counters.deadLetter(deadLetter), Named.as("count-dead-letters-" + name))
                .to(DeadLetterTopic.DEAD_LETTERS.name(), DeadLetterTopic.DEAD_LETTERS.produced("sink-dead-letters-" + name));
    }
}
