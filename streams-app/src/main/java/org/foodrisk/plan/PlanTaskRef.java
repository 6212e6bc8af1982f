package org.foodrisk.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A responsible plan task as an alert names it (contract: planTasks[] = {taskId, plan, number,
 * title, leadUnits, coUnits}); {@code match} says why it was chosen (specific / owner / fallback /
 * target).
 *
 * <p>Issue 15 made responsibility per clause: {@code leadUnits}/{@code coUnits} are the units of the
 * chosen {@code clause} — the ones that must act on this alert — under their current names (蓟州's
 * 市场监管局 is 区市场监管局, 区卫计委 is 区卫生健康委, see {@link UnitNames}); the clause keeps the plan's
 * own wording. {@code taskLeadUnits}/{@code taskCoUnits} are the task's union over all its clauses
 * (what {@code leadUnits} meant before), for context. {@code planYear} and {@code planNote} say when
 * the plan is not the district's own plan for the signal's year; {@code reasons} why this clause.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanTaskRef(String taskId, String plan, String number, String title, List<String> leadUnits,
                          List<String> coUnits, String match, PlanClause clause, List<String> taskLeadUnits,
                          List<String> taskCoUnits, Integer planYear, String planNote, List<String> reasons) {

    public PlanTaskRef(String taskId, String plan, String number, String title, List<String> leadUnits,
                       List<String> coUnits, String match) {
        this(taskId, plan, number, title, leadUnits, coUnits, match, null, null, null, null, null, null);
    }

    /** The whole task, for a reference that names no clause (a catalog entry without responsibilities). */
    public static PlanTaskRef of(Plan plan, PlanTask task, String match) {
        return new PlanTaskRef(task.taskId(), plan.title(), task.number(), task.title(),
                UnitNames.current(plan, task.leadUnits()), coUnits(plan, task.leadUnits(), task.coUnits()), match,
                null, null, null, plan.year(), null, null);
    }

    /** One clause of a task: its units answer for the alert, the task's union is context. */
    public static PlanTaskRef of(Plan plan, PlanTask task, PlanClause clause, String match, String planNote,
                                 List<String> reasons) {
        return new PlanTaskRef(task.taskId(), plan.title(), task.number(), task.title(),
                UnitNames.current(plan, clause.leadUnits()), coUnits(plan, clause.leadUnits(), clause.coUnits()),
                match, Clauses.forAlert(clause), UnitNames.current(plan, task.leadUnits()),
                coUnits(plan, task.leadUnits(), task.coUnits()), plan.year(), planNote,
                reasons == null ? null : List.copyOf(reasons));
    }

    private static List<String> coUnits(Plan plan, List<String> leads, List<String> coUnits) {
        List<String> currentLeads = UnitNames.current(plan, leads);
        return UnitNames.current(plan, coUnits).stream().filter(u -> !currentLeads.contains(u)).toList();
    }
}
