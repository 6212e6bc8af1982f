package org.foodrisk.topology;

import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.ingest.SignalExtractor;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the dedup stores keep per id (the signal as a retraction needs it), in binary: read back equal, including the JSON values stores restored
 * from an earlier version's changelog hold, and the old fingerprint text that is not a SHA-256 digest.
 */
class SeenRecordTest {

    @Test
    void demoRecordsStoredAsTheDedupStoresStoreThemReadBackEqual() throws Exception {
        RecordIntake intake = new RecordIntake(Duration.ofDays(1));
        LocalDate from = LocalDate.of(2024, 4, 1);
        List<DemoRecord> records = new DemoDataGenerator(3, ZoneId.of("Asia/Shanghai"))
                .arrivals(from, from.plusDays(20)).toList();
        long binaryBytes = 0;
        long jsonBytes = 0;
        int count = 0;
        for (DemoRecord record : records) {
            IntakeResult result = intake.accept(InputTopic.ofTopic(record.topic()), null,
                    record.json().getBytes(StandardCharsets.UTF_8), record.arrivalTime().toEpochMilli());
            if (!(result instanceof IntakeResult.Accepted accepted)) {
                continue;
            }
            SeenRecord seen = new SeenRecord(DedupProcessor.fingerprint(accepted.normalized()),
                    SignalExtractor.extract(accepted).forRetraction(), count % 7 == 0 ? null : "lab-" + count % 5);
            byte[] binary = SeenRecord.SERDE.write(seen);
            byte[] json = Json.MAPPER.writeValueAsBytes(seen);
            assertEquals(seen, SeenRecord.SERDE.read(binary));
            assertEquals(seen, SeenRecord.SERDE.read(json), "a value an earlier version stored as JSON");
            binaryBytes += binary.length;
            jsonBytes += json.length;
            count++;
        }
        assertFalse(count == 0);
        System.out.printf("SeenRecordTest: %d ids, %d bytes per value in binary, %d as JSON%n", count,
                binaryBytes / count, jsonBytes / count);
        assertTrue(binaryBytes * 10 < jsonBytes * 7, "binary is at least 30 % smaller: " + binaryBytes + " vs " + jsonBytes);
        assertTrue(binaryBytes / count < 250, "what a retraction needs fits in under 250 bytes: " + binaryBytes / count);
    }

    @Test
    void aFingerprintThatIsNoDigestAndAnAbsentSignalSurvive() {
        SeenRecord odd = new SeenRecord("ABC not hex", null, null);
        assertEquals(odd, SeenRecord.SERDE.read(SeenRecord.SERDE.write(odd)));
        SeenRecord upper = new SeenRecord("A".repeat(64), null, "x");
        assertEquals(upper, SeenRecord.SERDE.read(SeenRecord.SERDE.write(upper)), "upper-case hex is kept as text");
    }
}
