package org.foodrisk.topology;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.foodrisk.disposal.CaseAction;
import org.foodrisk.ingest.StrictUtf8;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Validates actions from foodrisk.disposal-actions.v1 against their schema, as strictly as
 * {@link ActionIntakeProcessor} reads alert actions (not UTF-8, trailing content, blank author or a key
 * that is not the caseId: refused). Valid ones go on as {@link DisposalCommand}s keyed by caseId; whether
 * the action is allowed (state, unit) is decided by the case's own processor.
 */
final class DisposalActionIntakeProcessor extends ContextualProcessor<byte[], byte[], String, Object> {

    private static final ObjectReader ONE_VALUE = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public void process(Record<byte[], byte[]> record) {
        Optional<RecordMetadata> metadata = context().recordMetadata();
        Integer partition = metadata.map(RecordMetadata::partition).orElse(null);
        Long offset = metadata.map(RecordMetadata::offset).orElse(null);
        Optional<String> key = record.key() == null ? Optional.empty() : StrictUtf8.decode(record.key());
        Optional<String> value = record.value() == null ? Optional.empty() : StrictUtf8.decode(record.value());
        String keyText = record.key() == null ? null : key.orElseGet(() -> Base64.getEncoder().encodeToString(record.key()));
        if (record.value() != null && value.isEmpty()) {
            deadLetter(record, partition, offset, keyText, Base64.getEncoder().encodeToString(record.value()), "base64",
                    "invalid-utf8", "value is not valid UTF-8");
            return;
        }
        String text = value.orElse(null);
        String error;
        String refusal;
        try {
            JsonNode node = text == null ? null : ONE_VALUE.readTree(text);
            List<String> errors = node == null ? List.of("value is null")
                    : ContractValidator.forTopic(Topics.DISPOSAL_ACTIONS).validate(node);
            if (errors.isEmpty()) {
                CaseAction action = Json.MAPPER.treeToValue(node, CaseAction.class);
                if (action.caseId().isBlank() || action.by() == null || action.by().isBlank()) {
                    error = "schema";
                    refusal = "caseId and by must not be blank";
                } else if (keyText == null || keyText.equals(action.caseId())) {
                    context().forward(new Record<>(action.caseId(),
                            new DisposalCommand(null, action, Topics.DISPOSAL_ACTIONS, partition, offset, text),
                            record.timestamp()));
                    return;
                } else {
                    error = "key-mismatch";
                    refusal = "record key '" + keyText + "' is not its caseId '" + action.caseId() + "'";
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
        context().forward(new Record<>(key, new DeadLetter(Topics.DISPOSAL_ACTIONS, partition, offset, key, value,
                encoding, error, refusal, OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()),
                ZoneOffset.UTC)), record.timestamp()));
    }
}
