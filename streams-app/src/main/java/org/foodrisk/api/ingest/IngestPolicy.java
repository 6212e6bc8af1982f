package org.foodrisk.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.foodrisk.ingest.InputTopic;

/**
 * Who may publish what: pure decisions, no HTTP. A kind may publish only its inputs (admin: all);
 * a lab only sampling results with its own labCode, a hospital only illness reports with its own
 * reportingUnit. The identity is compared after trimming, as intake normalizes it.
 */
public final class IngestPolicy {

    private IngestPolicy() {
    }

    /** Null when the publisher may publish to this input at all, else the reason for the 403. */
    public static String refuseInput(Publisher publisher, InputTopic input) {
        if (publisher.kind().mayPublish(input)) {
            return null;
        }
        return "a " + publisher.kind().word() + " credential may not publish " + input.shortName();
    }

    /**
     * Null when the record does not claim another identity than the publisher's, else the reason
     * for the 403. A record that carries no identity at all is not refused here: intake refuses it
     * (labCode and reportingUnit are required).
     *
     * @param record the record (normalized when intake accepted it, else as parsed; may be any JSON)
     */
    public static String refuseIdentity(Publisher publisher, InputTopic input, JsonNode record) {
        String field = identityField(publisher, input);
        if (field == null || record == null || !record.isObject()) {
            return null;
        }
        JsonNode claimed = record.get(field);
        if (claimed == null || claimed.isNull()) {
            return null;
        }
        String own = publisher.kind() == PublisherKind.LAB ? publisher.labCode() : publisher.reportingUnit();
        if (claimed.isTextual() && claimed.asText().trim().equals(own)) {
            return null;
        }
        return "$." + field + ": " + publisher.identity() + " may publish only records with " + field + " '" + own
                + "', not " + claimed;
    }

    /** The field that must name the publisher itself, or null when the kind is not bound to one. */
    static String identityField(Publisher publisher, InputTopic input) {
        if (publisher.kind() == PublisherKind.LAB && input == InputTopic.SAMPLING_RESULTS) {
            return "labCode";
        }
        if (publisher.kind() == PublisherKind.HOSPITAL && input == InputTopic.ILLNESS_REPORTS) {
            return "reportingUnit";
        }
        return null;
    }
}
