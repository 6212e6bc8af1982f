package org.foodrisk.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * What a person did with an alert (contract: foodrisk.alert-actions.v1). {@code verdict} (on close; issue 19): what
 * the check found, 属实 / 不属实 / 无法核实 — the ground truth each kind's positive predictive value is counted from.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertAction(String alertId, String action, String by, String unit, OffsetDateTime at, String note,
                          String disposition, String verdict) {

    /** An action without a verdict (every action but a close, and closes recorded before verdicts existed). */
    public AlertAction(String alertId, String action, String by, String unit, OffsetDateTime at, String note,
                       String disposition) {
        this(alertId, action, by, unit, at, note, disposition, null);
    }

    /** The same action, counted at another time ({@link ActionTime#bounded}). */
    public AlertAction withAt(OffsetDateTime newAt) {
        return new AlertAction(alertId, action, by, unit, newAt, note, disposition, verdict);
    }
}
