package org.foodrisk.consultation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What is done with a 会商 record (topic foodrisk.consultation-actions.v1, key consultationId):
 * {@code record} — the meeting as held (district, period, title, heldAt, attendees, risks, decisions), once;
 * {@code progress} — the decision's unit reports on decision {@code decisionId} ({@code state} 落实中 or 已落实,
 * {@code note}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsultationAction(String consultationId, String action, String by, String unit, OffsetDateTime at,
                                 String district, String districtName, String period, String title,
                                 OffsetDateTime heldAt, List<String> attendees, List<DiscussedRisk> risks,
                                 List<DecisionDraft> decisions, String decisionId, DecisionState state, String note) {

    public static final String RECORD = "record";
    public static final String PROGRESS = "progress";

    /** A decision as the meeting wrote it down. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionDraft(String text, String unit, LocalDate dueBy, List<String> alertIds, List<String> caseIds) {
    }

    public ConsultationAction {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        risks = risks == null ? List.of() : List.copyOf(risks);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
