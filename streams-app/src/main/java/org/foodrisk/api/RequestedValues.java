package org.foodrisk.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * Checks of query values before they reach the stores, so that a bad value is a 400 with a reason,
 * never a 500 with a Java message (issue 14): dates of absurd years overflow the date arithmetic, and
 * a district or category containing the stores' key separator {@code |} reads other keys than asked.
 */
final class RequestedValues {

    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2999;

    private RequestedValues() {
    }

    /** Why the date cannot be asked for, or empty. */
    static Optional<String> outOfRange(String name, LocalDate date) {
        if (date == null || (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR)) {
            return Optional.empty();
        }
        return Optional.of(name + " must be a date from " + FIRST_YEAR + " to " + LAST_YEAR);
    }

    static Optional<String> outOfRange(String name, OffsetDateTime time) {
        return time == null ? Optional.empty() : outOfRange(name, time.toLocalDate());
    }

    /** Why the value cannot name a district or category, or empty. */
    static Optional<String> notAKeyPart(String name, String value) {
        if (value == null || value.chars().noneMatch(c -> c == '|' || Character.isISOControl(c))) {
            return Optional.empty();
        }
        return Optional.of(name + " must not contain '|' or control characters");
    }

    /** For routes that answer a typed body: a 400 with the reason (Micronaut's error shape). */
    static void requireValid(Optional<String> reason) {
        reason.ifPresent(text -> {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, text);
        });
    }

    @SafeVarargs
    static Optional<String> first(Optional<String>... reasons) {
        for (Optional<String> reason : reasons) {
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }
}
