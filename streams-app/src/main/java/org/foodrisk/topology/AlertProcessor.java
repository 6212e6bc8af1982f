package org.foodrisk.topology;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertBounds;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.alert.AlertStatus;
import org.foodrisk.alert.AlertUpdater;
import org.foodrisk.alert.AlertWithdrawal;
import org.foodrisk.detect.Detection;
import org.foodrisk.kafka.Json;
import org.foodrisk.plan.PlanRouter;
import org.foodrisk.plan.PlanTaskRef;
import org.foodrisk.plan.RoutingQuery;
import org.foodrisk.topics.Topics;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.foodrisk.alert.DeadlinePolicy;

/**
 * Keeps the current version of every alert (keyed by alertId) and turns detections and people's
 * actions into new versions. A new risk becomes version 1 with its responsible plan tasks; a
 * known one changes only when a detection adds something; an action is applied if the alert's
 * lifecycle allows it, else dead-lettered with the reason. Every minute of wall-clock time the
 * open alerts are checked against their deadlines, so overdue never waits for traffic. Under
 * exactly-once processing the store and the alerts topic move together: a crash neither loses
 * nor repeats a version.
 */
final class AlertProcessor extends ContextualProcessor<String, AlertCommand, String, AlertOutcome> {

    private final PlanRouter router;
    private final ZoneId zone;
    private final AlertLifecycle lifecycle;
    private final Duration overdueCheckEvery;
    private KeyValueStore<String, Alert> alerts;
    private final PendingDeadlines pending = new PendingDeadlines();

    private final DeadlinePolicy deadlines;

    AlertProcessor(PlanRouter router, ZoneId zone, AlertLifecycle lifecycle, Duration overdueCheckEvery,
                   DeadlinePolicy deadlines) {
        this.deadlines = deadlines;
        this.router = router;
        this.zone = zone;
        this.lifecycle = lifecycle;
        this.overdueCheckEvery = overdueCheckEvery;
    }

    @Override
    public void init(ProcessorContext<String, AlertOutcome> context) {
        super.init(context);
        alerts = context.getStateStore(StoreNames.ALERTS);
        // Kafka Streams calls init again on the restored store after a restart or a task's revival.
        pending.clear();
        try (KeyValueIterator<String, Alert> all = alerts.all()) {
            all.forEachRemaining(entry -> pending.update(entry.value));
        }
        context.schedule(overdueCheckEvery, PunctuationType.WALL_CLOCK_TIME, this::markOverdue);
    }

    @Override
    public void process(Record<String, AlertCommand> record) {
        AlertCommand command = record.value();
        if (command.detection() != null) {
            detect(record.key(), command.detection(), record.timestamp());
        } else if (command.action() != null) {
            act(record.key(), command, record.timestamp());
        }
    }

    private void detect(String alertId, Detection detection, long timestamp) {
        Alert current = alerts.get(alertId);
        if (detection.isWithdrawal()) {
            withdraw(current, detection, timestamp);
            return;
        }
        List<PlanTaskRef> planTasks = current == null || current.planTasks().isEmpty() ? route(detection) : List.of();
        AlertUpdater.apply(current, detection, planTasks, now(), deadlines).ifPresent(next -> emit(next.noted(
                current == null ? "新建：" + detection.kind()
                        : next.status() != current.status() ? "新证据重新打开"
                        : next.level() != current.level() ? "升级为" + next.levelName()
                        : "新证据（共" + next.evidence().size() + "条）"), timestamp, null));
    }

    /**
     * Late reports turned an alarmed period into no alarm. An alert that stands on that period alone is
     * withdrawn (a new version saying so); one that other periods also raised keeps standing, with a line
     * in its history. A closed alert, or none, needs nothing.
     */
    private void withdraw(Alert current, Detection withdrawal, long timestamp) {
        if (current == null || current.status() == AlertStatus.CLOSED) {
            return;
        }
        String period = withdrawal.windowStart().atZoneSameInstant(zone).toLocalDate().toString();
        if (AlertWithdrawal.standsOnlyOn(current, withdrawal.windowStart(), withdrawal.windowEnd())) {
            emit(AlertWithdrawal.withdraw(current, withdrawal.judgement(), now())
                    .noted("撤回：" + period + "迟到报告复核后不再超出预警阈值" + withdrawal.judgement().describe()), timestamp,
                    null);
        }
        // Else the alert stands on other periods too: its window and evidence stay as they are, and the
        // next verdict of those periods speaks for itself.
    }

