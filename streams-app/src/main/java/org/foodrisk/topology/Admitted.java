package org.foodrisk.topology;

import org.foodrisk.ingest.IntakeResult;

/**
 * A record intake accepted, on its way to dedup: the accepted record, who published it
 * ({@link org.foodrisk.ingest.Provenance}) and its value as received (for the dead letter should
 * dedup refuse it). Passed between the two processors of one task only, never serialized.
 */
record Admitted(IntakeResult.Accepted accepted, String publisher, byte[] value) implements IntakeOutcome {

    @Override
    public Admitted admitted() {
        return this;
    }
}
