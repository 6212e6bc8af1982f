package org.foodrisk.summary;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertAction;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.alert.AlertUpdater;
import org.foodrisk.detect.Detection;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.plan.PlanTaskRef;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who is credited with what (issue 16: one unit's 签收 was credited as 按时签收 to every responsible
 * unit). An alert counts as received for each unit that leads one of its plan tasks; a 签收 counts for
 * the unit that signed (its action records its unit); a co-unit is credited only with what it did.
 */
class AccountabilityTest {

    private static final OffsetDateTime DETECTED = OffsetDateTime.parse("2024-06-03T08:00:00+08:00");
    private static final OffsetDateTime LATER = OffsetDateTime.parse("2024-06-30T00:00:00+08:00");
    private static final String MARKET = "区市场监管局";
    private static final String AGRICULTURE = "区农业农村委";
    private static final String HEALTH = "区卫生健康委";

    /** A red alert (签收 within 24 h) whose task is led by two units, with a co-unit. */
    private static Alert raised() {
        Detection detection = Detection.of("sampling.critical-hazard", "sampling.critical-hazard|120114|肉制品",
                        AlertLevel.RED, SignalType.SAMPLING)
                .district("120114", "武清区")
                .food("肉制品", "酱牛肉")
                .hazard(null, "克伦特罗")
                .window(DETECTED, DETECTED)
                .headline("武清区酱牛肉检出克伦特罗")
                .build();
        PlanTaskRef task = new PlanTaskRef("wuqing-2024-17", "武清区2024年食品安全监管工作计划", "（十七）", "农兽药残留专项整治",
                List.of(MARKET, AGRICULTURE), List.of(HEALTH), "specific");
        return AlertUpdater.apply(null, detection, List.of(task), DETECTED).orElseThrow();
    }

    private static Alert act(Alert alert, String action, String unit, String at) {
        OffsetDateTime time = OffsetDateTime.parse(at);
        AlertLifecycle.Outcome outcome = AlertLifecycle.defaults().apply(alert,
                new AlertAction(alert.alertId(), action, "someone", unit, time, null, "close".equals(action) ? "已处置" : null), time);
        return outcome.alert();
    }

    @Test
    void aSignatureIsCreditedToTheUnitThatSignedNotToEveryLeadUnit() {
        Alert signed = act(raised(), "acknowledge", AGRICULTURE, "2024-06-03T10:00:00+08:00");
        Accountability agriculture = Accountability.of(AGRICULTURE, List.of(signed), LATER);
        Accountability market = Accountability.of(MARKET, List.of(signed), LATER);
        assertEquals(1, agriculture.received());
        assertEquals(1, agriculture.acknowledgedInTime());
        assertEquals(1, market.received(), "a lead unit answers for the alert");
        assertEquals(0, market.acknowledgedInTime(), "区农业农村委 signed, not 区市场监管局");
    }

    @Test
    void aCoUnitIsCreditedOnlyWithWhatItDid() {
        Alert untouched = raised();
        assertEquals(0, Accountability.of(HEALTH, List.of(untouched), LATER).received(),
                "a co-unit does not answer for an alert it never acted on");
        Alert signed = act(untouched, "acknowledge", HEALTH, "2024-06-03T10:00:00+08:00");
        Accountability health = Accountability.of(HEALTH, List.of(signed), LATER);
        assertEquals(1, health.received(), "once it acts, the alert counts for it");
        assertEquals(1, health.acknowledgedInTime());
        assertEquals(0, Accountability.of(MARKET, List.of(signed), LATER).acknowledgedInTime());
    }

    @Test
    void closingCountsForEveryUnitTheAlertCountsFor() {
        Alert closed = act(act(raised(), "acknowledge", MARKET, "2024-06-03T10:00:00+08:00"),
                "close", MARKET, "2024-06-05T10:00:00+08:00");
        Accountability agriculture = Accountability.of(AGRICULTURE, List.of(closed), LATER);
        assertEquals(0, agriculture.acknowledgedInTime());
        assertEquals(1, agriculture.closed(), "核查处置 is the alert's outcome: both lead units answer for it");
        assertEquals(1, agriculture.closedInTime());
        assertEquals(1, Accountability.of(MARKET, List.of(closed), LATER).acknowledgedInTime());
    }

    @Test
    void aCloseWithoutSignatureCountsAsTheClosingUnitsSignature() {
        Alert closed = act(raised(), "close", AGRICULTURE, "2024-06-03T12:00:00+08:00");
        assertEquals(1, Accountability.of(AGRICULTURE, List.of(closed), LATER).acknowledgedInTime());
        assertEquals(0, Accountability.of(MARKET, List.of(closed), LATER).acknowledgedInTime());
    }
}
