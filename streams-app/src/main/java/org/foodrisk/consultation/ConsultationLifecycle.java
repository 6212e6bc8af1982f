package org.foodrisk.consultation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The life of a 会商 record: recorded once as the meeting held it (a record is not rewritten: what was decided
 * stays as decided), then each decision reported on by its unit — 待落实 → 落实中 → 已落实 — or by the food-safety
 * office that keeps the record. Anything else is refused with a reason (a dead letter).
 */
public final class ConsultationLifecycle {

    /** Either the next version of the record or why the action was refused. */
    public record Outcome(Consultation consultation, String refusal) {

        public boolean isAccepted() {
            return consultation != null;
        }

        static Outcome refused(String reason) {
            return new Outcome(null, reason);
        }
    }

    private final Set<String> supervisingUnits;

    /** @param supervisingUnits the units that keep the records (区食安办 …) and may report for any unit */
    public ConsultationLifecycle(Set<String> supervisingUnits) {
        this.supervisingUnits = Set.copyOf(supervisingUnits);
    }

    public Outcome apply(Consultation current, ConsultationAction action, OffsetDateTime now) {
        return switch (action.action()) {
            case ConsultationAction.RECORD -> record(current, action, now);
            case ConsultationAction.PROGRESS -> progress(current, action, now);
            default -> Outcome.refused("unknown action " + action.action() + " (record or progress)");
        };
    }

    private Outcome record(Consultation current, ConsultationAction action, OffsetDateTime now) {
        if (current != null) {
            return Outcome.refused("会商 " + action.consultationId() + " is recorded already (version " + current.version()
                    + "); what a meeting decided is not rewritten: report on its decisions with progress, or record "
                    + "another meeting");
        }
        if (blank(action.district()) || blank(action.period()) || blank(action.title()) || action.heldAt() == null) {
            return Outcome.refused("a 会商 record needs district, period, title and heldAt");
        }
        List<Decision> decisions = new ArrayList<>();
        for (ConsultationAction.DecisionDraft draft : action.decisions()) {
            if (blank(draft.text()) || blank(draft.unit()) || draft.dueBy() == null) {
                return Outcome.refused("decision " + (decisions.size() + 1) + " needs text, unit and dueBy");
            }
            decisions.add(new Decision(action.consultationId() + "-" + (decisions.size() + 1), draft.text().strip(),
                    draft.unit().strip(), draft.dueBy(), draft.alertIds(), draft.caseIds(), DecisionState.待落实,
                    List.of(), null));
        }
        return new Outcome(new Consultation(action.consultationId(), 1, action.district().strip(), action.districtName(),
                action.period().strip(), action.title().strip(), action.heldAt(), action.attendees(), action.risks(),
                decisions, action.by(), now, now), null);
    }

    private Outcome progress(Consultation current, ConsultationAction action, OffsetDateTime now) {
        if (current == null) {
            return Outcome.refused("no 会商 " + action.consultationId() + " is recorded");
        }
        List<Decision> decisions = new ArrayList<>(current.decisions());
        int index = -1;
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i).decisionId().equals(action.decisionId())) {
                index = i;
            }
        }
        if (index < 0) {
            return Outcome.refused("会商 " + action.consultationId() + " has no decision " + action.decisionId());
        }
        Decision decision = decisions.get(index);
        if (action.unit() != null && !action.unit().equals(decision.unit()) && !supervisingUnits.contains(action.unit())) {
            return Outcome.refused("decision " + decision.decisionId() + " is " + decision.unit() + "'s; " + action.unit()
                    + " may not report on it");
        }
        if (decision.state() == DecisionState.已落实) {
            return Outcome.refused("decision " + decision.decisionId() + " is 已落实 already");
        }
        if (action.state() == null || action.state() == DecisionState.待落实) {
            return Outcome.refused("progress moves a decision to 落实中 or 已落实");
        }
        if (blank(action.note())) {
            return Outcome.refused("progress needs a note: what was done");
        }
        OffsetDateTime at = action.at() != null ? action.at() : now;
        List<DecisionProgress> progress = new ArrayList<>(decision.progress());
        progress.add(new DecisionProgress(action.by(), action.unit(), at, action.state(), action.note().strip()));
        decisions.set(index, new Decision(decision.decisionId(), decision.text(), decision.unit(), decision.dueBy(),
                decision.alertIds(), decision.caseIds(), action.state(), progress,
                action.state() == DecisionState.已落实 ? at : null));
        return new Outcome(current.withDecisions(decisions, now), null);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
