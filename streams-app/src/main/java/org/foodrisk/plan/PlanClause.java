package org.foodrisk.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One responsibility clause of a task, as the plan writes it: its position in the task (1 = the first
 * bracket), the bracket's text ({@code asWritten}), the sentences it answers for ({@code subject}, the
 * text between the previous bracket and this one, shortened for an alert), and its units as written.
 * An alert names the clause it was routed to, so a unit sees the sentence that obliges it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanClause(int index, String asWritten, String subject, List<String> leadUnits, List<String> coUnits) {

    /** Subjects are quoted, not stored whole: an alert carries a few clauses and stays small. */
    static final int MAX_SUBJECT_CHARS = 300;

    public PlanClause {
        leadUnits = leadUnits == null ? List.of() : List.copyOf(leadUnits);
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    }
}
