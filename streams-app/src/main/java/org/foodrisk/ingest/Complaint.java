package org.foodrisk.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

/** A consumer complaint on foodrisk.complaints.v1, after normalization (district and food filled from text). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Complaint(
        String complaintId,
        String channel,
        OffsetDateTime receivedAt,
        String districtCode,
        String districtName,
        Enterprise enterprise,
        String foodCategory,
        String foodName,
        String issueType,
        String text) {
}
