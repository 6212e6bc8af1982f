package org.foodrisk.communication;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The life of a risk communication: drafted once, edited while 草稿, then approved (已批准) or withdrawn (已撤回) —
 * nothing changes after either. Approval is the food-safety office's and needs a second person: whoever wrote
 * the text last may not approve it (the four-eyes rule of official publication). Anything else is refused with a
 * reason (a dead letter).
 */
public final class CommunicationLifecycle {

    /** Either the next version or why the action was refused. */
    public record Outcome(RiskCommunication communication, String refusal) {

        public boolean isAccepted() {
            return communication != null;
        }

        static Outcome refused(String reason) {
            return new Outcome(null, reason);
        }
    }

    private final Set<String> approvingUnits;

    /** @param approvingUnits the offices whose members approve (区食安办 …); an admin acts with one of them */
    public CommunicationLifecycle(Set<String> approvingUnits) {
        this.approvingUnits = Set.copyOf(approvingUnits);
    }

    public Outcome apply(RiskCommunication current, CommunicationAction action, OffsetDateTime now) {
        if (CommunicationAction.DRAFT.equals(action.action())) {
            return draft(current, action, now);
        }
        if (current == null) {
            return Outcome.refused("no risk communication " + action.communicationId() + " was drafted");
        }
        if (current.status() != CommunicationStatus.草稿) {
            return Outcome.refused(action.communicationId() + " is " + current.status() + ": nothing changes after that");
        }
        List<CommunicationEdit> history = new ArrayList<>(current.history());
        history.add(new CommunicationEdit(action.action(), action.by(), action.unit(), now, action.note()));
        return switch (action.action()) {
            case CommunicationAction.EDIT -> complete(action) ? new Outcome(new RiskCommunication(current.communicationId(),
                    current.version() + 1, current.alertId(), current.districtCode(), current.districtName(),
                    action.kind(), action.title().strip(), action.body().strip(), action.advice().strip(),
                    action.issuer().strip(), action.issueDate(), CommunicationStatus.草稿, history, null, null, now), null)
                    : Outcome.refused("an edit gives the whole text: kind, title, body, advice, issuer and issueDate");
            case CommunicationAction.APPROVE -> approve(current, action, history, now);
            case CommunicationAction.WITHDRAW -> new Outcome(with(current, CommunicationStatus.已撤回, history, null, null, now),
                    null);
            default -> Outcome.refused("unknown action " + action.action() + " (draft, edit, approve or withdraw)");
        };
    }

    private Outcome draft(RiskCommunication current, CommunicationAction action, OffsetDateTime now) {
        if (current != null) {
            return Outcome.refused(action.communicationId() + " is drafted already; edit it");
        }
        if (!complete(action) || action.alertId() == null) {
            return Outcome.refused("a draft needs alertId, kind, title, body, advice, issuer and issueDate");
        }
        return new Outcome(new RiskCommunication(action.communicationId(), 1, action.alertId(), action.districtCode(),
                action.districtName(), action.kind(), action.title().strip(), action.body().strip(), action.advice().strip(),
                action.issuer().strip(), action.issueDate(), CommunicationStatus.草稿,
                List.of(new CommunicationEdit(CommunicationAction.DRAFT, action.by(), action.unit(), now, action.note())),
                null, null, now), null);
    }

    private Outcome approve(RiskCommunication current, CommunicationAction action, List<CommunicationEdit> history,
                            OffsetDateTime now) {
        if (action.unit() == null || !approvingUnits.contains(action.unit())) {
            return Outcome.refused("approval is the food-safety office's (" + String.join("、", approvingUnits.stream().sorted()
                    .toList()) + "), not " + action.unit() + "'s");
        }
        if (action.by().equals(current.lastAuthor())) {
            return Outcome.refused(action.by() + " wrote this text last and may not approve it: a second person approves");
        }
        return new Outcome(with(current, CommunicationStatus.已批准, history, action.by(), now, now), null);
    }

    private static RiskCommunication with(RiskCommunication c, CommunicationStatus status, List<CommunicationEdit> history,
                                          String approvedBy, OffsetDateTime approvedAt, OffsetDateTime now) {
        return new RiskCommunication(c.communicationId(), c.version() + 1, c.alertId(), c.districtCode(), c.districtName(),
                c.kind(), c.title(), c.body(), c.advice(), c.issuer(), c.issueDate(), status, history, approvedBy, approvedAt,
                now);
    }

    private static boolean complete(CommunicationAction action) {
        return !blank(action.kind()) && !blank(action.title()) && !blank(action.body()) && !blank(action.advice())
                && !blank(action.issuer()) && action.issueDate() != null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
