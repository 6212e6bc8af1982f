package org.foodrisk.topology;

import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.ingest.SignalExtractor;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalBinary;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.kafka.BinaryOut;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
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
            SeenRecord stored = SeenRecord.SERDE.read(binary);
            assertEquals(seen.asStored(), stored);
            assertEquals(seen.signal().retraction(), stored.retraction(accepted.id()), "the id comes back from the key");
            assertTrue(stored.sameContent(seen.fingerprint()), "a re-delivery is recognised on the stored 128 bits");
            assertEquals(seen, SeenRecord.SERDE.read(json), "a value an earlier version stored as JSON");
            binaryBytes += binary.length;
            jsonBytes += json.length;
            count++;
        }
        assertFalse(count == 0);
        System.out.printf("SeenRecordTest: %d ids, %d bytes per value in binary, %d as JSON%n", count,
                binaryBytes / count, jsonBytes / count);
        assertTrue(binaryBytes * 10 < jsonBytes * 7, "binary is at least 30 % smaller: " + binaryBytes + " vs " + jsonBytes);
        assertTrue(binaryBytes / count < 230, "what a retraction needs fits in under 230 bytes: " + binaryBytes / count);
    }

    @Test
    void aValueOfFormatOneIsReadWithItsWholeDigestAndStillRecognisesItsRecord() {
        String digest = "0123456789abcdef".repeat(4);
        Signal signal = new Signal(SignalType.SAMPLING, "S-1", 1, OffsetDateTime.parse("2024-05-06T09:30:00+08:00"),
                "120114", "武清区", "食用农产品", "韭菜", null, null, true, List.of(), null, null, null, 1, List.of(), null);
        // Format 1 as the previous version wrote it: version 1, "is a digest", its 32 bytes, publisher, the signal with its id.
        BinaryOut formatOne = new BinaryOut(256).version(1);
        formatOne.writeBoolean(true).writeFixed(HexFormat.of().parseHex(digest)).writeText("lab:L1").writeBoolean(true);
        SignalBinary.write(signal, formatOne);

        SeenRecord stored = SeenRecord.SERDE.read(formatOne.toByteArray());

        assertEquals(new SeenRecord(digest, signal, "lab:L1"), stored);
        assertTrue(stored.sameContent(digest));
        assertFalse(stored.sameContent("f" + digest.substring(1)), "another record's digest is not a re-delivery");
        assertEquals(signal.retraction(), stored.retraction("S-1"));
        SeenRecord rewritten = SeenRecord.SERDE.read(SeenRecord.SERDE.write(stored));
        assertEquals(digest.substring(0, 32), rewritten.fingerprint(), "written again in format 2: 128 bits kept");
        assertTrue(rewritten.sameContent(digest));
        assertTrue(rewritten.sameContent(digest.substring(0, 32) + "f".repeat(32)), "only the stored 128 bits are compared");
        assertFalse(rewritten.sameContent("f" + digest.substring(1)));
    }

    @Test
    void aFingerprintThatIsNoDigestAndAnAbsentSignalSurvive() {
        SeenRecord odd = new SeenRecord("ABC not hex", null, null);
        assertEquals(odd, SeenRecord.SERDE.read(SeenRecord.SERDE.write(odd)));
        SeenRecord upper = new SeenRecord("A".repeat(64), null, "x");
        assertEquals(upper, SeenRecord.SERDE.read(SeenRecord.SERDE.write(upper)), "upper-case hex is kept as text");
    }
}
