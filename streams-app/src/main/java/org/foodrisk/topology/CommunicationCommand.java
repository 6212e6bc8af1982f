package org.foodrisk.topology;

import org.foodrisk.communication.CommunicationAction;

/**
 * What the risk communication processor works on, keyed by communicationId: a person's action with where it came from
 * (so a refused action is dead-lettered with its own topic, partition and offset, as {@link DisposalCommand}).
 * Never serialized: the actions topic is keyed by communicationId already, so the command stays in its task.
 */
record CommunicationCommand(CommunicationAction action, String sourceTopic, Integer partition, Long offset, String rawValue)
        implements ActionOutcome {

    @Override
    public CommunicationCommand communicationCommand() {
        return this;
    }
}
