package org.foodrisk.communication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What is done with a risk communication (topic foodrisk.communication-actions.v1, key communicationId):
 * {@code draft} (once, with the text drafted from an alert), {@code edit} (new text, while 草稿), {@code approve}
 * (by the office, not by the text's last author), {@code withdraw} (while 草稿). {@code note} says why.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunicationAction(String communicationId, String action, String by, String unit, OffsetDateTime at,
                                  String alertId, String districtCode, String districtName, String kind, String title,
                                  String body, String advice, String issuer, LocalDate issueDate, String note) {

    public static final String DRAFT = "draft";
    public static final String EDIT = "edit";
    public static final String APPROVE = "approve";
    public static final String WITHDRAW = "withdraw";
}
