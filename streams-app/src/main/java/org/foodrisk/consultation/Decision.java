package org.foodrisk.consultation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One decision of a 会商: what is to be done, by which unit, by when, about which alerts and 核查处置 cases, and
 * the unit's reports on it.
 *
 * @param decisionId the meeting's id, "-" and the decision's number in the meeting (1, 2 …)
 * @param doneAt     when it was reported 已落实, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String decisionId, String text, String unit, LocalDate dueBy, List<String> alertIds,
                       List<String> caseIds, DecisionState state, List<DecisionProgress> progress, OffsetDateTime doneAt) {

    public Decision {
        alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
        progress = progress == null ? List.of() : List.copyOf(progress);
    }

    /** Not 已落实 and its due date passed before {@code day}. */
    public boolean overdueOn(LocalDate day) {
        return state != DecisionState.已落实 && dueBy != null && day.isAfter(dueBy);
    }

    /** The latest report, or null. */
    public DecisionProgress latest() {
        return progress.isEmpty() ? null : progress.get(progress.size() - 1);
    }
}
