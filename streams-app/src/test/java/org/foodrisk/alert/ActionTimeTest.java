package org.foodrisk.alert;

import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A writer's action time on the Kafka path counts only within bounds (issue 14). */
class ActionTimeTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2024-06-01T08:00:00+08:00");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2024-06-02T11:00:00+08:00");

    private static Alert alert() throws Exception {
        return Json.MAPPER.readValue("""
                {"alertId":"A","version":1,"status":"待处置","level":"RED","kind":"k","districtCode":"120114",
                 "firstDetectedAt":"2024-06-01T08:00:00+08:00","updatedAt":"2024-06-01T08:00:00+08:00"}
                """, Alert.class);
    }

    @Test
    void aTimeBetweenCreationAndNowIsKeptForReplays() throws Exception {
        OffsetDateTime claimed = OffsetDateTime.parse("2024-06-02T10:00:00+08:00");
        assertEquals(claimed, ActionTime.bounded(claimed, alert(), NOW));
        assertEquals(CREATED, ActionTime.bounded(CREATED, alert(), NOW));
    }

    @Test
    void aTimeBeforeTheAlertExistedIsReplacedByNow() throws Exception {
        assertEquals(NOW, ActionTime.bounded(OffsetDateTime.parse("2000-01-01T00:00:00+08:00"), alert(), NOW));
    }

    @Test
    void aTimeInTheFutureBeyondTheSkewIsReplacedByNow() throws Exception {
        assertEquals(NOW.plusMinutes(1), ActionTime.bounded(NOW.plusMinutes(1), alert(), NOW), "within the skew");
        assertEquals(NOW, ActionTime.bounded(NOW.plusHours(1), alert(), NOW));
    }

    @Test
    void secondsAreAlwaysWritten() {
        assertEquals("2024-06-02T11:00:00+08:00", ActionTime.format(NOW));
    }

    @Test
    void theLifecycleCountsABackdatedAcknowledgeAtNow() throws Exception {
        AlertAction backdated = new AlertAction("A", "acknowledge", "x", "区食安办",
                OffsetDateTime.parse("2000-01-01T00:00:00+08:00"), null, null);
        AlertLifecycle.Outcome outcome = AlertLifecycle.defaults().apply(alert(), backdated, NOW);
        assertEquals(NOW, outcome.alert().handling().acknowledgedAt());
        assertEquals(NOW, outcome.alert().handling().actions().get(0).at());
    }
}
