package org.foodrisk.api.ingest;

import java.util.List;

/**
 * The answer for one record of a request. Fields that do not apply are left out of the JSON.
 *
 * @param index     position in the array (0 for a single record)
 * @param id        the record's id (sampleId, caseId, complaintId, signalId) when it has one
 * @param status    accepted (durably on the topic) or rejected (nothing written)
 * @param error     stable error code of a rejection (the codes of the dead-letter topic, and
 *                  invalid-json / not-written / too-large)
 * @param reason    the precise sentence for the publisher
 * @param errors    the reason split into one message per field (each starting with its JSON path)
 * @param partition where the accepted record was written
 * @param offset    its offset in that partition
 */
public record RecordResult(int index, String id, String status, String error, String reason, List<String> errors,
                           Integer partition, Long offset) {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    public static RecordResult accepted(int index, String id, int partition, long offset) {
        return new RecordResult(index, id, ACCEPTED, null, null, null, partition, offset);
    }

    public static RecordResult rejected(int index, String id, String error, String reason) {
        return new RecordResult(index, id, REJECTED, error, reason, fieldErrors(reason), null, null);
    }

    public boolean isAccepted() {
        return ACCEPTED.equals(status);
    }

    /** Intake joins its messages with "; "; every message about a field starts with "$". */
    static List<String> fieldErrors(String reason) {
        if (reason == null) {
            return null;
        }
        return List.of(reason.split("; (?=\\$)"));
    }
}
