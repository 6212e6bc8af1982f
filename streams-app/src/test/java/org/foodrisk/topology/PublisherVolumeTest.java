package org.foodrisk.topology;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-publisher hourly volume against the publisher's own baseline. */
class PublisherVolumeTest {

    private static final long START = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final PublisherVolume volume = new PublisherVolume();

    /** {@code records} records of the publisher spread over hour {@code hour}; the anomalies they raise. */
    private List<PublisherVolume.Anomaly> send(String publisher, int hour, int records) {
        List<PublisherVolume.Anomaly> anomalies = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Optional<PublisherVolume.Anomaly> anomaly = volume.record(publisher, START + hour * HOUR + i * (HOUR / records));
            anomaly.ifPresent(anomalies::add);
        }
        return anomalies;
    }

    @Test
    void anHourFarAboveThePublishersOwnBaselineIsFlaggedOnce() {
        for (int hour = 0; hour < 48; hour++) {
            assertTrue(send("lab:TJFS001", hour, 10).isEmpty(), "a steady 10 an hour is its normal");
        }
        List<PublisherVolume.Anomaly> flagged = send("lab:TJFS001", 48, 200);
        assertEquals(1, flagged.size(), "flagged once in the hour, not once per record");
        PublisherVolume.Anomaly anomaly = flagged.get(0);
        assertEquals("lab:TJFS001", anomaly.publisher());
        assertEquals(51, anomaly.records(), "the first record above 5 × 10");
        assertEquals(10.0, anomaly.baselinePerHour(), 1e-9);
        assertEquals(Instant.ofEpochMilli(START + 48 * HOUR), anomaly.hour());
        assertEquals(1, send("lab:TJFS001", 49, 200).size(), "a new hour can be flagged again");
    }

    @Test
    void twiceTheUsualVolumeOrAFewRecordsAreNotAnAnomaly() {
        for (int hour = 0; hour < 48; hour++) {
            send("lab:A", hour, 20);
            send("lab:B", hour, hour % 24 == 0 ? 1 : 0);
        }
        assertTrue(send("lab:A", 48, 40).isEmpty(), "twice the usual is within a lab's ordinary swings");
        assertTrue(send("lab:B", 48, 30).isEmpty(), "30 records are too few to flag, whatever the baseline");
    }

    @Test
    void aPublisherWithoutADaysHistoryHasNoBaselineYet() {
        send("hospital:X", 0, 2);
        assertTrue(send("hospital:X", 10, 500).isEmpty(), "10 hours seen: no baseline yet");
        assertTrue(send("lab:NEW", 0, 1000).isEmpty(), "a new publisher is never flagged in its first day");
    }

    @Test
    void hoursWithoutRecordsCountAsZero() {
        for (int hour = 0; hour < 24; hour++) {
            send("channel:12315", hour, 30);
        }
        // A week of silence: the baseline is now zero, and 60 records in an hour stand out.
        assertEquals(1, send("channel:12315", 24 + 24 * 7, 60).size());
    }
}
