package org.foodrisk.ingest;

import org.apache.kafka.common.errors.SerializationException;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The binary form of signals on internal topics: every signal of a month of demo traffic (all four streams,
 * planted incidents, in arrival order) reads back equal, the JSON an earlier version wrote is still read,
 * and a damaged value is refused rather than misread.
 */
class SignalBinaryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void everySignalOfDemoTrafficReadsBackEqualAndFromItsOldJsonToo() throws Exception {
        List<Signal> signals = demoSignals();
        Map<SignalType, Long> byType = signals.stream().collect(Collectors.groupingBy(Signal::type, Collectors.counting()));
        assertEquals(SignalType.values().length, byType.size(), "all four streams are covered: " + byType);
        assertTrue(signals.stream().anyMatch(s -> !s.findings().isEmpty()), "failed samples with findings covered");
        assertTrue(signals.stream().anyMatch(s -> s.place() != null), "illness reports with a place covered");
        assertTrue(signals.stream().anyMatch(s -> s.reportedAt() != null), "report times covered");
        long binaryBytes = 0;
        long jsonBytes = 0;
        for (Signal signal : signals) {
            for (Signal version : List.of(signal, signal.retraction())) {
                byte[] binary = SignalBinary.SERDE.serializer().serialize("t", version);
                assertEquals(version, SignalBinary.SERDE.deserializer().deserialize("t", binary));
                byte[] json = Json.MAPPER.writeValueAsBytes(version);
                assertEquals(version, SignalBinary.SERDE.deserializer().deserialize("t", json),
                        "JSON written by the previous version is read as it was");
                binaryBytes += binary.length;
                jsonBytes += json.length;
            }
        }
        System.out.printf("SignalBinaryTest: %d signals, binary %d bytes on average, JSON %d%n", signals.size(),
                binaryBytes / (2L * signals.size()), jsonBytes / (2L * signals.size()));
        assertTrue(binaryBytes < jsonBytes, "the binary form is the smaller");
    }

    @Test
    void aSignalWithEveryOptionalPartAbsentReadsBackEqual() {
        Signal bare = new Signal(SignalType.COMPLAINT, "c-1", 1, OffsetDateTime.parse("2024-05-06T09:30:00.123456789+08:00"),
                null, null, null, null, null, null, false, null, null, null, null, 0, null, null, null);
        assertEquals(bare, SignalBinary.SERDE.deserializer().deserialize("t",
                SignalBinary.SERDE.serializer().serialize("t", bare)));
    }

    @Test
    void aDamagedValueIsRefusedNotMisread() {
        Signal signal = demoSignals().get(0);
        byte[] binary = SignalBinary.SERDE.serializer().serialize("t", signal);
        assertThrows(SerializationException.class, () -> SignalBinary.SERDE.deserializer()
                .deserialize("t", Arrays.copyOf(binary, binary.length - 1)), "cut short");
        byte[] longer = Arrays.copyOf(binary, binary.length + 1);
        assertThrows(SerializationException.class, () -> SignalBinary.SERDE.deserializer().deserialize("t", longer),
                "trailing bytes");
        byte[] newer = binary.clone();
        newer[0] = 2;
        SerializationException unknown = assertThrows(SerializationException.class,
                () -> SignalBinary.SERDE.deserializer().deserialize("t", newer));
        assertTrue(unknown.getMessage().contains("version 2"), unknown.getMessage());
        assertThrows(SerializationException.class, () -> SignalBinary.SERDE.deserializer()
                .deserialize("t", "{\"type\":".getBytes(StandardCharsets.UTF_8)), "broken JSON");
    }

    private static List<Signal> demoSignals() {
        RecordIntake intake = new RecordIntake(Duration.ofDays(1));
        LocalDate from = LocalDate.of(2024, 4, 1);
        List<DemoRecord> records = new DemoDataGenerator(5, ZONE)
                .arrivals(from, from.plusDays(30), day -> day.getDayOfMonth() == 20).toList();
        List<Signal> signals = records.stream()
                .map(r -> intake.accept(InputTopic.ofTopic(r.topic()), null, r.json().getBytes(StandardCharsets.UTF_8),
                        r.arrivalTime().toEpochMilli()))
                .filter(IntakeResult.Accepted.class::isInstance)
                .map(result -> SignalExtractor.extract((IntakeResult.Accepted) result))
                .toList();
        assertFalse(signals.isEmpty());
        return signals;
    }
}
