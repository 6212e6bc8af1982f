package org.foodrisk.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The contract's statuses, written in Chinese on the wire. */
public enum AlertStatus {
    OPEN("待处置"),
    IN_PROGRESS("处置中"),
    CLOSED("已办结");

    private final String wireName;

    AlertStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static AlertStatus of(String wireName) {
        for (AlertStatus status : values()) {
            if (status.wireName.equals(wireName) || status.name().equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown status " + wireName);
    }
}
