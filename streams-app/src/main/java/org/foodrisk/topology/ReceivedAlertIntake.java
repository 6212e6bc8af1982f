package org.foodrisk.topology;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.foodrisk.exchange.ExchangeTopics;
import org.foodrisk.exchange.ExchangedAlert;
import org.foodrisk.exchange.ReceivedAlert;
import org.foodrisk.ingest.StrictUtf8;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads what partner regions shared, from the topics MirrorMaker 2 writes here ({@link ExchangeTopics}): as strictly
 * as our own inputs (UTF-8, one JSON value, the schema of foodrisk.alert-exchange.v1, the key is the alert's id), and
 * marks each with its origin, the alias in the topic's name. What fails becomes a dead letter with the reason and
 * the mirrored topic it came from: a partner running another version of the contract is seen, not silently lost.
 */
final class ReceivedAlertIntake extends ContextualProcessor<byte[], byte[], String, RecordOutcome> {

    private static final ObjectReader ONE_VALUE = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ZoneId zone;

    ReceivedAlertIntake(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Optional<RecordMetadata> metadata = context().recordMetadata();
        String topic = metadata.map(RecordMetadata::topic).orElse(Topics.ALERT_EXCHANGE);
        Integer partition = metadata.map(RecordMetadata::partition).orElse(null);
        Long offset = metadata.map(RecordMetadata::offset).orElse(null);
        String key = record.key() == null ? null
                : StrictUtf8.decode(record.key()).orElseGet(() -> Base64.getEncoder().encodeToString(record.key()));
        Optional<String> value = record.value() == null ? Optional.empty() : StrictUtf8.decode(record.value());
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), zone);
        Optional<String> origin = ExchangeTopics.originOf(topic);
        if (origin.isEmpty()) {
            refuse(record, topic, partition, offset, key, value.orElse(null), null, "unknown-origin",
                    "topic " + topic + " is not <alias>." + Topics.ALERT_EXCHANGE, now);
            return;
        }
        if (record.value() != null && value.isEmpty()) {
            refuse(record, topic, partition, offset, key, Base64.getEncoder().encodeToString(record.value()),
                    "base64", "invalid-utf8", "value is not valid UTF-8", now);
            return;
        }
        String text = value.orElse(null);
        try {
            JsonNode node = text == null ? null : ONE_VALUE.readTree(text);
            List<String> errors = node == null ? List.of("value is null")
                    : ContractValidator.forTopic(Topics.ALERT_EXCHANGE).validate(node);
            if (!errors.isEmpty()) {
                refuse(record, topic, partition, offset, key, text, null, "schema", String.join("; ", errors), now);
                return;
            }
            ExchangedAlert sent = Json.MAPPER.treeToValue(node, ExchangedAlert.class);
            String alertId = sent.alert().alertId();
            if (key != null && !key.equals(alertId)) {
                refuse(record, topic, partition, offset, key, text, null, "key-mismatch",
                        "record key '" + key + "' is not its alert's alertId '" + alertId + "'", now);
                return;
            }
            ReceivedAlert received = ReceivedAlert.of(origin.get(), sent, now);
            context().forward(new Record<>(received.key(), new RecordOutcome.Version(received), record.timestamp()));
        } catch (JacksonException e) {
            refuse(record, topic, partition, offset, key, text, null, "invalid-json",
                    "value is not valid JSON: " + e.getOriginalMessage(), now);
        }
    }

    private void refuse(Record<byte[], byte[]> record, String topic, Integer partition, Long offset, String key,
                        String value, String encoding, String error, String reason, OffsetDateTime now) {
        context().forward(new Record<>(key, new DeadLetter(topic, partition, offset, key, value, encoding, error, reason,
                now.withOffsetSameInstant(ZoneOffset.UTC)), record.timestamp()));
    }
}
