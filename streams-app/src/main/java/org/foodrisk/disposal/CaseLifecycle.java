package org.foodrisk.disposal;

import org.foodrisk.alert.ActionTime;
import org.foodrisk.alert.AlertBounds;
import org.foodrisk.alert.NewestWithinBudget;
import org.foodrisk.ingest.Signal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a 核查处置 case, as {@link org.foodrisk.alert.AlertLifecycle} is an alert's: opened by a
 * 不合格 result, taken up ({@code accept}: 待核查 → 核查中) and finished ({@code dispose}: → 已处置, with the
 * measures taken) by its unit, noted on ({@code comment}) in any state. Only the case's unit and the
 * supervising food-safety office may act; anything else is refused with a reason (a dead letter).
 * Overdue is judged on the wall clock ({@link #markOverdue}).
 */
public final class CaseLifecycle {

    /** Either the next version of the case or why the action was refused. */
    public record Outcome(DisposalCase disposalCase, String refusal) {

        public boolean isAccepted() {
            return disposalCase != null;
        }
    }

    private final Set<String> supervisingUnits;
    private final DisposalUnits units;
    private final DisposalDeadlines deadlines;

    public CaseLifecycle(Set<String> supervisingUnits, DisposalUnits units, DisposalDeadlines deadlines) {
        this.supervisingUnits = Set.copyOf(supervisingUnits);
        this.units = units;
        this.deadlines = deadlines;
    }

    /** The supervising units of the alerts' lifecycle (区食安办 …). */
    public static Set<String> supervising() {
        return Set.of("区食安办", "食安办", "区食品安全委员会办公室", "区食品安全办");
    }

    /**
     * What a sampling result does to its case: a 不合格 without a case opens one; a correction of the
     * result updates what the case says (a case is never opened twice); a correction to 合格 withdraws a
     * case no one has acted on yet (one that is being handled stays, with the correction in its history
     * for the unit to judge). Retractions (sign −1) only precede the corrected version and change nothing.
     */
    public Optional<DisposalCase> onResult(DisposalCase current, Signal result, OffsetDateTime now) {
        if (result.sign() < 0) {
            return Optional.empty();
        }
        if (current == null) {
            return result.failed() ? Optional.of(open(result, now)) : Optional.empty();
        }
        if (!result.failed() && !current.withdrawn() && current.state() == CaseState.待核查 && current.actions().isEmpty()) {
            return Optional.of(current.with(current.state(), false, null, null, List.of(), null, true, current.actions(), now));
        }
        if (result.failed() && current.withdrawn()) {
            return Optional.of(current.with(current.state(), current.overdue(), null, null, List.of(), null, false,
                    current.actions(), now));
        }
        return Optional.empty();
    }

    private DisposalCase open(Signal result, OffsetDateTime now) {
        String program = result.tagValue("program");
        OffsetDateTime knownAt = result.knownAt();
        int year = result.eventTime().getYear();
        DisposalUnits.Assignment assignment = units.assign(result.districtCode(), result.districtName(), year, result.stage());
        List<String> findings = result.findings().stream().limit(CaseBounds.MAX_FINDINGS)
                .map(f -> CaseBounds.cut(String.join(" ", nonNull(f.item(), f.hazardClass(), f.result(), f.unit(),
                        f.limit() == null ? null : "（限值 " + f.limit() + "）")), AlertBounds.MAX_EVIDENCE_SUMMARY_CHARS))
                .toList();
        return new DisposalCase(result.id(), 1, CaseState.待核查, result.id(),
                CaseBounds.cut(program), CaseBounds.cut(result.districtCode()), CaseBounds.cut(result.districtName()),
                CaseBounds.cut(result.stage()), assignment.unit(), assignment.basis(),
                assignment.plan() == null ? null : assignment.plan().planId(),
                assignment.plan() == null ? null : assignment.plan().title(),
                CaseBounds.cut(result.foodCategory()), CaseBounds.cut(result.foodName()),
                CaseBounds.cut(result.enterpriseName()), findings, result.eventTime(), knownAt, now,
                deadlines.dueBy(program, knownAt), deadlines.basis(program), false, null, null, List.of(), null, false,
                List.of(), now);
    }

    public Outcome apply(DisposalCase current, CaseAction claimed, OffsetDateTime now) {
        if (current == null) {
            return refused("unknown case " + claimed.caseId());
        }
        CaseAction action = claimed.withAt(bounded(claimed.at(), current, now));
        if (action.unit() == null || action.unit().isBlank()) {
            return refused("action " + action.action() + " names no unit");
        }
        if (!mayAct(current, action.unit())) {
            return refused("unit " + action.unit().strip() + " is not responsible for case " + current.caseId()
                    + " (responsible: " + current.unit() + ")");
        }
        if (current.withdrawn()) {
            return refused("case " + current.caseId() + " was withdrawn: the result was corrected to 合格");
        }
        List<CaseAction> log = log(current, action);
        return switch (action.action()) {
            case "accept" -> current.state() != CaseState.待核查
                    ? refused("accept needs state 待核查, case is " + current.state())
                    : accepted(current.with(CaseState.核查中, current.overdue(), action.at(), null, List.of(), null, false,
                    log, now));
            case "dispose" -> dispose(current, action, log, now);
            case "comment" -> accepted(current.with(current.state(), current.overdue(), current.acceptedAt(),
                    current.disposedAt(), current.measures(), current.disposition(), false, log, now));
            default -> refused("unknown action " + action.action() + " (accept, dispose, comment)");
        };
    }

    private Outcome dispose(DisposalCase current, CaseAction action, List<CaseAction> log, OffsetDateTime now) {
        if (current.state() == CaseState.已处置) {
            return refused("case " + current.caseId() + " is already 已处置");
        }
        Set<DisposalMeasure> measures = new LinkedHashSet<>();
        for (String word : action.measures()) {
            DisposalMeasure measure = DisposalMeasure.of(word == null ? null : word.strip());
            if (measure == null) {
                return refused("unknown measure " + word + " (控制产品, 召回, 立案, 复检, 下架, 其他)");
            }
            measures.add(measure);
        }
        if (measures.isEmpty()) {
            return refused("dispose needs at least one measure (控制产品, 召回, 立案, 复检, 下架, 其他)");
        }
        if (measures.contains(DisposalMeasure.其他) && (action.note() == null || action.note().isBlank())) {
            return refused("measure 其他 needs a note saying what was done");
        }
        // Disposed before its deadline: a mark of overdue set by an earlier punctuation cannot stand.
        boolean overdue = current.dueBy() != null && action.at().isAfter(current.dueBy());
        return accepted(current.with(CaseState.已处置, overdue,
                current.acceptedAt() != null ? current.acceptedAt() : action.at(), action.at(), List.copyOf(measures),
                CaseBounds.cut(action.note(), CaseBounds.MAX_NOTE_CHARS), false, log, now));
    }

    /** A new version when the case's deadline passed before it was 已处置; nothing otherwise. */
    public Optional<DisposalCase> markOverdue(DisposalCase current, OffsetDateTime now) {
        if (current.withdrawn() || current.overdue() || current.state() == CaseState.已处置 || current.dueBy() == null
                || !now.isAfter(current.dueBy())) {
            return Optional.empty();
        }
        return Optional.of(current.with(current.state(), true, current.acceptedAt(), current.disposedAt(),
                current.measures(), current.disposition(), false, current.actions(), now));
    }

    /** Whether a unit may act on the case: its own unit, or a supervising food-safety office. */
    public boolean mayAct(DisposalCase current, String unit) {
        if (unit == null) {
            return false;
        }
        String name = unit.strip();
        return name.equals(current.unit()) || supervisingUnits.contains(name);
    }

    /** A writer's time, kept only between the case's opening and now plus the allowed skew (as for alerts). */
    private static OffsetDateTime bounded(OffsetDateTime claimed, DisposalCase current, OffsetDateTime now) {
        if (claimed == null || claimed.isAfter(now.plus(ActionTime.ALLOWED_CLOCK_SKEW))
                || (current.openedAt() != null && claimed.isBefore(current.openedAt()))) {
            return now;
        }
        return claimed;
    }

    private static List<CaseAction> log(DisposalCase current, CaseAction action) {
        List<CaseAction> log = new ArrayList<>(current.actions());
        log.add(action);
        return NewestWithinBudget.of(log, AlertBounds.MAX_ACTIONS, AlertBounds.MAX_ACTION_LOG_BYTES);
    }

    private static Outcome accepted(DisposalCase next) {
        return new Outcome(next, null);
    }

    private static Outcome refused(String reason) {
        return new Outcome(null, reason);
    }

    private static List<String> nonNull(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part);
            }
        }
        return kept;
    }
}
