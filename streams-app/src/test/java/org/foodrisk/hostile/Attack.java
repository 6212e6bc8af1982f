package org.foodrisk.hostile;

/**
 * The classes of hostile input in the corpus. Most must be refused; the ones marked valid are
 * adversarial but within the contract (an injection string in a complaint's free text is a
 * complaint someone wrote) and must be accepted as sent.
 */
public enum Attack {
    TRUNCATED_JSON,
    NOT_JSON,
    NOT_AN_OBJECT,
    EMPTY_VALUE,
    NULL_VALUE,
    INVALID_UTF8,
    WRONG_ENCODING,
    TRAILING_GARBAGE,
    DUPLICATE_KEYS,
    DEEP_NESTING,
    WRONG_TYPE,
    MISSING_REQUIRED,
    NULL_REQUIRED,
    BLANK_REQUIRED,
    UNKNOWN_ENUM,
    INJECTION_IN_ENUM,
    NUMBER_OUT_OF_RANGE,
    HUGE_NUMBER,
    HUGE_STRING,
    HUGE_ARRAY,
    COMPRESSED_GIANT,
    IMPOSSIBLE_DATE,
    UNREPRESENTABLE_TIME,
    ANCIENT_TIME,
    FUTURE_TIME,
    FORGED_TIMESTAMP,
    REPORT_BEFORE_SAMPLE,
    CONFLICTING_DISTRICT,
    CONTRADICTORY_VERDICT,
    KEY_MISMATCH,
    NULL_KEY,
    UNKNOWN_ALERT,
    // HTTP requests refused as a whole
    OVERSIZED_BODY,
    BATCH_TOO_LARGE,
    EMPTY_BATCH,
    MALFORMED_BATCH,
    FOREIGN_IDENTITY,
    NO_TOKEN,
    WRONG_TOKEN,
    // adversarial but valid: accepted and kept as sent
    INJECTION_IN_TEXT(true),
    INJECTION_IN_ID(true),
    NULL_OPTIONAL(true),
    EXTREME_BUT_VALID(true),
    MANY_EXTRA_FIELDS(true),
    NESTED_EXTRA_FIELD(true),
    // plain valid records and their re-deliveries, interleaved with the attacks
    VALID(true),
    DUPLICATE(true),
    REORDERED_DUPLICATE(true);

    private final boolean valid;

    Attack() {
        this(false);
    }

    Attack(boolean valid) {
        this.valid = valid;
    }

    /** Whether records of this class are within the contract (accepted; duplicates dropped as re-deliveries). */
    public boolean valid() {
        return valid;
    }

    /** Re-delivery of a record already sent: accepted, but must not count again. */
    public boolean duplicate() {
        return this == DUPLICATE || this == REORDERED_DUPLICATE;
    }
}
