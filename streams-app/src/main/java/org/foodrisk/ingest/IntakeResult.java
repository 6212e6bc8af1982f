package org.foodrisk.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;

/**
 * What intake made of one input record: either an accepted, normalized record with its id and
 * event time, or the reason it was refused (which goes to the dead-letter topic).
 */
public sealed interface IntakeResult {

    record Accepted(InputTopic input, String id, OffsetDateTime eventTime, ObjectNode normalized, Object record)
            implements IntakeResult {
    }

    /** @param reason at most {@link #MAX_REASON_CHARS} characters, as the dead-letter contract allows */
    record Rejected(String error, String reason) implements IntakeResult {

        public static final int MAX_REASON_CHARS = 2000;

        public Rejected {
            reason = BoundedText.bounded(reason, MAX_REASON_CHARS);
        }
    }
}
