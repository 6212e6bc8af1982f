package org.foodrisk.communication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A 消费提示 or 风险警示 (topic foodrisk.risk-communications.v1, key communicationId), a changelog like the alerts
 * topic. Only a version with status 已批准 may be published; who approved it and when is on it.
 *
 * @param kind   消费提示 (advice to consumers on a food) or 风险警示 (a warning, e.g. of an outbreak's cause)
 * @param body   what was found, as the public may read it (no business is named before the office decides to)
 * @param advice advice to consumers
 * @param issuer the issuing office as it signs (西青区食品安全委员会办公室 …)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskCommunication(String communicationId, int version, String alertId, String districtCode,
                                String districtName, String kind, String title, String body, String advice,
                                String issuer, LocalDate issueDate, CommunicationStatus status,
                                List<CommunicationEdit> history, String approvedBy, OffsetDateTime approvedAt,
                                OffsetDateTime updatedAt) {

    public RiskCommunication {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Who last wrote its text: the drafter, or the last editor. */
    public String lastAuthor() {
        for (int i = history.size() - 1; i >= 0; i--) {
            CommunicationEdit step = history.get(i);
            if (CommunicationAction.DRAFT.equals(step.action()) || CommunicationAction.EDIT.equals(step.action())) {
                return step.by();
            }
        }
        return null;
    }
}
