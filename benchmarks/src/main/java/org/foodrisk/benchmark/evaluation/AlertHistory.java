package org.foodrisk.benchmark.evaluation;

import org.foodrisk.detect.Judgement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** All versions of one alert (one alertId) in the order written. */
record AlertHistory(List<ObservedAlert> versions) {

    AlertHistory {
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("an alert without versions");
        }
    }

    /** Groups a run's alert versions by alertId, alerts in the order of their first version. */
    static List<AlertHistory> of(Collection<ObservedAlert> versions) {
        Map<String, List<ObservedAlert>> byId = new LinkedHashMap<>();
        for (ObservedAlert alert : versions) {
            byId.computeIfAbsent(alert.alertId(), id -> new ArrayList<>()).add(alert);
        }
        return byId.values().stream().map(AlertHistory::new).toList();
    }

    ObservedAlert first() {
        return versions.get(0);
    }

    ObservedAlert latest() {
        return versions.get(versions.size() - 1);
    }

    String kind() {
        return first().kind();
    }

    String districtCode() {
        return first().districtCode();
    }

    /** Raised on late reports: its first verdict was 补判 (the day had been judged quiet before). */
    boolean raisedLate() {
        return Judgement.RAISED_LATE.equals(first().judgementState());
    }

    boolean everUpdatedOnLateReports() {
        return versions.stream().anyMatch(v -> Judgement.UPDATED.equals(v.judgementState()));
    }

    boolean everWithdrawn() {
        return versions.stream().anyMatch(v -> Judgement.WITHDRAWN.equals(v.judgementState()));
    }

    boolean judgedOnClosedPeriod() {
        return versions.stream().anyMatch(v -> Objects.nonNull(v.judgementState()));
    }
}