    private void act(String alertId, AlertCommand command, long timestamp) {
        AlertLifecycle.Outcome outcome = lifecycle.apply(alerts.get(alertId), command.action(), now());
        if (outcome.isAccepted()) {
            emit(outcome.alert().noted(command.action().action() + "：" + command.action().unit()
                    + (command.action().by() == null ? "" : "（" + command.action().by() + "）")), timestamp, command);
            return;
        }
        context().forward(new Record<>(alertId, new DeadLetter(command.sourceTopic(), command.partition(),
                command.offset(), alertId, command.rawValue(), null, "action-refused", outcome.refusal(),
                now().withOffsetSameInstant(ZoneOffset.UTC)), timestamp));
    }

    private void markOverdue(long wallClockMillis) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(wallClockMillis), zone);
        List<Alert> changed = new ArrayList<>();
        for (String alertId : pending.dueBefore(now)) {
            lifecycle.markOverdue(alerts.get(alertId), now).ifPresent(changed::add);
        }
        changed.forEach(alert -> emit(alert.noted("超期：" + String.join("、", alert.handling().deadlines().overdue())),
                wallClockMillis, null));
    }

    /**
     * Stores and writes the new version — unless it is larger than {@link AlertBounds#MAX_ALERT_BYTES}.
     * The bounds of {@link AlertBounds} keep every alert far below that; this is the last guard, because
     * a version the changelog or the alerts topic refuses would fail the stream thread on the same record
     * after every restart (issue 14). Such a version is refused like a refused action: a dead letter says
     * why, and the alert stays as it was.
     *
     * @param cause the action that made the version, or null (a detection, a deadline)
     */
    private void emit(Alert alert, long timestamp, AlertCommand cause) {
        int bytes = jsonBytes(alert);
        if (bytes > AlertBounds.MAX_ALERT_BYTES) {
            context().forward(new Record<>(alert.alertId(), new DeadLetter(
                    cause != null && cause.sourceTopic() != null ? cause.sourceTopic() : Topics.ALERTS,
                    cause == null ? null : cause.partition(), cause == null ? null : cause.offset(), alert.alertId(),
                    cause == null ? null : cause.rawValue(), null, "alert-too-large",
                    "version " + alert.version() + " of alert " + alert.alertId() + " would have " + bytes
                            + " bytes, more than the " + AlertBounds.MAX_ALERT_BYTES + " an alert may have; not written",
                    now().withOffsetSameInstant(ZoneOffset.UTC)), timestamp));
            return;
        }
        alerts.put(alert.alertId(), alert);
        pending.update(alert);
        context().forward(new Record<>(alert.alertId(), new AlertOutcome.Version(alert), timestamp));
    }

    private static int jsonBytes(Alert alert) {
        try {
            return Json.MAPPER.writeValueAsBytes(alert).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + alert.alertId() + " as JSON", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), zone);
    }

    private List<PlanTaskRef> route(Detection detection) {
        if (!detection.taskIds().isEmpty()) {
            OffsetDateTime start = detection.windowStart() != null ? detection.windowStart() : detection.windowEnd();
            Integer year = start == null ? null : start.atZoneSameInstant(zone).getYear();
            return detection.taskIds().stream().flatMap(id -> router.task(id, year).stream()).toList();
        }
        OffsetDateTime when = detection.windowEnd() != null ? detection.windowEnd() : detection.windowStart();
        int year = when == null ? now().getYear() : when.atZoneSameInstant(zone).getYear();
        // Without a place type, a business's name often says where it feeds many (某小学食堂, 某养老院): routing
        // reads only setting words from it (RoutingWords.SETTINGS), so 某超市 names none.
        String setting = detection.setting() != null ? detection.setting()
                : detection.enterprise() == null ? null : detection.enterprise().name();
        return router.route(new RoutingQuery(detection.districtCode(), detection.districtName(), year,
                detection.signalType().wireName(), detection.foodCategory(), detection.foodName(), detection.hazard(),
                detection.substance(), detection.stage(), setting));
    }
}
