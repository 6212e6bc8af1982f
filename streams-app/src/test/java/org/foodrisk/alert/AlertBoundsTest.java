package org.foodrisk.alert;

import org.foodrisk.detect.AlertLevel;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.DetectorNumbers;
import org.foodrisk.detect.Evidence;
import org.foodrisk.detect.Judgement;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.kafka.Json;
import org.foodrisk.plan.PlanTaskRef;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.foodrisk.plan.PlanClause;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The largest alert there can be: every list full, every text at its cap, written in the characters
 * that cost most in JSON. It must stay under {@link AlertBounds#MAX_ALERT_BYTES}, which is 3/4 of the
 * 1 MiB the alerts topic and the store's changelog take (issue 14).
 */
class AlertBoundsTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-06-01T08:00:00+08:00");

    @Test
    void theWorstCaseAlertInControlCharactersFitsWithMargin() throws Exception {
        int bytes = Json.MAPPER.writeValueAsBytes(worstCase("\u0001")).length;
        System.out.println("worst-case alert, control characters (6 bytes each in JSON): " + bytes + " bytes");
        assertTrue(bytes < AlertBounds.MAX_ALERT_BYTES, bytes + " bytes");
    }

    @Test
    void theWorstCaseAlertInChineseFitsToo() throws Exception {
        int bytes = Json.MAPPER.writeValueAsBytes(worstCase("食")).length;
        System.out.println("worst-case alert, Chinese (3 bytes each in UTF-8): " + bytes + " bytes");
        assertTrue(bytes < AlertBounds.MAX_ALERT_BYTES, bytes + " bytes");
    }

    @Test
    void theActionLogIsBoundedByBytesAsWellAsByCount() throws Exception {
        Alert alert = worstCase("食");
        List<AlertAction> log = alert.handling().actions();
        assertTrue(log.size() < AlertBounds.MAX_ACTIONS, "long actions: fewer than 100 fit, " + log.size());
        assertTrue(Json.MAPPER.writeValueAsBytes(log).length <= AlertBounds.MAX_ACTION_LOG_BYTES + 2);
        assertEquals("last", log.get(log.size() - 1).by().substring(0, 4), "the newest action is kept");
        Handling shortOnes = Handling.none();
        for (int i = 0; i < 150; i++) {
            shortOnes = shortOnes.record(new AlertAction("FR-1", "comment", "u" + i, "区食安办", T0, "核查中", null),
                    null, null, null, null);
        }
        assertEquals(AlertBounds.MAX_ACTIONS, shortOnes.actions().size(), "short actions: the count binds");
        assertEquals("u149", shortOnes.actions().get(99).by());
    }

    @Test
    void evidenceSummariesHistoryLinesAndHeadlinesAreCut() {
        Alert alert = worstCase("食");
        assertTrue(alert.evidence().stream().allMatch(e -> e.summary().length() <= AlertBounds.MAX_EVIDENCE_SUMMARY_CHARS));
        assertTrue(alert.history().stream().allMatch(h -> h.change().length() <= AlertBounds.MAX_HISTORY_CHANGE_CHARS));
        assertTrue(alert.history().size() <= AlertBounds.MAX_HISTORY);
        assertTrue(alert.evidence().size() <= AlertBounds.MAX_EVIDENCE);
        assertEquals(AlertBounds.MAX_HEADLINE_CHARS, alert.headline().length());
        assertTrue(alert.headline().endsWith("…"));
    }

    @Test
    void theContractOfActionsHoldsTheSameLimitsAsTheBounds() {
        var schema = ContractValidator.forTopic(Topics.ALERT_ACTIONS);
        for (String field : List.of("note", "disposition")) {
            var action = Json.MAPPER.createObjectNode().put("alertId", "FR-1").put("action", "comment").put("by", "x")
                    .put("unit", "区食安办").put("at", "2024-06-01T10:00:00+08:00");
            action.put(field, "食".repeat(AlertBounds.MAX_NOTE_CHARS));
            assertEquals(List.of(), schema.validate(action));
            action.put(field, "食".repeat(AlertBounds.MAX_NOTE_CHARS + 1));
            assertEquals(List.of("$." + field + ": must be at most 2000 characters long"), schema.validate(action));
        }
        var action = Json.MAPPER.createObjectNode().put("alertId", "FR-1").put("action", "comment").put("at", "2024-06-01T10:00:00+08:00");
        action.put("by", "x".repeat(AlertBounds.MAX_BY_CHARS + 1)).put("unit", "u".repeat(AlertBounds.MAX_UNIT_CHARS + 1));
        assertEquals(2, schema.validate(action).size(), "by and unit: " + schema.validate(action));
    }

    /** Every list past its bound, every text past its cap (the caps cut them), in the given character. */
    private static Alert worstCase(String c) {
        String unit = c.repeat(AlertBounds.MAX_UNIT_CHARS);
        List<PlanTaskRef> tasks = new ArrayList<>();
        List<String> manyUnits = new ArrayList<>(List.of(unit)); // the unit that acts below
        for (int u = 1; u < 60; u++) {
            manyUnits.add(u + c.repeat(1000));
        }
        List<String> manyReasons = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            manyReasons.add(r + c.repeat(1000));
        }
        for (int i = 0; i < 60; i++) { // past every cap: plan tasks come from the operators' catalogue topic
            tasks.add(new PlanTaskRef("T-" + i + c.repeat(1000), c.repeat(5000), c.repeat(640), c.repeat(10_000),
                    manyUnits, manyUnits, "specific" + c.repeat(100),
                    new PlanClause(1, c.repeat(5000), c.repeat(5000), manyUnits, manyUnits),
                    manyUnits, manyUnits, 2024, c.repeat(5000), manyReasons));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            evidence.add(new Evidence("complaint", i + c.repeat(120), T0.minusMinutes(i), c.repeat(100_000)));
        }
        String text256 = c.repeat(256);
        Detection detection = Detection.of("sampling.critical-hazard", c.repeat(1024), AlertLevel.RED,
                        SignalType.SAMPLING)
                .district("120114", text256)
                .food(text256, text256)
                .hazard(text256, text256)
                .stage(text256)
                .enterprise(new Detection.EnterpriseRef(text256, c.repeat(64), c.repeat(1024)))
                .window(T0.minusDays(30), T0)
                .detector(new DetectorNumbers(text256, 1.0, 2.0, 3.0, 4.0, 0.01, text256))
                .evidence(evidence)
                .headline(c.repeat(10_000))
                .recommendedActions(List.of(c.repeat(1000), c.repeat(1000), c.repeat(1000)))
                .taskIds(List.of())
                .judgement(new Judgement(Judgement.FIRST, T0, 1000, 0.5, 3))
                .build();
        Alert alert = AlertUpdater.apply(null, detection, tasks, T0).orElseThrow();
        for (int i = 0; i < 300; i++) {
            alert = alert.noted("comment：" + unit + "（" + c.repeat(AlertBounds.MAX_BY_CHARS) + "）");
        }
        AlertLifecycle lifecycle = AlertLifecycle.defaults();
        String note = c.repeat(AlertBounds.MAX_NOTE_CHARS);
        for (int i = 0; i < 150; i++) {
            boolean last = i == 149;
            String by = (last ? "last" : "") + c.repeat(AlertBounds.MAX_BY_CHARS - (last ? 4 : 0));
            AlertLifecycle.Outcome outcome = lifecycle.apply(alert, new AlertAction(c.repeat(128),
                    i == 0 ? "close" : "comment", by, unit, T0, note, note), T0);
            assertTrue(outcome.isAccepted(), outcome.refusal());
            alert = outcome.alert();
        }
        return alert;
    }
}
