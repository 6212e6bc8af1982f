package org.foodrisk.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/** What a person did with an alert (contract: foodrisk.alert-actions.v1). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertAction(String alertId, String action, String by, String unit, OffsetDateTime at, String note,
                          String disposition) {

    /** The same action, counted at another time ({@link ActionTime#bounded}). */
    public AlertAction withAt(OffsetDateTime newAt) {
        return new AlertAction(alertId, action, by, unit, newAt, note, disposition);
    }
}
