package org.foodrisk.api.ingest;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import org.foodrisk.api.access.CredentialConfig;

/**
 * One publisher as configured under {@code foodrisk.publishers.<name>}: the hex SHA-256 of its
 * bearer token (never the token), its kind, and the identity it publishes as.
 */
@EachProperty("foodrisk.publishers")
public class PublisherConfig implements CredentialConfig {

    private final String name;
    private String tokenSha256;
    private String kind;
    private String labCode;
    private String reportingUnit;
    private Integer requestsPerMinute;
    private boolean demoOnly;

    public PublisherConfig(@Parameter String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getTokenSha256() {
        return tokenSha256;
    }

    public void setTokenSha256(String tokenSha256) {
        this.tokenSha256 = tokenSha256;
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

    /** A demo credential: honoured only on the embedded broker (the default run), never against a real cluster. */
    @Override
    public boolean isDemoOnly() {
        return demoOnly;
    }

    public void setDemoOnly(boolean demoOnly) {
        this.demoOnly = demoOnly;
    }
}
