package org.foodrisk.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.foodrisk.ingest.BoundedText;

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

    /** Caps of what an alert carries of a task (issue 14): within the alerts schema's, and small. */
    static final int MAX_TEXT_CHARS = 300;
    static final int MAX_UNITS = 12;
    /**
     * A unit's name, characters; also the bound of the unit an action names (AlertBounds), so that any
     * unit that can act can be named.
     */
    public static final int MAX_UNIT_CHARS = 256;
    static final int MAX_REASONS = 10;
    static final int MAX_REASON_CHARS = 200;

    /**
     * The plan catalogue is operators' data, published on a topic: every text and list an alert copies
     * from it is bounded here, so that the few tasks an alert names stay a few KiB whatever the catalogue
     * holds (AlertBounds counts on it).
     */
    public PlanTaskRef {
        taskId = BoundedText.abbreviated(taskId, 128);
        plan = BoundedText.abbreviated(plan, MAX_TEXT_CHARS);
        number = BoundedText.abbreviated(number, 64);
        title = BoundedText.abbreviated(title, MAX_TEXT_CHARS);
        leadUnits = units(leadUnits);
        coUnits = units(coUnits);
        match = BoundedText.abbreviated(match, 64);
        clause = clause == null ? null : Clauses.forAlert(clause);
        taskLeadUnits = taskLeadUnits == null ? null : units(taskLeadUnits);
        taskCoUnits = taskCoUnits == null ? null : units(taskCoUnits);
        planNote = BoundedText.abbreviated(planNote, MAX_TEXT_CHARS);
        reasons = reasons == null ? null : reasons.stream().limit(MAX_REASONS)
                .map(r -> BoundedText.abbreviated(r, MAX_REASON_CHARS)).toList();
    }

    static List<String> units(List<String> units) {
        return units == null ? List.of() : units.stream().limit(MAX_UNITS)
                .map(u -> BoundedText.abbreviated(u, MAX_UNIT_CHARS)).toList();
    }

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
