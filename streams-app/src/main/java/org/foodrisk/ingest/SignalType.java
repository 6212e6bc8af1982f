package org.foodrisk.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

/** The four kinds of signal, named as alert evidence names them (contract: evidence[].signal). */
public enum SignalType {
    SAMPLING("sampling"),
    ILLNESS("illness"),
    COMPLAINT("complaint"),
    OPINION("opinion");

    private final String wireName;

    SignalType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
