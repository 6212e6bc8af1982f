package org.foodrisk.summary;

import org.foodrisk.consultation.Consultation;
import org.foodrisk.consultation.Decision;
import org.foodrisk.consultation.DecisionProgress;
import org.foodrisk.consultation.DecisionState;
import org.foodrisk.encode.Markdown;
import org.foodrisk.reference.Period;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Section 七 of a 会商 summary (issue 20): what became of the decisions of earlier meetings — each still open
 * at the period's start, or done within it — and what this period's meetings decided, with the responsible
 * unit, the due date, the state and the unit's latest report. A decision done before the period began is not
 * repeated; one past its due date and not 已落实 is marked 超期 as of the period's end (today, for the current
 * period).
 */
public final class ConsultationFollowUp {

    private final ZoneId zone;

    public ConsultationFollowUp(ZoneId zone) {
        this.zone = zone;
    }

    /** The decisions followed and the section's markdown. */
    public record Section(List<RiskSummary.DecisionFollowUp> decisions, String markdown) {
    }

    /** The summary with section 七 appended. */
    public RiskSummary append(RiskSummary summary, Period period, List<Consultation> consultations, LocalDate today) {
        Section section = section("七", period, consultations, today, Consultation::title);
        return summary.withDecisions(section.decisions(), section.markdown());
    }

    /**
     * The section for a city or region (issue 20): its own meetings' decisions and those of its districts' meetings,
     * each meeting named with the district (or scope) that held it.
     */
    public CitySummary append(CitySummary summary, Period period, List<Consultation> consultations, LocalDate today) {
        Section section = section("五", period, consultations, today,
                meeting -> (meeting.districtName() == null ? meeting.district() : meeting.districtName()) + " " + meeting.title());
        return summary.withDecisions(section.decisions(), section.markdown());
    }

    private Section section(String number, Period period, List<Consultation> consultations, LocalDate today,
                            Function<Consultation, String> meetingName) {
        LocalDate asOf = today.isBefore(period.last()) ? today : period.last();
        OffsetDateTime periodStart = period.first().atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime periodEnd = period.last().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<RiskSummary.DecisionFollowUp> earlier = new ArrayList<>();
        List<RiskSummary.DecisionFollowUp> current = new ArrayList<>();
        List<Consultation> ordered = consultations.stream()
                .sorted(Comparator.comparing(Consultation::heldAt).thenComparing(Consultation::consultationId)).toList();
        for (Consultation meeting : ordered) {
            boolean thisPeriod = !meeting.heldAt().isBefore(periodStart) && meeting.heldAt().isBefore(periodEnd);
            if (!thisPeriod && !meeting.heldAt().isBefore(periodStart)) {
                continue; // held after this period: the next summary's
            }
            for (Decision decision : meeting.decisions()) {
                boolean doneBefore = decision.doneAt() != null && decision.doneAt().isBefore(periodStart);
                if (!thisPeriod && doneBefore) {
                    continue;
                }
                (thisPeriod ? current : earlier).add(followUp(meeting, meetingName.apply(meeting), decision, asOf,
                        periodEnd, thisPeriod));
            }
        }
        List<RiskSummary.DecisionFollowUp> all = new ArrayList<>(earlier);
        all.addAll(current);
        return new Section(List.copyOf(all), markdown(number, earlier, current));
    }

    private RiskSummary.DecisionFollowUp followUp(Consultation meeting, String meetingName, Decision decision, LocalDate asOf,
                                                  OffsetDateTime periodEnd, boolean thisPeriod) {
        // A report after the period's end is not yet known to that period's summary.
        List<DecisionProgress> known = decision.progress().stream().filter(p -> p.at().isBefore(periodEnd)).toList();
        DecisionState state = known.isEmpty() ? DecisionState.待落实 : known.get(known.size() - 1).state();
        DecisionProgress latest = known.isEmpty() ? null : known.get(known.size() - 1);
        boolean overdue = state != DecisionState.已落实 && decision.dueBy() != null && asOf.isAfter(decision.dueBy());
        return new RiskSummary.DecisionFollowUp(meeting.consultationId(), meetingName,
                meeting.heldAt().atZoneSameInstant(zone).toLocalDate().toString(), decision.decisionId(), decision.text(),
                decision.unit(), decision.dueBy() == null ? null : decision.dueBy().toString(), state.name(), overdue,
                latest == null ? null : latest.note(),
                state == DecisionState.已落实 && latest != null ? latest.at().atZoneSameInstant(zone).toLocalDate().toString()
                        : null, thisPeriod);
    }

    private static String markdown(String number, List<RiskSummary.DecisionFollowUp> earlier,
                                   List<RiskSummary.DecisionFollowUp> current) {
        StringBuilder md = new StringBuilder("\n## ").append(number).append("、会商决定落实情况\n\n");
        md.append("### 以往会商决定\n\n");
        table(md, earlier, "以往会商决定均已在本期之前落实，或尚无会商记录。");
        md.append("\n### 本期会商决定\n\n");
        table(md, current, "本期无会商记录。");
        long open = earlier.stream().filter(d -> !DecisionState.已落实.name().equals(d.state())).count();
        long overdue = earlier.stream().filter(RiskSummary.DecisionFollowUp::overdue).count();
        if (!earlier.isEmpty()) {
            md.append("\n以往决定 ").append(earlier.size()).append(" 项，本期末仍未落实 ").append(open).append(" 项，其中超期 ")
                    .append(overdue).append(" 项。\n");
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<RiskSummary.DecisionFollowUp> rows, String none) {
        if (rows.isEmpty()) {
            md.append(none).append('\n');
            return;
        }
        md.append("| 会商 | 决定 | 责任单位 | 时限 | 状态 | 最新进展 |\n| --- | --- | --- | --- | --- | --- |\n");
        for (RiskSummary.DecisionFollowUp row : rows) {
            String state = row.state() + (row.doneAt() == null ? "" : "（" + row.doneAt() + "）") + (row.overdue() ? "（超期）" : "");
            md.append("| ").append(Markdown.inline(row.heldAt() + " " + row.meeting())).append(" | ")
                    .append(Markdown.inline(row.text())).append(" | ").append(Markdown.inline(row.unit())).append(" | ")
                    .append(row.dueBy()).append(" | ").append(state).append(" | ")
                    .append(row.latest() == null ? "—" : Markdown.inline(row.latest())).append(" |\n");
        }
    }
}
