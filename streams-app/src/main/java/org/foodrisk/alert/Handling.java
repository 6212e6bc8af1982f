package org.foodrisk.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is handling an alert and how it went: the unit it is assigned to, when it was
 * acknowledged and closed, its deadlines, and the log of accepted actions (an audit trail,
 * bounded to the latest {@value #MAX_ACTIONS} within {@value AlertBounds#MAX_ACTION_LOG_BYTES} bytes
 * of JSON; the whole trail stays on foodrisk.alert-actions.v1, kept forever), and {@code shared}: the action that
 * marked the alert for exchange with partner regions (the first {@code share}; issue 20), kept outside the bounded log
 * because every later version of a shared alert must still go to foodrisk.alert-exchange.v1; and {@code verdict}:
 * what the last close found (属实 / 不属实 / 无法核实; issue 19), for each kind's positive predictive value.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Handling(String assignedUnit, OffsetDateTime acknowledgedAt, OffsetDateTime closedAt,
                       String disposition, Deadlines deadlines, List<AlertAction> actions, AlertAction shared,
                       String verdict) {

    static final int MAX_ACTIONS = AlertBounds.MAX_ACTIONS;

    public Handling {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static Handling none() {
        return new Handling(null, null, null, null, null, List.of(), null, null);
    }

    Handling withDeadlines(Deadlines newDeadlines) {
        return new Handling(assignedUnit, acknowledgedAt, closedAt, disposition, newDeadlines, actions, shared, verdict);
    }

    Handling record(AlertAction action, String newAssignedUnit, OffsetDateTime newAcknowledgedAt,
                    OffsetDateTime newClosedAt, String newDisposition) {
        List<AlertAction> log = new ArrayList<>(actions);
        log.add(action);
        log = NewestWithinBudget.of(log, MAX_ACTIONS, AlertBounds.MAX_ACTION_LOG_BYTES);
        // The verdict is the last close's; a reopened alert has none until it is closed again.
        String newVerdict = "close".equals(action.action()) ? action.verdict() : "reopen".equals(action.action()) ? null
                : verdict;
        return new Handling(newAssignedUnit, newAcknowledgedAt, newClosedAt, newDisposition, deadlines, log,
                shared == null && "share".equals(action.action()) ? action : shared, newVerdict);
    }

    /** Whether the office marked the alert for exchange with partner regions (not "isShared": JSON would take it for a field). */
    public boolean hasBeenShared() {
        return shared != null;
    }
}
