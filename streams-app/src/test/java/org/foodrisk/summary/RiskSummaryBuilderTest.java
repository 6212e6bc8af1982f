package org.foodrisk.summary;

import org.foodrisk.reference.Period;
import org.foodrisk.alert.Alert;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.alert.AlertUpdater;
import org.foodrisk.alert.AlertWithdrawal;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Judgement;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.PlanRouter;
import org.foodrisk.plan.RoutingQuery;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskSummaryBuilderTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2024-05-01T09:00:00+08:00");

    private static Alert raised(String dedupKey, String headline, LocalDate day) {
        Detection detection = Detection.of("sampling.aberration", dedupKey, AlertLevel.YELLOW, SignalType.SAMPLING)
                .district("120114", "武清区")
                .food("粮食加工品", null)
                .window(day.atStartOfDay(TIANJIN).toOffsetDateTime(), day.plusDays(1).atStartOfDay(TIANJIN).toOffsetDateTime())
                .headline(headline)
                .build();
        return AlertUpdater.apply(null, detection, List.of(), NOW).orElseThrow();
    }

    @Test
    void anAlarmWithdrawnOnLateReportsIsListedApartAndCountedNowhere() {
        LocalDate day = LocalDate.of(2024, 4, 24);
        Alert standing = raised("sampling.aberration|120114|粮食加工品", "武清区粮食加工品抽检不合格批次异常", day);
        Alert withdrawn = AlertWithdrawal.withdraw(raised("sampling.aberration|120114|乳制品", "武清区乳制品抽检不合格批次异常", day),
                new Judgement(Judgement.WITHDRAWN, NOW, 1, 0.9, 3), NOW);
        RiskSummary summary = new RiskSummaryBuilder(TIANJIN).build("120114", "武清区", Period.weekOf(day),
                List.of(standing, withdrawn), List.of());
        assertEquals(1, summary.newAlerts());
        assertEquals(1, summary.topRisks().size());
        assertEquals(standing.alertId(), summary.topRisks().get(0).alertId());
        assertTrue(summary.markdown().contains("另有 1 条预警经迟到报告复核后撤回"), summary.markdown());
        assertTrue(summary.markdown().contains(withdrawn.alertId()));
        assertFalse(summary.openByUnit().values().stream().flatMap(List::stream).anyMatch(a -> a.contains(withdrawn.alertId())));
    }

    /**
     * Issue 15: a unit answers for the clauses that name it. 武清 （十二） has three clauses (区卫生健康委,
     * 区农业农村委, 区市场监管局); an illness cluster is the 卫健委's 食源性疾病 clause alone, so the unit table
     * and accountability no longer count it for 区农业农村委 or 区市场监管局.
     */
    @Test
    void theUnitTableCountsTheUnitsOfTheRoutedClauseNotTheTasksUnion() {
        LocalDate day = LocalDate.of(2024, 5, 6);
        Detection detection = Detection.of("illness.cluster", "illness.cluster|120114|某饭店", AlertLevel.YELLOW,
                        SignalType.ILLNESS)
                .district("120114", "武清区")
                .window(day.atStartOfDay(TIANJIN).toOffsetDateTime(), day.plusDays(1).atStartOfDay(TIANJIN).toOffsetDateTime())
                .headline("武清区某饭店发生2例食源性疾病聚集性病例")
                .build();
        var tasks = new PlanRouter(PlanCatalog.bundled()).route(new RoutingQuery("120114", "武清区", 2024, "illness",
                null, null, null, null, null));
        Alert alert = AlertUpdater.apply(null, detection, tasks, NOW).orElseThrow();
        RiskSummary summary = new RiskSummaryBuilder(TIANJIN).build("120114", "武清区", Period.weekOf(day),
                List.of(alert), List.of());
        assertEquals(Map.of("区卫生健康委", 1), summary.byUnit());
        assertEquals(0, Accountability.of("区农业农村委", List.of(alert), NOW).received());
        assertEquals(1, Accountability.of("区卫生健康委", List.of(alert), NOW).received());
    }

    @Test
    void aUnitsOpenAlertsBeyondTheFirstFiveAreCountedNotDroppedSilently() {
        LocalDate day = LocalDate.of(2024, 4, 24);
        List<Alert> open = IntStream.range(0, 7)
                .mapToObj(i -> raised("sampling.aberration|120114|类别" + i, "武清区类别" + i + "抽检不合格批次异常", day)).toList();
        String markdown = new RiskSummaryBuilder(TIANJIN).build("120114", "武清区", Period.weekOf(day), open, List.of())
                .markdown();
        String section = markdown.substring(markdown.indexOf("## 三"), markdown.indexOf("## 四"));
        assertTrue(section.contains("未办结 7 条"), section);
        assertEquals(5, section.lines().filter(l -> l.startsWith("  - [")).count(), section);
        assertTrue(section.contains("等 7 条，另 2 条未列出"), "the two not listed are said: " + section);
    }

    @Test
    void aPeriodWithoutAlertsSaysSoInsteadOfAnEmptyAccountabilityTable() {
        String markdown = new RiskSummaryBuilder(TIANJIN).build("120114", "武清区", Period.weekOf(LocalDate.of(2024, 4, 24)),
                List.of(), List.of()).markdown();
        String section = markdown.substring(markdown.indexOf("## 四"), markdown.indexOf("## 五"));
        assertFalse(section.contains("| 责任单位 |"), "no table without rows: " + section);
        assertTrue(section.contains("本期无新发预警"), section);
    }
}
