package org.foodrisk.summary;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertAction;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each kind's positive predictive value from the verdicts units record when they close alerts (issue 19): a close's
 * verdict is kept on the alert (and cleared by a reopen), 属实 / (属实 + 不属实) with Wilson's 95 % interval, alerts
 * nobody could check or not closed yet outside the ratio, withdrawn alarms nowhere.
 */
class AlertOutcomesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");
    private static final AlertLifecycle LIFECYCLE = AlertLifecycle.defaults();

    private static Alert alert(String id, String kind, String detector, boolean withdrawn) throws Exception {
        return Json.MAPPER.readValue("""
                {"alertId":"%s","version":1,"status":"待处置","level":"YELLOW","kind":"%s","districtCode":"120114",
                 "detector":{"name":"%s"},%s
                 "firstDetectedAt":"2026-12-01T08:00:00+08:00","updatedAt":"2026-12-01T08:00:00+08:00"}
                """.formatted(id, kind, detector, withdrawn ? "\"judgement\":{\"state\":\"撤回\"}," : ""), Alert.class);
    }

    private static Alert closed(Alert alert, String verdict) {
        AlertAction close = new AlertAction(alert.alertId(), "close", "wq-market", "区食安办", NOW, null, "已核查", verdict);
        return LIFECYCLE.apply(alert, close, NOW).alert();
    }

    @Test
    void theVerdictOfTheLastCloseIsKeptAndAReopenClearsIt() throws Exception {
        Alert closed = closed(alert("A", "sampling.aberration", "ears-c2", false), "不属实");
        assertEquals("不属实", closed.handling().verdict());
        Alert reopened = LIFECYCLE.apply(closed, new AlertAction("A", "reopen", "x", "区食安办", NOW, "复查", null), NOW).alert();
        assertNull(reopened.handling().verdict(), "reopened: no verdict until closed again");
        assertEquals("属实", closed(reopened, "属实").handling().verdict());
    }

    @Test
    void eightRealOfTenCheckedIsEightyPercentWithWilsonsInterval() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            alerts.add(closed(alert("R" + i, "sampling.aberration", "ears-c2", false), "属实"));
        }
        alerts.add(closed(alert("F0", "sampling.aberration", "ears-c2", false), "不属实"));
        alerts.add(closed(alert("F1", "sampling.aberration", "ears-c2", false), "不属实"));
        alerts.add(closed(alert("U0", "sampling.aberration", "ears-c2", false), "无法核实"));
        alerts.add(closed(alert("N0", "sampling.aberration", "ears-c2", false), null));
        alerts.add(alert("O0", "sampling.aberration", "ears-c2", false));
        alerts.add(closed(alert("W0", "sampling.aberration", "ears-c2", true), "不属实"));
        alerts.add(alert("C0", "complaint.spike", "ears-c1", false));

        List<AlertOutcomes.KindOutcome> rows = AlertOutcomes.of(alerts);
        assertEquals(List.of("complaint.spike", "sampling.aberration", "合计"),
                rows.stream().map(AlertOutcomes.KindOutcome::kind).toList());
        AlertOutcomes.KindOutcome aberration = rows.get(1);
        assertEquals("ears-c2", aberration.detector());
        assertEquals(List.of(13, 12, 8, 2, 1, 1), List.of(aberration.alerts(), aberration.closed(), aberration.real(),
                aberration.notReal(), aberration.undetermined(), aberration.closedWithoutVerdict()),
                "the withdrawn alarm counts nowhere");
        assertEquals(0.8, aberration.ppv(), 1e-12);
        // Wilson score interval of 8/10 at 95 %: 0.4902 to 0.9433.
        assertEquals(0.4902, aberration.ppvLow(), 5e-5);
        assertEquals(0.9433, aberration.ppvHigh(), 5e-5);
        assertNull(rows.get(0).ppv(), "no verdict yet: no value");
        assertEquals(14, rows.get(2).alerts());
    }
}
