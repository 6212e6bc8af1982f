package org.foodrisk.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Query values that would reach the stores as 500s are named as 400 reasons instead (issue 14). */
class RequestedValuesTest {

    @Test
    void extremeDatesAreOutOfRange() {
        assertTrue(RequestedValues.outOfRange("from", LocalDate.MIN).isPresent());
        assertTrue(RequestedValues.outOfRange("from", LocalDate.of(1, 1, 1)).isPresent());
        assertTrue(RequestedValues.outOfRange("to", OffsetDateTime.MAX).isPresent());
        assertTrue(RequestedValues.outOfRange("from", LocalDate.of(2024, 5, 1)).isEmpty());
        assertTrue(RequestedValues.outOfRange("from", (LocalDate) null).isEmpty());
    }

    @Test
    void theKeySeparatorIsNoPartOfADistrict() {
        assertTrue(RequestedValues.notAKeyPart("district", "120114|x").orElseThrow().contains("'|'"));
        assertTrue(RequestedValues.notAKeyPart("district", "1201\n14").isPresent());
        assertTrue(RequestedValues.notAKeyPart("district", "120114").isEmpty());
        assertTrue(RequestedValues.notAKeyPart("category", null).isEmpty());
    }
}
