package org.foodrisk.summary;

import org.foodrisk.reference.Period;
import org.foodrisk.plan.TargetProgress;
import org.foodrisk.alert.Alert;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.detect.Evidence;
import org.foodrisk.disposal.DisposalCase;
import org.foodrisk.disposal.DisposalRates;
import org.foodrisk.disposal.DisposalStanding;
import org.foodrisk.disposal.DisposalTargets;
import org.foodrisk.encode.Markdown;
import org.foodrisk.plan.PlanTaskRef;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.foodrisk.alert.AlertAction;

/**
 * Builds the 会商 summary of a district and period from its alerts and plan progress. Pure and
 * deterministic: an alert belongs to the period in which its event-time window starts, its state
 * at the period's end is read from its handling timestamps, every list is sorted, and no clock is
 * read — so regenerating a past period from the same alerts gives byte-identical markdown.
 *
 * <p>The structured fields hold text as it came; in the markdown every field that came from
 * outside (headlines, evidence ids and summaries, food categories, units, task and target texts,
 * names) goes through {@link Markdown#inline}, the service's own structure does not (issue 14).
 */
public final class RiskSummaryBuilder {

    private static final int TOP_RISKS = 5;
    /** Open alerts listed per unit in section 三; the number of the others is said. */
    private static final int OPEN_LISTED = 5;
    private static final Map<String, String> KIND_NAMES = Map.ofEntries(
            Map.entry("sampling.critical-hazard", "抽检检出禁用/高危物质"),
            Map.entry("sampling.failure-rate", "抽检合格率低于目标"),
            Map.entry("sampling.food-hazard-cluster", "同一食品同一危害不合格聚集"),
            Map.entry("sampling.repeat-offender", "同一主体反复不合格"),
            Map.entry("sampling.aberration", "抽检不合格数异常"),
            Map.entry("illness.cluster", "食源性疾病聚集"),
            Map.entry("illness.spacetime-cluster", "食源性疾病时空聚集"),
            Map.entry("illness.aberration", "食源性疾病病例数异常"),
            Map.entry("complaint.spike", "投诉举报数异常"),
            Map.entry("complaint.repeat-enterprise", "同一主体反复被投诉"),
            Map.entry("opinion.spike", "舆情声量异常"),
            Map.entry("opinion.rumour", "高传播疑似谣言"),
            Map.entry("fusion", "多源信号融合"),
            Map.entry("plan.target-at-risk", "计划目标进度滞后"));

    private final ZoneId zone;
    private final AlertPeriods periods;

    public RiskSummaryBuilder(ZoneId zone) {
        this.zone = zone;
        this.periods = new AlertPeriods(zone);
    }

    public RiskSummary build(String districtCode, String districtName, Period period, List<Alert> districtAlerts,
                             List<TargetProgress> progress) {
        return build(districtCode, districtName, period, districtAlerts, progress, null, List.of());
    }

