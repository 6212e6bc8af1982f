package org.foodrisk.consultation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/** One report on a decision by its unit: who, when, the state it moved to, what was done. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionProgress(String by, String unit, OffsetDateTime at, DecisionState state, String note) {
}
