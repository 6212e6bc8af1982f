package org.foodrisk.topology;

import org.foodrisk.disposal.CaseAction;
import org.foodrisk.topics.Topics;

/**
 * Validates actions from foodrisk.disposal-actions.v1 against their schema, as strictly as alert actions are
 * read ({@link StrictActionIntake}); valid ones go on as {@link DisposalCommand}s keyed by caseId. Whether the
 * action is allowed (state, unit) is decided by the case's own processor.
 */
final class DisposalActionIntakeProcessor extends StrictActionIntake<CaseAction> {

    DisposalActionIntakeProcessor() {
        super(Topics.DISPOSAL_ACTIONS, CaseAction.class, "caseId");
    }

    @Override
    String idOf(CaseAction action) {
        return action.caseId();
    }

    @Override
    String authorOf(CaseAction action) {
        return action.by();
    }

    @Override
    DisposalCommand command(CaseAction action, Integer partition, Long offset, String value) {
        return new DisposalCommand(null, action, Topics.DISPOSAL_ACTIONS, partition, offset, value);
    }
}
