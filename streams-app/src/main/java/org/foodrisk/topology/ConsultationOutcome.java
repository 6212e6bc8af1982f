package org.foodrisk.topology;

import org.foodrisk.consultation.Consultation;

/**
 * What {@link ConsultationProcessor} (consultation-state) hands on: a new version of a 会商 record, or a dead
 * letter (an action its lifecycle refuses).
 */
sealed interface ConsultationOutcome extends StageOutcome permits ConsultationOutcome.Version, DeadLetter {

    /** The new version, or null for a dead letter. */
    default Consultation consultation() {
        return null;
    }

    /** A new version of a record, for foodrisk.consultations.v1; unwrapped before the sink. */
    record Version(Consultation consultation) implements ConsultationOutcome {
    }
}
