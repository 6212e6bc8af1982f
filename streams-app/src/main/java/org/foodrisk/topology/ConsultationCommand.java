package org.foodrisk.topology;

import org.foodrisk.consultation.ConsultationAction;

/**
 * What the 会商 record processor works on, keyed by consultationId: a person's action with where it came from
 * (so a refused action is dead-lettered with its own topic, partition and offset, as {@link DisposalCommand}).
 * Never serialized: the actions topic is keyed by consultationId already, so the command stays in its task.
 */
record ConsultationCommand(ConsultationAction action, String sourceTopic, Integer partition, Long offset, String rawValue)
        implements ActionOutcome {

    @Override
    public ConsultationCommand consultationCommand() {
        return this;
    }
}
