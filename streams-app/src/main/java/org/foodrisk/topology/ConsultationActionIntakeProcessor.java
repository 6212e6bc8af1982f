package org.foodrisk.topology;

import org.foodrisk.consultation.ConsultationAction;
import org.foodrisk.topics.Topics;

/**
 * Validates actions from foodrisk.consultation-actions.v1 against their schema, as strictly as alert and
 * 核查处置 actions are read ({@link StrictActionIntake}); valid ones go on as {@link ConsultationCommand}s keyed
 * by consultationId. Whether the action is allowed is decided by the record's own processor.
 */
final class ConsultationActionIntakeProcessor extends StrictActionIntake<ConsultationAction> {

    ConsultationActionIntakeProcessor() {
        super(Topics.CONSULTATION_ACTIONS, ConsultationAction.class, "consultationId");
    }

    @Override
    String idOf(ConsultationAction action) {
        return action.consultationId();
    }

    @Override
    String authorOf(ConsultationAction action) {
        return action.by();
    }

    @Override
    ConsultationCommand command(ConsultationAction action, Integer partition, Long offset, String value) {
        return new ConsultationCommand(action, Topics.CONSULTATION_ACTIONS, partition, offset, value);
    }
}