    /**
     * With the district's 核查处置 cases: a section 六 after the existing five gives their counts and rates for
     * the year up to the period's end (the plans' targets are annual), per unit, against the targets the
     * district's own plan states ({@code disposalTargets}, empty when it states none).
     *
     * @param disposalCases   the district's cases, or null for a summary without the section
     */
    public RiskSummary build(String districtCode, String districtName, Period period, List<Alert> districtAlerts,
                             List<TargetProgress> progress, List<DisposalCase> disposalCases,
                             List<DisposalTargets.Target> disposalTargets) {
        // An alarm that late reports withdrew is no risk of the period: listed apart, counted nowhere else.
        List<Alert> withdrawn = periods.inPeriod(districtAlerts, period).stream().filter(AlertPeriods::withdrawn).toList();
        List<Alert> current = periods.inPeriod(districtAlerts, period).stream().filter(a -> !AlertPeriods.withdrawn(a))
                .toList();
        List<Alert> previous = periods.inPeriod(districtAlerts, period.previous()).stream()
                .filter(a -> !AlertPeriods.withdrawn(a)).toList();
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        for (AlertLevel level : List.of(AlertLevel.RED, AlertLevel.ORANGE, AlertLevel.YELLOW, AlertLevel.BLUE)) {
            byLevel.put(level.levelName(), (int) current.stream().filter(a -> a.level() == level).count());
        }
        Map<String, Integer> byKind = count(current, a -> List.of(KIND_NAMES.getOrDefault(a.kind(), a.kind())));
        Map<String, Integer> byCategory = count(current, a -> List.of(a.foodCategory() == null ? "未分类" : a.foodCategory()));
        Map<String, Integer> byUnit = count(current, RiskSummaryBuilder::leadUnits);

        List<Alert> ranked = new ArrayList<>(current);
        ranked.sort(Comparator.comparing(Alert::level, Comparator.reverseOrder())
                .thenComparing((Alert a) -> a.evidence().size(), Comparator.reverseOrder())
                .thenComparing(Alert::alertId));
        List<RiskSummary.TopRisk> top = ranked.stream().limit(TOP_RISKS).map(this::topRisk).toList();

        OffsetDateTime periodEnd = periods.end(period);
        Map<String, List<String>> openByUnit = new TreeMap<>();
        Map<String, List<String>> openByUnitMarkdown = new TreeMap<>();
        Map<String, Integer> overdueByUnit = new TreeMap<>();
        for (Alert alert : districtAlerts.stream().sorted(Comparator.comparing(Alert::alertId)).toList()) {
            if (!AlertPeriods.openAt(alert, periodEnd)) {
                continue;
            }
            boolean overdue = AlertPeriods.overdueAt(alert, periodEnd);
            for (String unit : leadUnits(alert)) {
                openByUnit.computeIfAbsent(unit, u -> new ArrayList<>())
                        .add("[" + alert.levelName() + "] " + alert.headline() + "（" + alert.alertId() + "）");
                openByUnitMarkdown.computeIfAbsent(unit, u -> new ArrayList<>())
                        .add("[" + alert.levelName() + "] " + Markdown.inline(alert.headline()) + "（" + alert.alertId() + "）");
                if (overdue) {
                    overdueByUnit.merge(unit, 1, Integer::sum);
                }
            }
        }
        List<RiskSummary.UnitAccountability> accountability = accountability(current, periodEnd);
        RiskSummary draft = new RiskSummary(districtCode, districtName, period.id(), period.first().toString(),
                period.last().toString(), current.size(), previous.size(), byLevel, byKind, byCategory, byUnit, top,
                openByUnit, overdueByUnit, accountability, progress, null, null, null);
        String markdown = markdown(draft, period, withdrawn, ranked.stream().limit(TOP_RISKS).toList(), openByUnitMarkdown,
                disposalCases == null ? "目标：不合格食品核查处置率 100%，按时完成率 ≥85%（西青区2021年计划 18.）。"
                        : targetsLine(disposalTargets));
        DisposalStanding disposal = null;
        if (disposalCases != null) {
            OffsetDateTime yearStart = period.last().withDayOfYear(1).atStartOfDay(zone).toOffsetDateTime();
            List<DisposalCase> thisYear = disposalCases.stream()
                    .filter(c -> c.knownAt() != null && !c.knownAt().isBefore(yearStart)).toList();
            disposal = DisposalStanding.of(thisYear, periodEnd, (code, name, year) -> disposalTargets);
            OffsetDateTime periodStart = period.first().atStartOfDay(zone).toOffsetDateTime();
            long newInPeriod = thisYear.stream().filter(c -> !c.withdrawn() && !c.knownAt().isBefore(periodStart)
                    && c.knownAt().isBefore(periodEnd)).count();
            markdown = markdown + disposalMarkdown(disposal, newInPeriod, disposalTargets);
        }
        return new RiskSummary(draft.districtCode(), draft.districtName(), draft.period(), draft.periodStart(),
                draft.periodEnd(), draft.newAlerts(), draft.previousPeriodNewAlerts(), byLevel, byKind, byCategory,
                byUnit, top, openByUnit, overdueByUnit, accountability, progress, markdown, disposal, null);
    }

    private RiskSummary.TopRisk topRisk(Alert alert) {
        List<String> lines = alert.evidence().stream().limit(5).map(RiskSummaryBuilder::line).toList();
        List<String> tasks = alert.planTasks().stream().map(RiskSummaryBuilder::task).toList();
        return new RiskSummary.TopRisk(alert.alertId(), alert.level().name(), alert.levelName(), alert.kind(),
                alert.headline(), alert.status().wireName(), alert.evidence().size(), lines, tasks);
    }

