package org.foodrisk.communication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/** One step of a draft's history: drafted, edited, approved or withdrawn — by whom, when, and why. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunicationEdit(String action, String by, String unit, OffsetDateTime at, String note) {
}
