package org.foodrisk.consultation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A risk the meeting discussed: an alert or a 核查处置 case (or neither, for a risk raised in the meeting), and what was said. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiscussedRisk(String alertId, String caseId, String note) {
}