    private static String line(Evidence e) {
        return e.at().toLocalDate() + " " + e.signal() + " " + e.id() + (e.summary() == null ? "" : " " + e.summary());
    }

    private static String lineMarkdown(Evidence e) {
        return e.at().toLocalDate() + " " + Markdown.inline(e.signal()) + " " + Markdown.inline(e.id())
                + (e.summary() == null ? "" : " " + Markdown.inline(e.summary()));
    }

    private static String task(PlanTaskRef task) {
        return task.number() + task.title() + "（牵头：" + String.join("、", task.leadUnits())
                + (task.coUnits().isEmpty() ? "" : "；配合：" + String.join("、", task.coUnits())) + "）";
    }

    private static String taskMarkdown(PlanTaskRef task) {
        return Markdown.inline(task.number()) + Markdown.inline(task.title()) + "（牵头：" + units(task.leadUnits())
                + (task.coUnits().isEmpty() ? "" : "；配合：" + units(task.coUnits())) + "）";
    }

    private static String units(List<String> units) {
        return String.join("、", units.stream().map(Markdown::inline).toList());
    }

    private static List<String> leadUnits(Alert alert) {
        List<String> units = new ArrayList<>();
        for (PlanTaskRef task : alert.planTasks()) {
            for (String unit : task.leadUnits()) {
                if (!units.contains(unit)) {
                    units.add(unit);
                }
            }
        }
        return units.isEmpty() ? List.of("未明确责任单位") : units;
    }

    private static List<RiskSummary.UnitAccountability> accountability(List<Alert> alerts, OffsetDateTime end) {
        Set<String> units = new TreeSet<>();
        alerts.forEach(a -> units.addAll(leadUnits(a)));
        // A co-unit that acted on an alert is credited with it too (Accountability says who counts for what).
        alerts.forEach(a -> a.handling().actions().stream().map(AlertAction::unit)
                .filter(Objects::nonNull).map(String::strip).forEach(units::add));
        List<RiskSummary.UnitAccountability> result = new ArrayList<>();
        for (String unit : units) {
            Accountability figures = Accountability.of(unit, alerts, end);
            if (figures.received() > 0) {
                result.add(new RiskSummary.UnitAccountability(unit, figures.received(), figures.closed(),
                        figures.closedInTime(), figures.handlingRate(), figures.onTimeRate()));
            }
        }
        return result;
    }


    private static Map<String, Integer> count(List<Alert> alerts, Function<Alert, List<String>> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        alerts.forEach(a -> keys.apply(a).forEach(k -> counts.merge(k, 1, Integer::sum)));
        return counts;
    }

