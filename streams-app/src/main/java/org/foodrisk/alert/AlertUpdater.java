package org.foodrisk.alert;

import org.foodrisk.detect.AlertLevel;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Evidence;
import org.foodrisk.plan.PlanTaskRef;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.time.Duration;
import java.util.Collections;

/**
 * Turns a detection into the next version of its alert — or into nothing, when the detection
 * adds nothing the alert does not already say. That is how an alert "does not fire again for
 * the same key while open": a detector repeating itself produces no new version and no noise.
 *
 * <p>A detection for an open alert adds its evidence, widens the window, takes the newer
 * detector figures, and raises the level if it is higher (a level never falls by itself; people
 * close alerts). A detection for a closed alert reopens it (status 待处置), as new evidence
 * after closure is exactly what analysts need to see.
 */
public final class AlertUpdater {

    /** Evidence kept on one alert; the newest win. Bounded so that a long-running risk stays readable. */
    static final int MAX_EVIDENCE = AlertBounds.MAX_EVIDENCE;


    private AlertUpdater() {
    }

    public static Optional<Alert> apply(Alert current, Detection detection, List<PlanTaskRef> planTasks,
                                        OffsetDateTime now) {
        return apply(current, detection, planTasks, now, DeadlinePolicy.defaults());
    }

    /** As {@link #apply(Alert, Detection, List, OffsetDateTime)}, with the deadlines by level configured. */
    public static Optional<Alert> apply(Alert current, Detection detection, List<PlanTaskRef> planTasks,
                                        OffsetDateTime now, DeadlinePolicy deadlines) {
        if (current == null) {
            return Optional.of(create(detection, planTasks, now, deadlines));
        }
        List<Evidence> evidence = mergeEvidence(current.evidence(), detection.evidence());
        AlertLevel level = AlertLevel.max(current.level(), detection.level());
        Alert.Window window = widen(current.window(), detection);
        if (current.status() == AlertStatus.CLOSED && inQuietPeriod(current, detection)) {
            return Optional.empty();
        }
        boolean reopened = current.status() == AlertStatus.CLOSED;
        boolean changed = reopened
                || !evidence.equals(current.evidence())
                || level != current.level()
                || !Objects.equals(window, current.window())
                || !Objects.equals(detection.detector(), current.detector());
        if (!changed) {
            return Optional.empty();
        }
        return Optional.of(new Alert(current.alertId(), current.version() + 1,
                reopened ? AlertStatus.OPEN : current.status(), level, level.levelName(), current.kind(),
                detection.headline() != null ? detection.headline() : current.headline(),
                firstNonNull(current.districtCode(), detection.districtCode()),
                firstNonNull(current.districtName(), detection.districtName()),
                firstNonNull(current.foodCategory(), detection.foodCategory()),
                firstNonNull(current.foodName(), detection.foodName()),
                firstNonNull(current.hazard(), detection.hazard()),
                firstNonNull(current.substance(), detection.substance()),
                firstNonNull(current.enterprise(), detection.enterprise()),
                window, detection.detector(), evidence,
                current.planTasks().isEmpty() ? boundedTasks(planTasks) : current.planTasks(),
                detection.recommendedActions().isEmpty() ? current.recommendedActions() : detection.recommendedActions(),
                current.firstDetectedAt(), now, current.dedupKey(), current.detections() + 1,
                reopened ? reopen(current.handling(), level, now, deadlines) : current.handling().withDeadlines(
                        deadlines.deadlinesFor(level, current.firstDetectedAt(), current.handling().deadlines())),
                current.history(), detection.judgement() != null ? detection.judgement() : current.judgement()));
    }

    /**
     * After people close an alert, the same risk at the same or a lower level does not reopen it
     * for {@link #QUIET_PERIOD} of event time after the closure: the evidence that made them act is
     * still arriving (late lab reports, repeated posts), and reopening on it would be noise.
     * A higher level reopens at once.
     */
    private static boolean inQuietPeriod(Alert closed, Detection detection) {
        if (closed.judgement() != null && closed.judgement().withdrawn()) {
            return false; // closed by late reports, not by people who acted: a renewed alarm is news
        }
        OffsetDateTime closedAt = closed.handling().closedAt();
        OffsetDateTime seen = detection.windowEnd() != null ? detection.windowEnd() : detection.windowStart();
        return closedAt != null && seen != null && detection.level().compareTo(closed.level()) <= 0
                && seen.isBefore(closedAt.plus(QUIET_PERIOD));
    }

    static final Duration QUIET_PERIOD = Duration.ofDays(7);

    /**
     * The first (most relevant: routing orders them) plan tasks within {@link AlertBounds#MAX_PLAN_TASKS}
     * and {@link AlertBounds#MAX_PLAN_TASK_BYTES}; the first is always kept. Each task is bounded by
     * {@link PlanTaskRef} itself.
     */
    static List<PlanTaskRef> boundedTasks(List<PlanTaskRef> planTasks) {
        if (planTasks == null || planTasks.isEmpty()) {
            return planTasks;
        }
        List<PlanTaskRef> lastFirst = new ArrayList<>(planTasks);
        Collections.reverse(lastFirst);
        List<PlanTaskRef> kept = new ArrayList<>(
                NewestWithinBudget.of(lastFirst, AlertBounds.MAX_PLAN_TASKS, AlertBounds.MAX_PLAN_TASK_BYTES));
        Collections.reverse(kept);
        return kept;
    }

    private static Alert create(Detection detection, List<PlanTaskRef> planTasks, OffsetDateTime now,
                                DeadlinePolicy deadlines) {
        return new Alert(AlertIds.of(detection.dedupKey()), 1, AlertStatus.OPEN, detection.level(),
                detection.level().levelName(), detection.kind(), detection.headline(), detection.districtCode(),
                detection.districtName(), detection.foodCategory(), detection.foodName(), detection.hazard(),
                detection.substance(), detection.enterprise(),
                new Alert.Window(detection.windowStart(), detection.windowEnd()), detection.detector(),
                mergeEvidence(List.of(), detection.evidence()), boundedTasks(planTasks), detection.recommendedActions(), now, now,
                detection.dedupKey(), 1,
                Handling.none().withDeadlines(deadlines.deadlinesFor(detection.level(), now, null)), List.of(),
                detection.judgement());
    }

    /** New evidence after closure reopens the alert with fresh deadlines from now. */
    private static Handling reopen(Handling handling, AlertLevel level, OffsetDateTime now, DeadlinePolicy deadlines) {
        return new Handling(handling.assignedUnit(), null, null, null, deadlines.deadlinesFor(level, now, null),
                handling.actions(), handling.shared(), null);
    }

    private static List<Evidence> mergeEvidence(List<Evidence> current, List<Evidence> added) {
        Map<String, Evidence> byId = new LinkedHashMap<>();
        for (Evidence e : current) {
            byId.put(e.signal() + ":" + e.id(), e);
        }
        for (Evidence e : added) {
            byId.put(e.signal() + ":" + e.id(), e);
        }
        List<Evidence> merged = new ArrayList<>(byId.values());
        merged.sort(Comparator.comparing((Evidence e) -> e.at().toInstant()).thenComparing(Evidence::id));
        return List.copyOf(NewestWithinBudget.of(merged, MAX_EVIDENCE, AlertBounds.MAX_EVIDENCE_BYTES));
    }

    private static Alert.Window widen(Alert.Window current, Detection detection) {
        OffsetDateTime start = earlier(current.start(), detection.windowStart());
        OffsetDateTime end = later(current.end(), detection.windowEnd());
        return new Alert.Window(start, end);
    }

    private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isBefore(a) ? a : b;
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
