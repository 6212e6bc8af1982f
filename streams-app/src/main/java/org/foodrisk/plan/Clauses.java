package org.foodrisk.plan;

import java.util.ArrayList;
import java.util.List;
import org.foodrisk.ingest.BoundedText;

/**
 * Splits a task into its responsibility clauses. The catalog gives each clause's bracket as written
 * ({@code responsibilities[].asWritten}); the sentences a bracket answers for are the task text
 * between the previous bracket and this one (the first clause also has the task's heading), which is
 * how the plans write them: 「…监测农兽药残留等指标质量安全。（区农业农村委、区市场监管局按职责分工负责）」.
 */
final class Clauses {

    private Clauses() {
    }

    /** The task's clauses in order, with the full subject text (not shortened). */
    static List<PlanClause> of(PlanTask task) {
        String text = task.text() == null ? "" : task.text();
        List<PlanClause> clauses = new ArrayList<>();
        int from = 0;
        int index = 0;
        for (PlanTask.Responsibility r : task.responsibilities()) {
            index++;
            String bracket = r.asWritten() == null ? "" : r.asWritten();
            int at = bracket.isEmpty() ? -1 : text.indexOf(bracket, from);
            String subject;
            if (at < 0) {
                // Not found verbatim (a catalog entry edited by hand): answer for the whole task.
                subject = text;
            } else {
                int open = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
                subject = text.substring(from, open >= from ? open : at);
                from = at + bracket.length();
                if (from < text.length() && (text.charAt(from) == '）' || text.charAt(from) == ')')) {
                    from++;
                }
            }
            clauses.add(new PlanClause(index, r.asWritten(), subject.strip(), r.leadUnits(), r.coUnits()));
        }
        return clauses;
    }

    /** The clause as an alert carries it: subject shortened to {@link PlanClause#MAX_SUBJECT_CHARS}. */
    static PlanClause forAlert(PlanClause clause) {
        String subject = clause.subject();
        if (subject != null && subject.length() > PlanClause.MAX_SUBJECT_CHARS) {
            subject = subject.substring(0, PlanClause.MAX_SUBJECT_CHARS - 1) + "…";
        }
        return new PlanClause(clause.index(), BoundedText.abbreviated(clause.asWritten(),
                PlanTaskRef.MAX_TEXT_CHARS), subject, PlanTaskRef.units(clause.leadUnits()), PlanTaskRef.units(clause.coUnits()));
    }
}