    /**
     * @param targetsLine under the units' table: the 核查处置率 / 按时完成率 targets the district's plan states.
     *                    Without the plan's targets at hand (the overload without cases), the figures of
     *                    西青 2021 18. as before.
     */
    private String markdown(RiskSummary s, Period period, List<Alert> withdrawn, List<Alert> topAlerts,
                            Map<String, List<String>> openByUnit, String targetsLine) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(Markdown.inline(s.districtName())).append("食品安全风险会商摘要（").append(period.label()).append("）\n\n");
        md.append("统计期：").append(s.periodStart()).append(" 至 ").append(s.periodEnd()).append("（按事件时间）\n\n");
        md.append("## 一、总体情况\n\n");
        int change = s.newAlerts() - s.previousPeriodNewAlerts();
        md.append("本期新发预警 **").append(s.newAlerts()).append("** 条（上期 ").append(s.previousPeriodNewAlerts())
                .append(" 条，").append(change > 0 ? "增加 " + change : change < 0 ? "减少 " + (-change) : "持平")
                .append(change == 0 ? "" : " 条").append("）：");
        List<String> levels = new ArrayList<>();
        s.byLevel().forEach((level, n) -> levels.add(level + " " + n + " 条"));
        md.append(String.join("，", levels)).append("。\n\n");
        if (!withdrawn.isEmpty()) {
            md.append("另有 ").append(withdrawn.size()).append(" 条预警经迟到报告复核后撤回，不计入本期统计：");
            md.append(String.join("；", withdrawn.stream().sorted(Comparator.comparing(Alert::alertId))
                    .map(a -> Markdown.inline(a.headline()) + "（" + a.alertId() + "）").toList())).append("。\n\n");
        }
        table(md, "按预警类型", "类型", s.byKind());
        table(md, "按食品类别", "食品类别", s.byCategory());
        table(md, "按牵头责任单位", "责任单位", s.byUnit());
        md.append("## 二、重点风险\n\n");
        if (s.topRisks().isEmpty()) {
            md.append("本期无新发预警。\n\n");
        }
        int i = 1;
        for (RiskSummary.TopRisk risk : s.topRisks()) {
            Alert alert = topAlerts.get(i - 1);
            md.append(i++).append(". **[").append(risk.levelName()).append("] ").append(Markdown.inline(risk.headline()))
                    .append("**（").append(risk.alertId()).append("，").append(risk.status()).append("，证据 ")
                    .append(risk.evidence()).append(" 条）\n");
            for (PlanTaskRef task : alert.planTasks()) {
                md.append("   - 责任任务：").append(taskMarkdown(task)).append("\n");
            }
            alert.evidence().stream().limit(5)
                    .forEach(e -> md.append("   - 证据：").append(lineMarkdown(e)).append("\n"));
        }
        md.append("\n## 三、未办结和超期预警（截至期末）\n\n");
        if (openByUnit.isEmpty()) {
            md.append("无未办结预警。\n\n");
        }
        openByUnit.forEach((unit, alerts) -> {
            md.append("- **").append(Markdown.inline(unit)).append("**：未办结 ").append(alerts.size()).append(" 条");
            Integer overdue = s.overdueByUnit().get(unit);
            md.append(overdue == null ? "" : "，其中超期 " + overdue + " 条").append("\n");
            alerts.stream().limit(OPEN_LISTED).forEach(a -> md.append("  - ").append(a).append("\n"));
            if (alerts.size() > OPEN_LISTED) {
                // Said, not dropped (issue 16): the rest are in the dashboard's feed, filtered by unit.
                md.append("  - ……等 ").append(alerts.size()).append(" 条，另 ").append(alerts.size() - OPEN_LISTED)
                        .append(" 条未列出（见看板“实时预警”，按责任单位筛选）\n");
            }
        });
        md.append("\n## 四、责任落实情况（本期预警）\n\n");
        if (s.accountability().isEmpty()) {
            // Nothing to say is said in words, not as an empty table (issue 16).
            md.append(s.newAlerts() == 0 ? "本期无新发预警，无责任落实情况可统计。\n\n"
                    : "本期预警均未明确责任单位，无责任落实情况可统计。\n\n");
        } else {
            md.append("| 责任单位 | 接收 | 办结 | 按时办结 | 核查处置率 | 按时完成率 |\n|---|---:|---:|---:|---:|---:|\n");
        }
        for (RiskSummary.UnitAccountability a : s.accountability()) {
            md.append("| ").append(Markdown.inline(a.unit())).append(" | ").append(a.received()).append(" | ").append(a.closed())
                    .append(" | ").append(a.closedInTime()).append(" | ").append(pct(a.handlingRate())).append(" | ")
                    .append(pct(a.onTimeRate())).append(" |\n");
        }
        md.append("\n").append(targetsLine).append("\n\n");
        md.append("## 五、计划目标进展（截至期末）\n\n");
        if (s.planProgress().isEmpty()) {
            md.append("本区计划未设定可跟踪的量化目标。\n");
        } else {
            String planNote = s.planProgress().get(0).planNote();
            if (planNote != null) {
                md.append("> ").append(Markdown.inline(planNote)).append("\n\n");
            }
            md.append("| 任务 | 指标 | 目标 | 按进度应达 | 实际 | 状态 |\n|---|---|---:|---:|---:|---|\n");
            for (TargetProgress p : s.planProgress()) {
                md.append("| ").append(Markdown.inline(p.taskNumber())).append(" | ").append(Markdown.inline(p.metric()))
                        .append(p.scope() == null ? "" : "（" + Markdown.inline(p.scope()) + "）")
                        .append(p.agency() == null ? "" : " " + Markdown.inline(p.agency())).append(" | ")
                        .append(num(p.target()))
                        .append(p.upperTarget() == null ? "" : "–" + num(p.upperTarget()))
                        .append(" ").append(Markdown.inline(p.unit())).append(" | ")
                        .append(p.proRated() == null ? "—" : num(p.proRated())).append(" | ")
                        .append(p.reached() == null ? "—" : num(p.reached())).append(" | ")
                        .append(Boolean.FALSE.equals(p.measurable()) ? Markdown.inline(p.note())
                                : !p.judged() ? "未考核：" + Markdown.inline(p.note()) : p.onTrack() ? "正常" : "**滞后**")
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** Section 六: the district's 核查处置 cases this year up to the period's end (issue 15). */
    private static String disposalMarkdown(DisposalStanding standing, long newInPeriod,
                                           List<DisposalTargets.Target> targets) {
        StringBuilder md = new StringBuilder("\n## 六、不合格食品核查处置（本年度截至期末）\n\n");
        DisposalRates all = DisposalRates.of(List.of(), standing.asOf());
        if (!standing.byPlan().isEmpty()) {
            all = standing.byPlan().get(0).rates();
        }
        if (all.received() == 0) {
            md.append("本年度无监督抽检不合格核查处置案件。\n\n");
        } else {
            md.append("本期新增核查处置案件 **").append(newInPeriod).append("** 件；本年度累计收到 ").append(all.received())
                    .append(" 件，已处置 ").append(all.disposed()).append(" 件，未处置 ").append(all.open())
                    .append(" 件（其中超期 ").append(all.openOverdue()).append(" 件）；核查处置率 ")
                    .append(pct(all.handlingRate())).append("，按时完成率 ").append(pct(all.onTimeRate()))
                    .append("（超期未处置计为未按时）。\n\n");
            md.append("| 责任单位 | 收到 | 已处置 | 按时处置 | 超期未处置 | 核查处置率 | 按时完成率 |\n|---|---:|---:|---:|---:|---:|---:|\n");
            for (DisposalStanding.Row row : standing.byUnit()) {
                DisposalRates r = row.rates();
                md.append("| ").append(Markdown.inline(row.unit())).append(" | ").append(r.received()).append(" | ")
                        .append(r.disposed()).append(" | ").append(r.disposedInTime()).append(" | ").append(r.openOverdue())
                        .append(" | ").append(pct(r.handlingRate())).append(" | ").append(pct(r.onTimeRate())).append(" |\n");
            }
            md.append("\n");
        }
        if (targets.isEmpty()) {
            md.append("本区计划未设定核查处置率、按时完成率目标。\n");
            return md.toString();
        }
        DisposalTargets.Target first = targets.get(0);
        md.append("目标（").append(Markdown.inline(first.planTitle())).append(" ").append(Markdown.inline(first.taskNumber()))
                .append("）：");
        List<String> parts = new ArrayList<>();
        for (DisposalTargets.Target target : targets) {
            Double actual = DisposalTargets.HANDLING.equals(target.metric()) ? all.handlingRate() : all.onTimeRate();
            parts.add(Markdown.inline(target.metric()) + " " + comparator(target.comparator()) + num(target.value()) + "%，本区 "
                    + (actual == null ? "—，待考核" : pct(actual) + "，" + (target.met(actual) ? "达到" : "未达到")));
        }
        md.append(String.join("；", parts)).append("。\n");
        return md.toString();
    }

    /** The targets the district's own plan states, or that it states none (issue 15: not 西青's for everyone). */
    private static String targetsLine(List<DisposalTargets.Target> targets) {
        if (targets.isEmpty()) {
            return "目标：本区计划未设定不合格食品核查处置率、按时完成率目标。";
        }
        DisposalTargets.Target first = targets.get(0);
        return "目标：不合格食品" + String.join("，", targets.stream().map(t -> Markdown.inline(t.metric()) + " "
                + comparator(t.comparator()) + num(t.value()) + "%").toList()) + "（" + Markdown.inline(first.planTitle())
                + " " + Markdown.inline(first.taskNumber()) + "）。";
    }

    private static String comparator(String comparator) {
        return switch (comparator == null ? ">=" : comparator) {
            case ">" -> "＞";
            case "=" -> "＝";
            case "<=" -> "≤";
            default -> "≥";
        };
    }

    private static void table(StringBuilder md, String title, String column, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        md.append("**").append(title).append("**\n\n| ").append(column).append(" | 预警数 |\n|---|---:|\n");
        counts.forEach((k, v) -> md.append("| ").append(Markdown.inline(k)).append(" | ").append(v).append(" |\n"));
        md.append("\n");
    }

    private static String pct(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static LocalDate dayOf(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toLocalDate();
    }
}
