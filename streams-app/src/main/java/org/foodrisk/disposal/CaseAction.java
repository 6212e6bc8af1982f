package org.foodrisk.disposal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a person of the responsible unit did with a 核查处置 case (topic foodrisk.disposal-actions.v1, key
 * caseId): {@code accept} (待核查 → 核查中), {@code dispose} (→ 已处置, with at least one measure) or
 * {@code comment}. Field limits as for alert actions ({@link CaseBounds}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseAction(String caseId, String action, String by, String unit, OffsetDateTime at,
                         List<String> measures, String note) {

    public CaseAction {
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** The same action counted at another time (a writer's time only within bounds). */
    public CaseAction withAt(OffsetDateTime newAt) {
        return new CaseAction(caseId, action, by, unit, newAt, measures, note);
    }
}
