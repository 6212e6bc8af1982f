package org.foodrisk.topology;

import org.foodrisk.communication.RiskCommunication;

/**
 * What {@link CommunicationProcessor} (communication-state) hands on: a new version of a risk communication (消费提示, 风险警示), or a dead
 * letter (an action its lifecycle refuses).
 */
sealed interface CommunicationOutcome extends StageOutcome permits CommunicationOutcome.Version, DeadLetter {

    /** The new version, or null for a dead letter. */
    default RiskCommunication communication() {
        return null;
    }

    /** A new version of a record, for foodrisk.risk-communications.v1; unwrapped before the sink. */
    record Version(RiskCommunication communication) implements CommunicationOutcome {
    }
}
