package org.foodrisk.topology;

/**
 * What a reader of an actions topic ({@link StrictActionIntake}) hands on: the command for the record the action
 * acts on (an alert, a 核查处置 case) or a dead letter. The wiring still tells them apart with a filter per kind
 * rather than {@code split()}: a split adds a node to the topology, and its names must stay as they are
 * (TopologyDescriptionTest).
 */
sealed interface ActionOutcome permits AlertCommand, DisposalCommand, DeadLetter {
}
