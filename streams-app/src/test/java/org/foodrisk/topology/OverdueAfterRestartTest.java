package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.alert.AlertUpdater;
import org.foodrisk.alert.DeadlinePolicy;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.detect.Detection;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.plan.PlanTaskRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The overdue check after a restart: the alerts an earlier run stored are in the store only, and the processor's
 * in-memory deadlines ({@link PendingDeadlines}) must come from it when the task starts — else an alert raised
 * before a restart would never be marked overdue.
 */
class OverdueAfterRestartTest {

    @Test
    void anAlertStoredBeforeTheRestartIsMarkedOverdueAfterIt() {
        OffsetDateTime detected = OffsetDateTime.parse("2024-06-03T08:00:00+08:00");
        Detection detection = Detection.of("sampling.critical-hazard", "sampling.critical-hazard|120114|肉制品",
                        AlertLevel.RED, SignalType.SAMPLING)
                .district("120114", "武清区").food("肉制品", "酱牛肉").hazard(null, "克伦特罗")
                .window(detected, detected).headline("酱牛肉检出克伦特罗").build();
        Alert stored = AlertUpdater.apply(null, detection, List.of(new PlanTaskRef("wuqing-2024-17",
                "武清区2024年食品安全监管工作计划", "（十七）", "农兽药残留专项整治", List.of("区市场监管局"), List.of(),
                "specific")), detected).orElseThrow();

        MockProcessorContext<String, AlertOutcome> context = new MockProcessorContext<>();
        KeyValueStore<String, Alert> alerts = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.ALERTS),
                Serdes.String(), TopologySerdes.ALERT).withLoggingDisabled().build();
        alerts.init(context.getStateStoreContext(), alerts);
        context.addStateStore(alerts);
        alerts.put(stored.alertId(), stored); // what the run before the restart left

        AlertProcessor processor = new AlertProcessor(null, ZoneId.of("Asia/Shanghai"), AlertLifecycle.defaults(),
                Duration.ofMinutes(1), DeadlinePolicy.defaults());
        processor.init(context);
        long later = stored.handling().deadlines().acknowledgeBy().plusMinutes(1).toInstant().toEpochMilli();
        context.setCurrentSystemTimeMs(later);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(later);

        List<MockProcessorContext.CapturedForward<? extends String, ? extends AlertOutcome>> forwarded = context.forwarded();
        assertEquals(1, forwarded.size(), "one overdue version");
        Alert overdue = ((AlertOutcome.Version) forwarded.get(0).record().value()).alert();
        assertEquals(List.of("acknowledge"), overdue.handling().deadlines().overdue());
        assertEquals(stored.version() + 1, overdue.version());
    }
}
