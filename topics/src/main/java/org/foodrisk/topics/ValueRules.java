package org.foodrisk.topics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema keywords the four input contracts use, each as a {@link ValueRule} that errs
 * on the side of refusing. Where the schema engine (networknt, draft 2020-12, format assertions
 * on) has a subtlety that is awkward to mirror, the rule refuses that case rather than guess:
 * a leap second, a number beyond {@code long}, a regex's {@code $} before a final newline.
 */
final class ValueRules {

    /**
     * How deep a value in a property the schema does not name may nest. The engine re-reads the
     * record with Jackson 3, which refuses nesting beyond 500 levels ("cannot be validated"), so
     * an unnamed property is only certainly fine when it is far from that limit.
     */
    static final int MAX_UNNAMED_DEPTH = 32;

    /** Far below Jackson 3's default limits on a re-read name (50,000) and string (100,000,000). */
    private static final int MAX_UNNAMED_NAME_LENGTH = 1_000;
    private static final int MAX_UNNAMED_STRING_LENGTH = 1_000_000;

    private ValueRules() {
    }

    /** {@code "type": "string"} with {@code minLength}/{@code maxLength}, which count code points. */
    static ValueRule string(int minLength, int maxLength) {
        return value -> value.isTextual() && codePointsWithin(value.textValue(), minLength, maxLength);
    }

    /** {@code "type": "string", "enum": [...]}. */
    static ValueRule oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return value -> value.isTextual() && allowed.contains(value.textValue());
    }

    /** The same rule, with {@code "null"} added to its types (and to its enum, if it has one). */
    static ValueRule nullOr(ValueRule rule) {
        return value -> value.isNull() || rule.accepts(value);
    }

    /**
     * {@code "type": "string", "format": "date-time", "maxLength": 64}: RFC 3339 with an offset,
     * e.g. {@code 2024-05-06T09:30:00+08:00}.
     */
    static ValueRule dateTime() {
        return value -> value.isTextual() && Rfc3339.isStrictDateTime(value.textValue());
    }

    /**
     * {@code "type": "string", "pattern": "^[0-9]{6}$"}: exactly six ASCII digits. (Java's
     * {@code $} also matches before a final line break, so the engine may accept "120114\n";
     * that case is left to it.)
     */
    static ValueRule sixDigits() {
        return value -> value.isTextual() && isSixDigits(value.textValue());
    }

    /**
     * {@code "type": "integer"} with {@code minimum}/{@code maximum}. Only int and long nodes:
     * a whole number written as 34.0, or one beyond long, is left to the engine.
     */
    static ValueRule integer(long minimum, long maximum) {
        return value -> (value.isInt() || value.isLong())
                && value.longValue() >= minimum && value.longValue() <= maximum;
    }

    /** {@code "type": "number"} with {@code minimum}/{@code maximum}; finite doubles, ints and longs only. */
    static ValueRule number(double minimum, double maximum) {
        return value -> isPlainNumber(value) && value.doubleValue() >= minimum && value.doubleValue() <= maximum;
    }

    /** {@code "type": ["string", "number"], "maxLength": n}: maxLength binds the strings only. */
    static ValueRule stringOrNumber(int maxLength) {
        ValueRule string = string(0, maxLength);
        return value -> isPlainNumber(value) || string.accepts(value);
    }

    /** {@code "type": "boolean"}. */
    static ValueRule bool() {
        return JsonNode::isBoolean;
    }

    /** {@code "type": "array", "maxItems": n, "items": rule}. */
    static ValueRule arrayOf(int maxItems, ValueRule items) {
        return value -> {
            if (!value.isArray() || value.size() > maxItems) {
                return false;
            }
            for (JsonNode item : value) {
                if (!items.accepts(item)) {
                    return false;
                }
            }
            return true;
        };
    }

    /**
     * A property the schema does not name: the schemas allow them (no
     * {@code additionalProperties}), so any JSON is valid — provided the engine can re-read it.
     * Only ordinary JSON within generous bounds is certainly fine.
     */
    static boolean unnamedPropertyIsFine(String name, JsonNode value) {
        return name.length() <= MAX_UNNAMED_NAME_LENGTH && isOrdinaryJson(value, MAX_UNNAMED_DEPTH);
    }

    private static boolean isOrdinaryJson(JsonNode value, int depthLeft) {
        switch (value.getNodeType()) {
            case NULL, BOOLEAN:
                return true;
            case STRING:
                return value.textValue().length() <= MAX_UNNAMED_STRING_LENGTH;
            case NUMBER:
                return isPlainNumber(value);
            case ARRAY:
                if (depthLeft <= 0) {
                    return false;
                }
                for (JsonNode element : value) {
                    if (!isOrdinaryJson(element, depthLeft - 1)) {
                        return false;
                    }
                }
                return true;
            case OBJECT:
                if (depthLeft <= 0) {
                    return false;
                }
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    if (field.getKey().length() > MAX_UNNAMED_NAME_LENGTH
                            || !isOrdinaryJson(field.getValue(), depthLeft - 1)) {
                        return false;
                    }
                }
                return true;
            default:
                // BINARY, POJO, MISSING: not what a parsed record holds; the engine decides.
                return false;
        }
    }

    /**
     * An int, a long or a finite double/float: what Jackson 2 writes and Jackson 3 reads back as
     * the same number. Big integers and big decimals (and NaN, which Jackson writes as a string)
     * are left to the engine.
     */
    private static boolean isPlainNumber(JsonNode value) {
        if (value.isInt() || value.isLong()) {
            return true;
        }
        return (value.isDouble() || value.isFloat()) && Double.isFinite(value.doubleValue());
    }

    /**
     * Whether the string's length in code points (what JSON Schema and the engine count) lies
     * within the bounds. The UTF-16 length is an upper bound of it, so the count is only taken
     * when that bound exceeds the maximum, e.g. for 200 emoji (400 chars, 200 code points).
     */
    static boolean codePointsWithin(String text, int min, int max) {
        int chars = text.length();
        if (chars < min) {
            return false; // code points <= chars < min
        }
        if (chars <= max) {
            return min <= 1 || text.codePointCount(0, chars) >= min;
        }
        int codePoints = text.codePointCount(0, chars);
        return codePoints >= min && codePoints <= max;
    }

    private static boolean isSixDigits(String text) {
        if (text.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
