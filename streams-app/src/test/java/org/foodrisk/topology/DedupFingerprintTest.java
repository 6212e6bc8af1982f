package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streamed fingerprint is the one the dedup stores already hold: the same SHA-256 as the previous
 * implementation (a key-sorted copy of the tree written by the mapper), on every record of demo traffic
 * and on awkward values — otherwise every re-delivery after an upgrade would count as a correction.
 */
class DedupFingerprintTest {

    @Test
    void theFingerprintOfEveryDemoRecordIsThePreviousImplementations() {
        RecordIntake intake = new RecordIntake(Duration.ofDays(1));
        LocalDate from = LocalDate.of(2024, 4, 1);
        List<DemoRecord> records = new DemoDataGenerator(9, ZoneId.of("Asia/Shanghai"))
                .arrivals(from, from.plusDays(20), day -> day.getDayOfMonth() == 12).toList();
        int compared = 0;
        for (DemoRecord record : records) {
            IntakeResult result = intake.accept(InputTopic.ofTopic(record.topic()), null,
                    record.json().getBytes(StandardCharsets.UTF_8), record.arrivalTime().toEpochMilli());
            if (result instanceof IntakeResult.Accepted accepted) {
                assertEquals(previousFingerprint(accepted.normalized()), DedupProcessor.fingerprint(accepted.normalized()),
                        record.json());
                compared++;
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }

    @Test
    void awkwardValuesFingerprintAsBefore() throws Exception {
        String json = "{\"z\":[{\"b\":1,\"a\":[3,2.50,-0.0,1e300]},null,\"\\u0000\\\"𝄞\"],\"é\":{},\"E\":[],"
                + "\"a\":{\"y\":true,\"x\":null,\"Z\":12345678901234567890},\"\":\"empty key\"}";
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree(json);
        assertEquals(previousFingerprint(node), DedupProcessor.fingerprint(node));
        ObjectNode reordered = (ObjectNode) Json.MAPPER.readTree(
                "{\"b\":2,\"a\":1}");
        assertEquals(DedupProcessor.fingerprint((ObjectNode) Json.MAPPER.readTree("{\"a\":1,\"b\":2}")),
                DedupProcessor.fingerprint(reordered), "field order does not matter");
        assertNotEquals(DedupProcessor.fingerprint((ObjectNode) Json.MAPPER.readTree("{\"a\":1,\"b\":3}")),
                DedupProcessor.fingerprint(reordered), "content does");
    }

    /** The implementation before 2026-12-06, kept here as the reference. */
    private static String previousFingerprint(ObjectNode normalized) {
        try {
            byte[] canonical = Json.MAPPER.writeValueAsBytes(sorted(normalized));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (Exception e) {
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
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(sorted(element)));
            return list;
        }
        return node;
    }
}
