package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.foodrisk.ingest.BoundedText;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * A record that could not be processed (contract: foodrisk.dead-letters.v1). {@code value} is
 * the record as received: text, or base64 when it is not valid UTF-8 ({@code valueEncoding}
 * then says "base64"). {@code error} is a stable code, {@code reason} the precise sentence.
 *
 * <p>A dead letter always fits its topic (4 MiB), whatever it wraps: otherwise the producer
 * refuses it, the stream thread fails on the same record again after every restart, and one
 * hostile record stops the partition for good. (A record compressed on its topic can be far larger
 * than the topic's limit once decompressed.) So the constructor bounds every field: a value of
 * more than {@value #MAX_VALUE_BYTES} bytes is kept as the base64 of its first 749,997 bytes, and
 * {@code valueBytes} gives the size received; a text whose JSON escaping would grow it beyond
 * {@value #MAX_ESCAPED_CHARS} characters (a control character becomes six) is kept as base64, which
 * needs no escaping; the reason keeps the contract's 2,000 characters. Every field stays under a
 * million characters, which the service's own JSON reader (and any default one) accepts.
 *
 * @param valueBytes the size of the value as received, given only when {@code value} holds just its beginning
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String sourceTopic, Integer partition, Long offset, String key, String value,
                         String valueEncoding, String error, String reason, OffsetDateTime at, Long valueBytes)
        implements IntakeOutcome, ActionOutcome, DedupOutcome, AlertOutcome, DisposalOutcome, RecordOutcome {

    static final int MAX_VALUE_BYTES = 999_999;
    /** Base64 of at most 749,997 bytes (a multiple of 3, so it is a prefix of the whole value's base64): under a million characters, which any JSON reader takes. */
    static final int MAX_BASE64_CHARS = 749_997 / 3 * 4;
    static final int MAX_ESCAPED_CHARS = 3 * 1024 * 1024;
    static final int MAX_KEY_CHARS = 4096;
    static final int MAX_REASON_CHARS = 2000;
    static final int MAX_ERROR_CHARS = 20_000;
    static final String BASE64 = "base64";

    public DeadLetter {
        key = BoundedText.bounded(key, MAX_KEY_CHARS);
        reason = BoundedText.bounded(reason, MAX_REASON_CHARS);
        error = BoundedText.bounded(error, MAX_ERROR_CHARS);
        if (value != null && !BASE64.equals(valueEncoding) && !fitsAsText(value)) {
            value = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            valueEncoding = BASE64;
        }
        if (value != null && BASE64.equals(valueEncoding) && value.length() > MAX_BASE64_CHARS) {
            if (valueBytes == null) {
                valueBytes = decodedLength(value);
            }
            value = value.substring(0, MAX_BASE64_CHARS);
        }
    }

    /** A dead letter of a value that was kept whole (the form every refusal except a huge one takes). */
    public DeadLetter(String sourceTopic, Integer partition, Long offset, String key, String value,
                      String valueEncoding, String error, String reason, OffsetDateTime at) {
        this(sourceTopic, partition, offset, key, value, valueEncoding, error, reason, at, null);
    }

    @Override
    public DeadLetter deadLetter() {
        return this;
    }

    /** At most {@value #MAX_VALUE_BYTES} bytes, and at most {@value #MAX_ESCAPED_CHARS} characters as a JSON string. */
    private static boolean fitsAsText(String text) {
        if (text.length() > MAX_VALUE_BYTES
                || (long) text.length() * 3 > MAX_VALUE_BYTES && text.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            return false;
        }
        long escaped = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                escaped += 5; // written as a six-character escape
            } else if (c == '"' || c == '\\') {
                escaped += 1;
            }
        }
        return escaped <= MAX_ESCAPED_CHARS;
    }

    private static long decodedLength(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return (long) base64.length() / 4 * 3 - padding;
    }
}
