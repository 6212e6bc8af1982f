package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalExtractor;
import org.foodrisk.kafka.Json;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes "the same id counts once" true. A record whose id was seen with the same content is a
 * re-delivery and is dropped; one with new content is a correction: the signal of the previous
 * version is retracted (sign −1) and the new one counted, so every aggregate downstream stays
 * exact however often a lab corrects a report.
 *
 * <p>The fingerprint is taken over the normalized record with its keys sorted, so that a
 * publisher re-serializing the same record with another field order is still a re-delivery.
 */
final class DedupProcessor extends ContextualProcessor<String, Object, String, Signal> {

    private final String storeName;
    private KeyValueStore<String, SeenRecord> seen;

    DedupProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        super.init(context);
        seen = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Object> record) {
        IntakeResult.Accepted accepted = (IntakeResult.Accepted) record.value();
        String fingerprint = fingerprint(accepted.normalized());
        SeenRecord previous = seen.get(accepted.id());
        if (previous != null && previous.fingerprint().equals(fingerprint)) {
            return;
        }
        Signal signal = SignalExtractor.extract(accepted);
        if (previous != null && previous.signal() != null) {
            Signal retraction = previous.signal().retraction();
            context().forward(new Record<>(accepted.id(), retraction, retraction.eventTime().toInstant().toEpochMilli()));
        }
        seen.put(accepted.id(), new SeenRecord(fingerprint, signal));
        context().forward(record.withValue(signal));
    }

    static String fingerprint(ObjectNode normalized) {
        try {
            byte[] canonical = Json.MAPPER.writeValueAsBytes(sorted(normalized));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), sorted(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            java.util.List<Object> list = new java.util.ArrayList<>();
            node.forEach(element -> list.add(sorted(element)));
            return list;
        }
        return node;
    }
}
