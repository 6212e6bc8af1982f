package org.foodrisk.consultation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The record of one 会商 meeting (topic foodrisk.consultations.v1, key consultationId): a changelog like the
 * alerts topic — every accepted report on a decision is a new version.
 *
 * @param district   the district's code (the record's scope)
 * @param period     the period the meeting consulted on, as summaries name it (2026-W49, 2026-12)
 * @param attendees  the units that attended, as the plans write them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Consultation(String consultationId, int version, String district, String districtName, String period,
                           String title, OffsetDateTime heldAt, List<String> attendees, List<DiscussedRisk> risks,
                           List<Decision> decisions, String recordedBy, OffsetDateTime recordedAt,
                           OffsetDateTime updatedAt) {

    public Consultation {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        risks = risks == null ? List.of() : List.copyOf(risks);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    Consultation withDecisions(List<Decision> newDecisions, OffsetDateTime now) {
        return new Consultation(consultationId, version + 1, district, districtName, period, title, heldAt, attendees,
                risks, newDecisions, recordedBy, recordedAt, now);
    }
}
