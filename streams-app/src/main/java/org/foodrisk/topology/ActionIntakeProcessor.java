package org.foodrisk.topology;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.foodrisk.alert.AlertAction;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Validates actions from foodrisk.alert-actions.v1 against the contract; valid ones go on as
 * {@link AlertCommand}s keyed by alertId, invalid ones become dead letters. Whether the action
 * is allowed (state, unit) is decided later, by the alert's own processor.
 */
final class ActionIntakeProcessor extends ContextualProcessor<String, String, String, Object> {

    @Override
    public void process(Record<String, String> record) {
        Optional<RecordMetadata> metadata = context().recordMetadata();
        Integer partition = metadata.map(RecordMetadata::partition).orElse(null);
        Long offset = metadata.map(RecordMetadata::offset).orElse(null);
        String refusal;
        String error;
        try {
            JsonNode node = record.value() == null ? null : Json.MAPPER.readTree(record.value());
            List<String> errors = node == null ? List.of("value is null")
                    : ContractValidator.forTopic(Topics.ALERT_ACTIONS).validate(node);
            if (errors.isEmpty()) {
                AlertAction action = Json.MAPPER.treeToValue(node, AlertAction.class);
                if (record.key() == null || record.key().equals(action.alertId())) {
                    context().forward(new Record<>(action.alertId(),
                            new AlertCommand(null, action, Topics.ALERT_ACTIONS, partition, offset, record.value()),
                            record.timestamp()));
                    return;
                }
                error = "key-mismatch";
                refusal = "record key '" + record.key() + "' is not its alertId '" + action.alertId() + "'";
            } else {
                error = "schema";
                refusal = String.join("; ", errors);
            }
        } catch (JacksonException e) {
            error = "invalid-json";
            refusal = "value is not valid JSON: " + e.getOriginalMessage();
        }
        context().forward(new Record<>(record.key(), new DeadLetter(Topics.ALERT_ACTIONS, partition, offset, record.key(),
                record.value(), null, error, refusal, now()), record.timestamp()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), ZoneOffset.UTC);
    }
}
