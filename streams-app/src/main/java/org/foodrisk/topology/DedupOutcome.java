package org.foodrisk.topology;

import org.foodrisk.ingest.Signal;

/**
 * What {@link DedupProcessor} hands on: a signal to count (a new record, a correction, or the retraction of
 * the version a correction replaces), or a dead letter (new content under an id another publisher owns).
 * A re-delivery hands on nothing.
 */
sealed interface DedupOutcome extends StageOutcome permits DedupOutcome.Counted, DeadLetter {

    /** The signal to count, or null for a dead letter. */
    default Signal signal() {
        return null;
    }

    /** A signal on its way to the detectors. Never serialized: the wiring unwraps it in the same task. */
    record Counted(Signal signal) implements DedupOutcome {
    }
}
