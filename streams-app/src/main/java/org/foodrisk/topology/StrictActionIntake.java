package org.foodrisk.topology;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.foodrisk.ingest.StrictUtf8;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.ContractValidator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads an actions topic (what people do with alerts, with 核查处置 cases) as strictly as the other inputs
 * (found by the hostile-input corpus): bytes that are not UTF-8 are refused rather than turned into U+FFFD,
 * a value with anything after its JSON is refused, so is one that fails the topic's schema, names a blank id
 * or author, or sits under a key that is not its id. Valid actions go on keyed by their id, as the command
 * the subclass makes of them; the rest become dead letters with the reason. Whether an action is allowed
 * (state, unit) is decided later, by the processor of the record it acts on.
 *
 * @param <A> the action as the topic's schema describes it
 */
abstract class StrictActionIntake<A> extends ContextualProcessor<byte[], byte[], String, ActionOutcome> {

    private static final ObjectReader ONE_VALUE = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String topic;
    private final Class<A> type;
    private final String idField;

    /** @param idField the name of the action's id field ("alertId", "caseId"), for the refusals */
    StrictActionIntake(String topic, Class<A> type, String idField) {
        this.topic = topic;
        this.type = type;
        this.idField = idField;
    }

    abstract String idOf(A action);

    abstract String authorOf(A action);

    /** What goes on for a valid action: the command its record's processor takes. */
    abstract ActionOutcome command(A action, Integer partition, Long offset, String value);

    @Override
    public void process(Record<byte[], byte[]> record) {
        Optional<RecordMetadata> metadata = context().recordMetadata();
        Integer partition = metadata.map(RecordMetadata::partition).orElse(null);
        Long offset = metadata.map(RecordMetadata::offset).orElse(null);
        Optional<String> key = record.key() == null ? Optional.empty() : StrictUtf8.decode(record.key());
        Optional<String> value = record.value() == null ? Optional.empty() : StrictUtf8.decode(record.value());
        String keyText = record.key() == null ? null
                : key.orElseGet(() -> Base64.getEncoder().encodeToString(record.key()));
        // A key that is not UTF-8 cannot be an id: it is refused below as a key mismatch, as on the other inputs.
        if (record.value() != null && value.isEmpty()) {
            deadLetter(record, partition, offset, keyText, Base64.getEncoder().encodeToString(record.value()), "base64",
                    "invalid-utf8", "value is not valid UTF-8");
            return;
        }
        String text = value.orElse(null);
        String refusal;
        String error;
        try {
            JsonNode node = text == null ? null : ONE_VALUE.readTree(text);
            List<String> errors = node == null ? List.of("value is null") : ContractValidator.forTopic(topic).validate(node);
            if (errors.isEmpty()) {
                A action = Json.MAPPER.treeToValue(node, type);
                String id = idOf(action);
                String author = authorOf(action);
                if (id.isBlank() || author == null || author.isBlank()) {
                    error = "schema";
                    refusal = idField + " and by must not be blank";
                } else if (keyText == null || keyText.equals(id)) {
                    context().forward(new Record<>(id, command(action, partition, offset, text), record.timestamp()));
                    return;
                } else {
                    error = "key-mismatch";
                    refusal = "record key '" + keyText + "' is not its " + idField + " '" + id + "'";
                }
            } else {
                error = "schema";
                refusal = String.join("; ", errors);
            }
        } catch (JacksonException e) {
            error = "invalid-json";
            refusal = "value is not valid JSON: " + e.getOriginalMessage();
        }
        deadLetter(record, partition, offset, keyText, text, null, error, refusal);
    }

    private void deadLetter(Record<byte[], byte[]> record, Integer partition, Long offset, String key, String value,
                            String encoding, String error, String refusal) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), ZoneOffset.UTC);
        context().forward(new Record<>(key, new DeadLetter(topic, partition, offset, key, value, encoding, error, refusal,
                now), record.timestamp()));
    }
}
