package org.foodrisk.topics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A hand-written mirror of the JSON Schema of one value, for {@link FastContractCheck}: it
 * accepts a value only when the schema certainly accepts it. Refusing is always allowed (the
 * schema engine then decides); accepting what the schema refuses is the one thing a rule must
 * never do.
 */
@FunctionalInterface
interface ValueRule {

    /** True only when the schema this rule mirrors certainly accepts {@code value}. */
    boolean accepts(JsonNode value);
}
