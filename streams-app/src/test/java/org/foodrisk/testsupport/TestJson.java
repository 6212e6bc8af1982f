package org.foodrisk.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.foodrisk.kafka.Json;

/** Output records as the tests read them: JSON text parsed with the service's own mapper. */
public final class TestJson {

    private TestJson() {
    }

    /** The parsed value; a test fails at once on output that is not JSON. */
    public static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
