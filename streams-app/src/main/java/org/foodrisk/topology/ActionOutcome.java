package org.foodrisk.topology;

/**
 * What a reader of an actions topic ({@link StrictActionIntake}) hands on: the command for the record the action
 * acts on (an alert, a 核查处置 case) or a dead letter. The wiring tells them apart by accessor
 * ({@link StageOutcome}); a reader hands on the commands of its own topic only.
 */
sealed interface ActionOutcome extends StageOutcome permits AlertCommand, DisposalCommand, RecordCommand, DeadLetter {

    /** The command for an alert, or null for any other outcome. */
    default AlertCommand alertCommand() {
        return null;
    }

    /** The command for a 核查处置 case, or null for any other outcome. */
    default DisposalCommand disposalCommand() {
        return null;
    }

    /** The command for a record only actions change (a 会商 record, a risk communication), or null. */
    default RecordCommand<?> recordCommand() {
        return null;
    }
}
