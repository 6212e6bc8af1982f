package org.foodrisk.plan;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/routing}: the governing plan, a note when it is not the district's
 * own plan for that year, the chosen clauses (as an alert carries them, each with its reasons), and the
 * best-scoring candidate clauses with their points and reasons, chosen or not.
 */
public record RoutingExplanation(String planId, String plan, String planNote, List<PlanTaskRef> tasks,
                                 List<Candidate> candidates) {

    public record Candidate(String taskId, String number, int clause, int points, boolean eligible, boolean chosen,
                            List<String> reasons) {
    }
}
