package org.foodrisk.plan;

import org.foodrisk.ingest.Signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sampling result's part in each measurable target of the governing plan (issue 15): per target
 * key ({@link TargetScope#keyOf}) {@code [counted, failed, unplaced]} — counted: the result is one the
 * target names; failed: of those, failed for what the target is about; unplaced: the result lacks a
 * field the target needs, so it may or may not belong. Results the target does not name leave no entry.
 * The stores add these up with the record's sign, so a corrected result still counts once.
 */
public final class TargetTally {

    public static final int COUNTED = 0;
    public static final int FAILED = 1;
    public static final int UNPLACED = 2;

    private static final Map<String, List<TargetScope>> SCOPES = new ConcurrentHashMap<>();

    private TargetTally() {
    }

    /** The result's entries (unsigned) for the plan's targets. */
    public static Map<String, long[]> of(Plan plan, Signal result) {
        Map<String, long[]> entries = new TreeMap<>();
        for (TargetScope scope : scopes(plan)) {
            switch (scope.matches(result)) {
                case YES -> entries.put(scope.key(), new long[] {1, scope.failedFor(result) ? 1 : 0, 0});
                case UNKNOWN -> entries.put(scope.key(), new long[] {0, 0, 1});
                case NO -> {
                }
            }
        }
        return entries;
    }

    /** {@code into} plus {@code sign} × {@code entries}, as a new sorted map without all-zero entries. */
    public static Map<String, long[]> add(Map<String, long[]> into, Map<String, long[]> entries, int sign) {
        Map<String, long[]> sum = new TreeMap<>();
        into.forEach((k, v) -> sum.put(k, v.clone()));
        entries.forEach((k, v) -> {
            long[] s = sum.computeIfAbsent(k, x -> new long[3]);
            for (int i = 0; i < 3 && i < v.length; i++) {
                s[i] += sign * v[i];
            }
        });
        sum.values().removeIf(v -> v[0] == 0 && v[1] == 0 && v[2] == 0);
        return sum;
    }

    /** The measurable counted targets of a plan, one scope per key (a volume and its density share one). */
    static List<TargetScope> scopes(Plan plan) {
        return SCOPES.computeIfAbsent(plan.planId() + "@" + System.identityHashCode(plan), k -> {
            Map<String, TargetScope> byKey = new LinkedHashMap<>();
            for (PlanTask task : plan.tasks()) {
                for (PlanTask.Target target : task.targets()) {
                    if (TargetScope.counted(target)) {
                        TargetScope scope = TargetScope.of(task.taskId(), target);
                        if (scope.measurable()) {
                            byKey.putIfAbsent(scope.key(), scope);
                        }
                    }
                }
            }
            return new ArrayList<>(byKey.values());
        });
    }
}
