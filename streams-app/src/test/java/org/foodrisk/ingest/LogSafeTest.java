package org.foodrisk.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Untrusted values cannot forge log lines (issue 14). */
class LogSafeTest {

    @Test
    void lineBreaksAndControlsAreEscaped() {
        String forged = "ok\n2026-12-06 INFO admin signed in\r\u0000\u001b[31m";
        String quoted = LogSafe.quote(forged);
        assertFalse(quoted.contains("\n") || quoted.contains("\r") || quoted.contains("\u0000") || quoted.contains("\u001b"), quoted);
        assertEquals("\"ok\\n2026-12-06 INFO admin signed in\\r\\u0000\\u001b[31m\"", quoted);
    }

    @Test
    void quotesCannotBeClosedEarlyAndLongValuesAreCut() {
        assertEquals("\"a\\\"b\\\\\"", LogSafe.quote("a\"b\\"));
        assertTrue(LogSafe.quote("x".repeat(10_000)).length() < 300);
        assertEquals("null", LogSafe.quote(null));
        assertEquals("\"区市场监管局\"", LogSafe.quote("区市场监管局"));
    }
}
