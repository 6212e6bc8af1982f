package org.foodrisk.api.ingest;

import org.foodrisk.api.access.HashedCredential;
import org.foodrisk.api.access.HashedCredentials;

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

    @Override
    public String toString() {
        return "Publisher[" + name + ", " + identity() + "]";
    }
}
