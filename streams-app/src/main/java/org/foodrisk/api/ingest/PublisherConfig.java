package org.foodrisk.api.ingest;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import org.foodrisk.api.access.CredentialConfig;

/**
 * One publisher as configured under {@code foodrisk.publishers.<name>}: the hex SHA-256 of its
 * bearer token (never the token), its kind, and the identity it publishes as.
 */
@EachProperty("foodrisk.publishers")
public class PublisherConfig extends CredentialConfig {

    private String kind;
    private String labCode;
    private String reportingUnit;
    private Integer requestsPerMinute;

    public PublisherConfig(@Parameter String name) {
        super(name);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getLabCode() {
        return labCode;
    }

    public void setLabCode(String labCode) {
        this.labCode = labCode;
    }

    public String getReportingUnit() {
        return reportingUnit;
    }

    public void setReportingUnit(String reportingUnit) {
        this.reportingUnit = reportingUnit;
    }

    /** This publisher's own rate limit; null = foodrisk.ingest.requests-per-minute. */
    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }
}
