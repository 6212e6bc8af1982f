package org.foodrisk.topology;

import org.foodrisk.disposal.DisposalCase;

/**
 * What {@link DisposalCaseProcessor} (disposal-case-state) hands on: a new version of a 核查处置 case, or a
 * dead letter (an action its lifecycle refuses).
 */
sealed interface DisposalOutcome extends StageOutcome permits DisposalOutcome.Version, DeadLetter {

    /** The new version, or null for a dead letter. */
    default DisposalCase disposalCase() {
        return null;
    }

    /**
     * A new version of a case, for foodrisk.disposal-cases.v1. Never serialized: the wiring unwraps it before
     * the sink, so the topic holds the {@link DisposalCase} itself.
     */
    record Version(DisposalCase disposalCase) implements DisposalOutcome {
    }
}
