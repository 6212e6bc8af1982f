package org.foodrisk.api.access;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health details (bootstrap servers, the last failure) are for operators only (issue 14). */
class HealthDetailsAccessTest {

    @Test
    void analystsAndAdminsSeeDetailsUnitMembersDoNot() {
        assertTrue(Role.ANALYST.seesOperationalDetails());
        assertTrue(Role.ADMIN.seesOperationalDetails());
        assertFalse(Role.UNIT.seesOperationalDetails());
    }
}
