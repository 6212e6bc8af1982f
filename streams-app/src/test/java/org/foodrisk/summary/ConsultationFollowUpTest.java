package org.foodrisk.summary;

import org.foodrisk.consultation.Consultation;
import org.foodrisk.consultation.Decision;
import org.foodrisk.consultation.DecisionProgress;
import org.foodrisk.consultation.DecisionState;
import org.foodrisk.reference.Period;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Section 七 follows a meeting's decisions from period to period: in the meeting's own week as decided; the next
 * week what became of them (one done, one past its date); the week after only the one still open.
 */
class ConsultationFollowUpTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime HELD = OffsetDateTime.parse("2026-12-04T14:30:00+08:00"); // W49, Friday

    private static Consultation meeting() {
        Decision sampling = new Decision("M-1", "韭菜专项抽检30批次", "区市场监管局", LocalDate.of(2026, 12, 11), List.of("A-1"),
                List.of(), DecisionState.已落实, List.of(
                new DecisionProgress("li", "区市场监管局", OffsetDateTime.parse("2026-12-08T10:00:00+08:00"), DecisionState.落实中, "已抽12批次"),
                new DecisionProgress("li", "区市场监管局", OffsetDateTime.parse("2026-12-10T17:00:00+08:00"), DecisionState.已落实, "完成32批次")),
                OffsetDateTime.parse("2026-12-10T17:00:00+08:00"));
        Decision tracing = new Decision("M-2", "追溯种植基地", "区农业农村委", LocalDate.of(2026, 12, 9), List.of(), List.of(),
                DecisionState.待落实, List.of(), null);
        return new Consultation("M", 3, "120111", "西青区", "2026-W49", "第49周风险会商", HELD, List.of("区食安办"), List.of(),
                List.of(sampling, tracing), "office", HELD, HELD);
    }

    private static RiskSummary empty(Period period) {
        return new RiskSummary("120111", "西青区", period.id(), period.first().toString(), period.last().toString(), 0, 0,
                Map.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of(), Map.of(), List.of(), List.of(), "# 摘要\n", null, null);
    }

    private static RiskSummary followed(String period) {
        Period p = Period.parse(period);
        return new ConsultationFollowUp(TIANJIN).append(empty(p), p, List.of(meeting()), LocalDate.of(2026, 12, 30));
    }

    @Test
    void theMeetingsOwnWeekListsItsDecisionsAsKnownAtTheWeeksEnd() {
        RiskSummary w49 = followed("2026-W49");
        assertEquals(List.of(true, true), w49.decisions().stream().map(RiskSummary.DecisionFollowUp::thisPeriod).toList());
        assertEquals(List.of("待落实", "待落实"), w49.decisions().stream().map(RiskSummary.DecisionFollowUp::state).toList(),
                "the reports of the next week are not known at W49's end");
        assertTrue(w49.markdown().contains("以往会商决定均已在本期之前落实，或尚无会商记录。"), w49.markdown());
    }

    @Test
    void theNextWeekSaysWhatBecameOfThemAndTheWeekAfterOnlyWhatIsStillOpen() {
        RiskSummary w50 = followed("2026-W50");
        assertEquals(List.of("已落实", "待落实"), w50.decisions().stream().map(RiskSummary.DecisionFollowUp::state).toList());
        assertEquals(List.of(false, true), w50.decisions().stream().map(RiskSummary.DecisionFollowUp::overdue).toList());
        assertTrue(w50.markdown().contains("| 2026-12-04 第49周风险会商 | 韭菜专项抽检30批次 | 区市场监管局 | 2026-12-11 | 已落实（2026-12-10） | 完成32批次 |"),
                w50.markdown());
        assertTrue(w50.markdown().contains("| 追溯种植基地 | 区农业农村委 | 2026-12-09 | 待落实（超期） | — |"), w50.markdown());
        assertTrue(w50.markdown().contains("以往决定 2 项，本期末仍未落实 1 项，其中超期 1 项。"), w50.markdown());
        assertTrue(w50.markdown().contains("本期无会商记录。"));
        String page = SummaryHtml.render(w50);
        assertTrue(page.contains("<h3>以往会商决定</h3>") && !page.contains("###"), "the printed page has the sub-headings");

        RiskSummary w51 = followed("2026-W51");
        assertEquals(List.of("M-2"), w51.decisions().stream().map(RiskSummary.DecisionFollowUp::decisionId).toList(),
                "done in W50: not repeated");
    }

    @Test
    void aMeetingAfterThePeriodIsTheNextSummarys() {
        assertEquals(List.of(), followed("2026-W48").decisions());
    }
}
