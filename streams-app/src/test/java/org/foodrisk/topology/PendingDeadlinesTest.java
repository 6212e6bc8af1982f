package org.foodrisk.topology;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.alert.AlertUpdater;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.detect.Detection;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.plan.PlanTaskRef;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The overdue check reads only the alerts {@code AlertLifecycle.markOverdue} would change: an open alert after its
 * acknowledge-by, any unclosed one after its close-by, each once.
 */
class PendingDeadlinesTest {

    private static final OffsetDateTime DETECTED = OffsetDateTime.parse("2024-06-03T08:00:00+08:00");
    private static final AlertLifecycle LIFECYCLE = new AlertLifecycle(Set.of("区食安办"));

    private static Alert raised(String district) {
        Detection detection = Detection.of("sampling.critical-hazard", "sampling.critical-hazard|" + district + "|肉制品",
                        AlertLevel.RED, SignalType.SAMPLING)
                .district(district, "武清区")
                .food("肉制品", "酱牛肉")
                .hazard(null, "克伦特罗")
                .window(DETECTED, DETECTED)
                .headline("酱牛肉检出克伦特罗")
                .build();
        PlanTaskRef task = new PlanTaskRef("wuqing-2024-17", "武清区2024年食品安全监管工作计划", "（十七）", "农兽药残留专项整治",
                List.of("区市场监管局"), List.of(), "specific");
        return AlertUpdater.apply(null, detection, List.of(task), DETECTED).orElseThrow();
    }

    @Test
    void anOpenAlertIsDueAfterItsAcknowledgeByThenAfterItsCloseByThenNever() {
        Alert alert = raised("120114");
        OffsetDateTime acknowledgeBy = alert.handling().deadlines().acknowledgeBy();
        OffsetDateTime closeBy = alert.handling().deadlines().closeBy();
        assertNotNull(acknowledgeBy);
        assertNotNull(closeBy);
        PendingDeadlines pending = new PendingDeadlines();
        pending.update(alert);

        assertEquals(List.of(), pending.dueBefore(acknowledgeBy), "not at the deadline itself: after it");
        OffsetDateTime later = acknowledgeBy.plusMinutes(1);
        assertEquals(List.of(alert.alertId()), pending.dueBefore(later));

        Alert marked = LIFECYCLE.markOverdue(alert, later).orElseThrow();
        pending.update(marked);
        assertEquals(List.of(), pending.dueBefore(later), "marked once: due again only at its close-by");
        assertEquals(closeBy.toInstant(), PendingDeadlines.next(marked));

        Alert closedOverdue = LIFECYCLE.markOverdue(marked, closeBy.plusMinutes(1)).orElseThrow();
        pending.update(closedOverdue);
        assertNull(PendingDeadlines.next(closedOverdue), "both deadlines marked: nothing left to check");
        assertEquals(0, pending.size());
    }

    @Test
    void dueAlertsComeInTheStoresKeyOrderAsTheFullScanGaveThem() {
        PendingDeadlines pending = new PendingDeadlines();
        Alert second = raised("120116");
        Alert first = raised("120114");
        pending.update(second);
        pending.update(first);
        List<String> ids = List.of(first.alertId(), second.alertId()).stream().sorted(StoreKeyOrder.INSTANCE).toList();
        assertEquals(ids, pending.dueBefore(first.handling().deadlines().closeBy().plusDays(1)));
    }
}
