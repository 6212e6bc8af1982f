package org.foodrisk.topology;

import org.foodrisk.alert.Alert;

/**
 * What {@link AlertProcessor} (alert-state) hands on: a new version of an alert, or a dead letter (an action
 * its lifecycle refuses, a version too large to write).
 */
sealed interface AlertOutcome extends StageOutcome permits AlertOutcome.Version, DeadLetter {

    /** The new version, or null for a dead letter. */
    default Alert alert() {
        return null;
    }

    /**
     * A new version of an alert, for foodrisk.alerts.v1. Never serialized: the wiring unwraps it before the
     * sink, so the topic holds the {@link Alert} itself.
     */
    record Version(Alert alert) implements AlertOutcome {
    }
}
