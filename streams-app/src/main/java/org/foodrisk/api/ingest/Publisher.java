package org.foodrisk.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.foodrisk.api.access.HashedCredential;
import org.foodrisk.api.access.HashedCredentials;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.Provenance;

/**
 * A configured publisher: who it is, what it may publish, and the SHA-256 of its token.
 *
 * @param name          the configuration name (foodrisk.publishers.&lt;name&gt;), used in logs
 * @param kind          lab / hospital / hotline / opinion / admin
 * @param labCode       the lab's own labCode (labs only)
 * @param reportingUnit the hospital's own reportingUnit (hospitals only)
 * @param tokenSha256   the 32 bytes of the token's SHA-256
 * @param requestsPerMinute this publisher's own rate limit, or null for foodrisk.ingest.requests-per-minute
 */
public record Publisher(String name, PublisherKind kind, String labCode, String reportingUnit, byte[] tokenSha256,
                        Integer requestsPerMinute) implements HashedCredential {

    /** Checks a configured publisher; a broken credential stops the start rather than locking a lab out later. */
    public static Publisher of(PublisherConfig config) {
        String where = "foodrisk.publishers." + config.getName();
        PublisherKind kind;
        try {
            kind = PublisherKind.parse(config.getKind());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ".kind: " + e.getMessage());
        }
        byte[] tokenSha256 = HashedCredentials.parseSha256Hex(where, config.getTokenSha256());
        String labCode = blankToNull(config.getLabCode());
        String reportingUnit = blankToNull(config.getReportingUnit());
        if (kind == PublisherKind.LAB && labCode == null) {
            throw new IllegalStateException(where + ".lab-code is required for a lab");
        }
        if (kind == PublisherKind.HOSPITAL && reportingUnit == null) {
            throw new IllegalStateException(where + ".reporting-unit is required for a hospital");
        }
        Integer perMinute = config.getRequestsPerMinute();
        if (perMinute != null && perMinute < 1) {
            throw new IllegalStateException(where + ".requests-per-minute must be at least 1");
        }
        return new Publisher(config.getName(), kind, labCode, reportingUnit, tokenSha256, perMinute);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The identity this publisher publishes as, for logs and answers (never the credential). */
    public String identity() {
        return switch (kind) {
            case LAB -> "lab " + labCode;
            case HOSPITAL -> "hospital " + reportingUnit;
            default -> kind.word();
        };
    }

    /**
     * The publisher a record this credential sends is stamped with ({@link Provenance}): who may
     * correct it later. A lab or hospital publishes only its own labCode / reportingUnit
     * ({@link IngestPolicy}), so it is that code — the same publisher its records name when a lab
     * writes to Kafka directly. A hotline or opinion credential is bound to no field of its
     * records, so it is the credential's own name ({@code api:<name>}): another hotline writing the
     * same channel is another publisher. The admin (the 食安办, which may publish under any identity)
     * acts as the identity its record names, so it can enter or correct a record on a lab's behalf.
     *
     * @param normalized the record as intake accepted it
     */
    public String publisherOf(InputTopic input, JsonNode normalized) {
        return switch (kind) {
            case LAB -> "lab:" + labCode;
            case HOSPITAL -> "hospital:" + reportingUnit;
            case ADMIN -> {
                String named = Provenance.ofContent(input, normalized);
                yield named != null ? named : "api:" + name;
            }
            case HOTLINE, OPINION -> "api:" + name;
        };
    }

    @Override
    public String toString() {
        return "Publisher[" + name + ", " + identity() + "]";
    }
}
