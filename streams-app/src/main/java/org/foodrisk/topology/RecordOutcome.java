package org.foodrisk.topology;

/**
 * What a record-state processor ({@link RecordStateProcessor}) hands on: a new version of its record (a 会商 record,
 * a risk communication), or a dead letter (an action the record's lifecycle refuses). The version is typed where the
 * wiring unwraps it for the sink ({@link RecordLifecycleWiring}).
 */
sealed interface RecordOutcome extends StageOutcome permits RecordOutcome.Version, DeadLetter {

    /** The new version, or null for a dead letter. */
    default Object version() {
        return null;
    }

    /** A new version of a record; unwrapped before the sink, so the topic holds the record itself. */
    record Version(Object version) implements RecordOutcome {
    }
}
