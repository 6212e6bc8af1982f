package org.foodrisk.detect;

import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The defaults are the README's table; a configured policy changes what the detectors say. */
class LevelPolicyTest {

    private final LevelPolicy defaults = LevelPolicy.defaults();

    @Test
    void theDefaultsAreTheDocumentedTable() {
        assertEquals(AlertLevel.BLUE, defaults.failureRate(0.02));
        assertEquals(AlertLevel.YELLOW, defaults.failureRate(0.005));
        assertEquals(AlertLevel.ORANGE, defaults.failureRate(0.0005));
        assertEquals(AlertLevel.BLUE, defaults.countAberration(5, 3));
        assertEquals(AlertLevel.YELLOW, defaults.countAberration(6, 3));
        assertEquals(AlertLevel.BLUE, defaults.opinionSpike(1.2));
        assertEquals(AlertLevel.YELLOW, defaults.opinionSpike(1.5));
        assertEquals(AlertLevel.ORANGE, defaults.opinionSpike(3));
        assertEquals(AlertLevel.YELLOW, defaults.cluster(4, false));
        assertEquals(AlertLevel.ORANGE, defaults.cluster(5, false));
        assertEquals(AlertLevel.RED, defaults.cluster(20, false));
        assertEquals(AlertLevel.RED, defaults.cluster(2, true), "a death is RED at any size");
        assertEquals(AlertLevel.BLUE, defaults.repeatComplaints(2));
        assertEquals(AlertLevel.YELLOW, defaults.repeatComplaints(3));
        assertEquals(AlertLevel.ORANGE, defaults.repeatComplaints(5));
        assertEquals(AlertLevel.YELLOW, defaults.rumour(999_999));
        assertEquals(AlertLevel.ORANGE, defaults.rumour(1_000_000));
    }

    @Test
    void aConfiguredPolicyReachesTheDetector() {
        Signal rumour = new Signal(SignalType.OPINION, "OP-1", 1, OffsetDateTime.parse("2024-05-06T10:00:00+08:00"),
                "120114", "武清区", "食用农产品", "猪肉", null, null, false, List.of(), null, null, null, 200_000,
                List.of("rumour"), "“注水猪肉”视频");
        LevelPolicy stricter = new LevelPolicy(0.01, 0.001, 2.0, 1.5, 3.0, 5, 20, 3, 5, 100_000, 1e-6);
        assertEquals(AlertLevel.YELLOW, new RumourRule(100_000).evaluate(rumour).orElseThrow().level());
        assertEquals(AlertLevel.ORANGE, new RumourRule(100_000, stricter).evaluate(rumour).orElseThrow().level());
    }
}
