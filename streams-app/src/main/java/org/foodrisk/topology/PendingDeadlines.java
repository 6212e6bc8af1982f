package org.foodrisk.topology;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertStatus;
import org.foodrisk.alert.Deadlines;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The next deadline of each alert that can still become overdue, in memory: the minute's overdue check reads only the
 * alerts whose deadline has passed instead of decoding every alert ever raised (issue 18 — the alerts store only
 * grows, and its every value was read once a minute). Kept by {@link AlertProcessor} with every version it stores, and
 * rebuilt from the store when its task starts.
 *
 * <p>An alert's next deadline is the earlier of its acknowledge-by (while it is 待签收, not yet marked overdue for it)
 * and its close-by (not yet marked); a closed alert, or one whose deadlines are all marked, has none —
 * exactly the alerts {@code AlertLifecycle.markOverdue} would change, and when.
 */
final class PendingDeadlines {

    private final Map<String, Instant> nextById = new HashMap<>();
    private final TreeMap<Instant, Set<String>> byDeadline = new TreeMap<>();

    /** Takes an alert's stored version into account (a new one, or a new version of a known one). */
    void update(Alert alert) {
        Instant previous = nextById.remove(alert.alertId());
        if (previous != null) {
            Set<String> ids = byDeadline.get(previous);
            ids.remove(alert.alertId());
            if (ids.isEmpty()) {
                byDeadline.remove(previous);
            }
        }
        Instant next = next(alert);
        if (next != null) {
            nextById.put(alert.alertId(), next);
            byDeadline.computeIfAbsent(next, at -> new HashSet<>()).add(alert.alertId());
        }
    }

    /** The alerts with a deadline before {@code now}, in the store's key order (the order the check emits them). */
    List<String> dueBefore(OffsetDateTime now) {
        List<String> due = new ArrayList<>();
        byDeadline.headMap(now.toInstant(), false).values().forEach(due::addAll);
        due.sort(StoreKeyOrder.INSTANCE);
        return due;
    }

    void clear() {
        nextById.clear();
        byDeadline.clear();
    }

    int size() {
        return nextById.size();
    }

    /** The alert's next deadline not yet marked overdue, or null. */
    static Instant next(Alert alert) {
        Deadlines deadlines = alert.handling() == null ? null : alert.handling().deadlines();
        if (deadlines == null || alert.status() == AlertStatus.CLOSED) {
            return null;
        }
        Instant next = null;
        if (alert.status() == AlertStatus.OPEN && deadlines.acknowledgeBy() != null
                && !deadlines.overdue().contains("acknowledge")) {
            next = deadlines.acknowledgeBy().toInstant();
        }
        if (deadlines.closeBy() != null && !deadlines.overdue().contains("close")) {
            Instant close = deadlines.closeBy().toInstant();
            next = next == null || close.isBefore(next) ? close : next;
        }
        return next;
    }
}
