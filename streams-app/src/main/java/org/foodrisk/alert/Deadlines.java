package org.foodrisk.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * When an alert must be acknowledged and closed, and which of the two it has missed.
 * {@code overdue} lists "acknowledge" and/or "close" once missed (a version of its own).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Deadlines(OffsetDateTime acknowledgeBy, OffsetDateTime closeBy, List<String> overdue) {

    public Deadlines {
        overdue = overdue == null ? List.of() : List.copyOf(overdue);
    }
}
