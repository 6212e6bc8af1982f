package org.foodrisk.topology;

/**
 * What a processor that may refuse a record hands on: its own output, or a {@link DeadLetter}, which
 * {@link DeadLetterWiring} sends to foodrisk.dead-letters.v1. Each such processor has a sealed outcome of its
 * own, and every one of them is this one: {@link IntakeOutcome}, {@link ActionOutcome}, {@link DedupOutcome},
 * {@link AlertOutcome}, {@link DisposalOutcome}, {@link RecordOutcome}.
 *
 * <p>The wiring tells the kinds apart by accessor, not by {@code instanceof} and a cast: an outcome answers
 * its own kind and null for the others, so a branch is a {@code filter} on "not null" then a {@code mapValues}
 * by the accessor — typed, and the very two nodes (names and order) the topology description pins. A
 * {@code split()} would add a node, and a {@code switch} over the sealed types needs Java 21.
 */
sealed interface StageOutcome permits IntakeOutcome, ActionOutcome, DedupOutcome, AlertOutcome, DisposalOutcome,
        RecordOutcome {

    /** This outcome if it is a dead letter, else null. */
    default DeadLetter deadLetter() {
        return null;
    }
}
