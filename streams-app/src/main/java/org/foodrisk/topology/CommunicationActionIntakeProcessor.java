package org.foodrisk.topology;

import org.foodrisk.communication.CommunicationAction;
import org.foodrisk.topics.Topics;

/**
 * Validates actions from foodrisk.communication-actions.v1 against their schema, as strictly as alert and
 * 核查处置 actions are read ({@link StrictActionIntake}); valid ones go on as {@link CommunicationCommand}s keyed
 * by communicationId. Whether the action is allowed is decided by the record's own processor.
 */
final class CommunicationActionIntakeProcessor extends StrictActionIntake<CommunicationAction> {

    CommunicationActionIntakeProcessor() {
        super(Topics.COMMUNICATION_ACTIONS, CommunicationAction.class, "communicationId");
    }

    @Override
    String idOf(CommunicationAction action) {
        return action.communicationId();
    }

    @Override
    String authorOf(CommunicationAction action) {
        return action.by();
    }

    @Override
    CommunicationCommand command(CommunicationAction action, Integer partition, Long offset, String value) {
        return new CommunicationCommand(action, Topics.COMMUNICATION_ACTIONS, partition, offset, value);
    }
}
