package org.foodrisk.topology;

/**
 * What {@link IntakeProcessor} hands on for a record of an input topic: admitted (on to dedup) or a dead letter.
 * The wiring tells them apart by accessor ({@link StageOutcome}).
 */
sealed interface IntakeOutcome extends StageOutcome permits Admitted, DeadLetter {

    /** The admitted record, or null for a dead letter. */
    default Admitted admitted() {
        return null;
    }
}
