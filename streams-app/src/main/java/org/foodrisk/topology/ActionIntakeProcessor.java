package org.foodrisk.topology;

import org.foodrisk.alert.AlertAction;
import org.foodrisk.topics.Topics;

/**
 * Validates actions from foodrisk.alert-actions.v1 against the contract ({@link StrictActionIntake}); valid
 * ones go on as {@link AlertCommand}s keyed by alertId, invalid ones become dead letters.
 */
final class ActionIntakeProcessor extends StrictActionIntake<AlertAction> {

    ActionIntakeProcessor() {
        super(Topics.ALERT_ACTIONS, AlertAction.class, "alertId");
    }

    @Override
    String idOf(AlertAction action) {
        return action.alertId();
    }

    @Override
    String authorOf(AlertAction action) {
        return action.by();
    }

    @Override
    AlertCommand command(AlertAction action, Integer partition, Long offset, String value) {
        return new AlertCommand(null, action, Topics.ALERT_ACTIONS, partition, offset, value);
    }
}
