package org.foodrisk.topology;

/**
 * What {@link IntakeProcessor} hands on for a record of an input topic: admitted (on to dedup) or a dead letter.
 * The wiring still tells them apart with a filter per kind rather than {@code split()}: a split adds a node to
 * the topology, and its names must stay as they are (TopologyDescriptionTest).
 */
sealed interface IntakeOutcome permits Admitted, DeadLetter {
}
