package org.foodrisk.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.ContractValidator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Parses, normalizes and validates one input record against the contract. Pure: no Kafka, so
 * the HTTP ingestion API and the topology refuse exactly the same records for the same reasons.
 *
 * <p>Error codes ({@link IntakeResult.Rejected#error()}) are stable words for metrics and
 * dashboards; the reason is a precise sentence for the publisher.
 */
public final class RecordIntake {

    /** Event times before this are not food-safety records of this service, but typos (e.g. 0024). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * One JSON value and nothing after it: Jackson otherwise stops after the first value, so
     * {@code {...} garbage} or two concatenated records would pass as the first one.
     */
    private static final ObjectReader ONE_VALUE = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Duration futureTolerance;

    /**
     * @param futureTolerance how far an event time may lie after the record's publication time
     *                        (clock skew between a lab's LIMS and the broker)
     */
    public RecordIntake(Duration futureTolerance) {
        this.futureTolerance = futureTolerance;
    }

    /**
     * Intake of a record read from its input topic, where the key must be the record's id. A
     * record without a key is refused: Kafka spreads keyless records over the partitions, so a
     * re-delivery would meet another partition's dedup store and count twice. (A record that is
     * wrong in itself too is refused for that, the more useful reason.)
     */
    public IntakeResult acceptFromTopic(InputTopic input, byte[] key, byte[] value, long publishedAtMillis) {
        IntakeResult result = accept(input, key, value, publishedAtMillis);
        if (key == null && result instanceof IntakeResult.Accepted) {
            return new IntakeResult.Rejected("missing-key", "the record has no key; the key of an input record must be "
                    + "its " + input.idField() + ", so that every version of it meets the same partition");
        }
        return result;
    }

    /**
     * Intake of one record. {@code key} null means there is no key to check it against (the HTTP
     * API keys what it writes itself); see {@link #acceptFromTopic} for records read from a topic.
     */
    public IntakeResult accept(InputTopic input, byte[] key, byte[] value, long publishedAtMillis) {
        if (value == null) {
            return new IntakeResult.Rejected("null-value", "record value is null (a tombstone is not a valid "
                    + input.idField() + " record)");
        }
        Optional<String> decoded = StrictUtf8.decode(value);
        if (decoded.isEmpty()) {
            return new IntakeResult.Rejected("invalid-utf8", "value is not valid UTF-8");
        }
        String text = decoded.get();
        JsonNode parsed;
        try {
            parsed = ONE_VALUE.readTree(text);
        } catch (JacksonException e) {
            return new IntakeResult.Rejected("invalid-json", "value is not valid JSON: " + e.getOriginalMessage()
                    + locationOf(e));
        }
        if (!(parsed instanceof ObjectNode record)) {
            return new IntakeResult.Rejected("not-an-object", "value must be a JSON object, got "
                    + (parsed == null ? "nothing" : parsed.getNodeType().name().toLowerCase()));
        }
        List<String> normalizationErrors = RecordNormalizer.normalize(input, record);
        if (!normalizationErrors.isEmpty()) {
            return new IntakeResult.Rejected("inconsistent", String.join("; ", normalizationErrors));
        }
        List<String> schemaErrors = ContractValidator.forTopic(input.topic()).validate(record);
        if (!schemaErrors.isEmpty()) {
            return new IntakeResult.Rejected("schema", String.join("; ", schemaErrors));
        }
        String id = record.get(input.idField()).asText();
        String keyText = key == null ? null : new String(key, StandardCharsets.UTF_8);
        if (keyText != null && !keyText.equals(id)) {
            return new IntakeResult.Rejected("key-mismatch", "record key '" + abbreviate(keyText) + "' is not its "
                    + input.idField() + " '" + id + "' (the key of an input record must be its own id)");
        }
        OffsetDateTime eventTime = parseTime(record, input.eventTimeField());
        if (eventTime == null) {
            return notATime(input.eventTimeField());
        }
        OffsetDateTime reportedAt = null;
        if (input == InputTopic.SAMPLING_RESULTS && record.hasNonNull("reportedAt")) {
            reportedAt = parseTime(record, "reportedAt");
            if (reportedAt == null) {
                return notATime("reportedAt");
            }
        }
        String timeProblem = checkTimes(input, eventTime, reportedAt, publishedAtMillis);
        if (timeProblem != null) {
            return new IntakeResult.Rejected("impossible-time", timeProblem);
        }
        String consistency = checkConsistency(input, record);
        if (consistency != null) {
            return new IntakeResult.Rejected("inconsistent", consistency);
        }
        Object typed;
        try {
            typed = Json.MAPPER.treeToValue(record, input.recordType());
        } catch (JacksonException e) {
            return new IntakeResult.Rejected("schema", "value does not fit " + input.recordType().getSimpleName()
                    + ": " + e.getOriginalMessage());
        }
        return new IntakeResult.Accepted(input, id, eventTime, record, typed);
    }

    /**
     * The time in a field, or null when Java cannot represent it. The schema's RFC 3339 check lets
     * through times that java.time refuses (more than nine fraction digits, offsets beyond ±18:00):
     * those are refused here, never left to throw in the stream thread.
     */
    private static OffsetDateTime parseTime(ObjectNode record, String field) {
        try {
            return IsoTimes.parse(record.get(field).asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static IntakeResult.Rejected notATime(String field) {
        return new IntakeResult.Rejected("schema", "$." + field + ": not an ISO-8601 time with an offset that Java can "
                + "represent (at most 9 fraction digits, offset within ±18:00)");
    }

    private String checkTimes(InputTopic input, OffsetDateTime eventTime, OffsetDateTime reported, long publishedAtMillis) {
        Instant event = eventTime.toInstant();
        if (event.isBefore(EARLIEST)) {
            return "$." + input.eventTimeField() + ": " + eventTime + " is before 2000-01-01";
        }
        Instant published = Instant.ofEpochMilli(publishedAtMillis);
        if (publishedAtMillis > 0 && event.isAfter(published.plus(futureTolerance))) {
            return "$." + input.eventTimeField() + ": " + eventTime + " lies after the record was published ("
                    + published + ")";
        }
        if (reported != null && reported.isBefore(eventTime)) {
            return "$.reportedAt: " + reported + " is before sampledAt " + eventTime;
        }
        return null;
    }

    private static String checkConsistency(InputTopic input, ObjectNode record) {
        if (input != InputTopic.SAMPLING_RESULTS || !"合格".equals(record.path("verdict").asText())) {
            return null;
        }
        for (JsonNode item : record.path("items")) {
            if (item.path("pass").isBoolean() && !item.path("pass").asBoolean()) {
                return "$.items: verdict is 合格 but item '" + item.path("item").asText() + "' has pass=false";
            }
        }
        return null;
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
