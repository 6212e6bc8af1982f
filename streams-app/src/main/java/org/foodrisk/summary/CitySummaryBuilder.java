package org.foodrisk.summary;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertStatus;
import org.foodrisk.exchange.ReceivedAlert;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.encode.Markdown;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Period;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the city's 会商 summary (issue 20) from the alerts of all its districts, on the same rules as a district's
 * ({@link AlertPeriods}: an alert is the period's when its window starts in it, open at the period's end when it
 * started before and was not closed by then, and a withdrawn alarm counts nowhere).
 *
 * <ul>
 *   <li>Ranking: each district's open alerts at the period's end weighted by level (红 4, 橙 3, 黄 2, 蓝 1), ties by
 *       overdue alerts, then by code — every district of the scope is listed, a quiet one with 0.</li>
 *   <li>Cross-district risks: the same food (or category) × hazard, or the same business (by credit code, else
 *       name), in the period's alerts of two or more districts — what no district's own summary can see.</li>
 *   <li>同比: the same ISO week (or month) a year earlier, only when the alerts held reach back that far (the alert
 *       store keeps what the service raised; a newer service has no 同比 to give and says so).</li>
 * </ul>
 */
public final class CitySummaryBuilder {

    private static final Map<AlertLevel, Integer> WEIGHT = Map.of(AlertLevel.RED, 4, AlertLevel.ORANGE, 3,
            AlertLevel.YELLOW, 2, AlertLevel.BLUE, 1);

    private static final String FOOD_HAZARD = "食品×危害";

    private final ZoneId zone;
    private final AlertPeriods periods;

    public CitySummaryBuilder(ZoneId zone) {
        this.zone = zone;
        this.periods = new AlertPeriods(zone);
    }

    /** The same period a year earlier: the same ISO week number, or the same month. */
    public static Period sameTimeLastYear(Period period) {
        return period.isWeek() ? Period.weekOf(period.first().minusWeeks(52)) : Period.monthOf(period.first().minusYears(1));
    }

    public CitySummary build(String scope, String scopeName, List<District> districts, Period period, List<Alert> alerts) {
        return build(scope, scopeName, districts, period, alerts, List.of());
    }

    /** @param received the alerts partner regions shared (latest version of each), for section 四 */
    public CitySummary build(String scope, String scopeName, List<District> districts, Period period, List<Alert> alerts,
                             List<ReceivedAlert> received) {
        List<String> codes = districts.stream().map(District::code).toList();
        List<Alert> scoped = alerts.stream().filter(a -> a.districtCode() != null && codes.contains(a.districtCode()))
                .filter(a -> !AlertPeriods.withdrawn(a)).toList();
        List<Alert> current = periods.inPeriod(scoped, period);
        int previous = periods.inPeriod(scoped, period.previous()).size();
        Period lastYear = sameTimeLastYear(period);
        boolean historyReaches = scoped.stream().anyMatch(a -> startsBefore(a, lastYear.first()));
        Integer sameTimeLastYear = historyReaches ? periods.inPeriod(scoped, lastYear).size() : null;

        Map<String, Integer> byLevel = new LinkedHashMap<>();
        for (AlertLevel level : List.of(AlertLevel.RED, AlertLevel.ORANGE, AlertLevel.YELLOW, AlertLevel.BLUE)) {
            byLevel.put(level.levelName(), (int) current.stream().filter(a -> a.level() == level).count());
        }
        List<CitySummary.DistrictStanding> ranking = ranking(districts, scoped, current, period);
        List<CitySummary.CrossDistrictRisk> cross = crossDistrict(current, districts);
        List<CitySummary.PartnerRisk> partners = partnerRisks(received, period);
        CitySummary draft = new CitySummary(scope, scopeName, period.id(), period.first().toString(),
                period.last().toString(), current.size(), previous, sameTimeLastYear, byLevel, ranking, cross, partners, null,
                List.of(), List.of(), List.of());
        return new CitySummary(scope, scopeName, period.id(), draft.periodStart(), draft.periodEnd(), draft.newAlerts(),
                previous, sameTimeLastYear, byLevel, ranking, cross, partners, markdown(draft, period, lastYear), List.of(),
                List.of(), List.of());
    }

    /**
     * The partners' alerts the meeting should hear of: shared in the period, or shared before its end and not closed by
     * the partner (their latest version says so; a partner's alert closed after the period still counts as open in it
     * only if it was shared in it — the received store keeps the latest version, not the history). Latest shared first.
     */
    private List<CitySummary.PartnerRisk> partnerRisks(List<ReceivedAlert> received, Period period) {
        OffsetDateTime start = periods.start(period);
        OffsetDateTime end = periods.end(period);
        return received.stream()
                .filter(r -> r.sharedAt() != null && r.sharedAt().isBefore(end))
                .filter(r -> !r.sharedAt().isBefore(start) || r.alert().status() != AlertStatus.CLOSED)
                .sorted(Comparator.comparing(ReceivedAlert::sharedAt).reversed().thenComparing(ReceivedAlert::key))
                .map(r -> new CitySummary.PartnerRisk(r.origin(), r.originRegion(), r.alert().alertId(),
                        r.alert().version(), r.alert().headline(), r.alert().level() == null ? null : r.alert().level().levelName(),
                        r.alert().status() == null ? null : r.alert().status().wireName(), r.alert().districtName(),
                        r.alert().foodCategory(), r.sharedAt().atZoneSameInstant(zone).toLocalDateTime().toString(),
                        r.note()))
                .toList();
    }

    private List<CitySummary.DistrictStanding> ranking(List<District> districts, List<Alert> scoped, List<Alert> current,
                                                       Period period) {
        OffsetDateTime end = periods.end(period);
        List<CitySummary.DistrictStanding> rows = new ArrayList<>();
        for (District district : districts) {
            List<Alert> open = scoped.stream().filter(a -> district.code().equals(a.districtCode()))
                    .filter(a -> AlertPeriods.openAt(a, end)).toList();
            int overdue = (int) open.stream().filter(a -> AlertPeriods.overdueAt(a, end)).count();
            int score = open.stream().mapToInt(a -> WEIGHT.getOrDefault(a.level(), 1)).sum();
            int fresh = (int) current.stream().filter(a -> district.code().equals(a.districtCode())).count();
            rows.add(new CitySummary.DistrictStanding(0, district.code(), district.name(), open.size(),
                    (int) open.stream().filter(a -> a.level() == AlertLevel.RED).count(),
                    (int) open.stream().filter(a -> a.level() == AlertLevel.ORANGE).count(), overdue, fresh, score));
        }
        rows.sort(Comparator.comparingInt(CitySummary.DistrictStanding::score).reversed()
                .thenComparing(Comparator.comparingInt(CitySummary.DistrictStanding::overdue).reversed())
                .thenComparing(CitySummary.DistrictStanding::districtCode));
        List<CitySummary.DistrictStanding> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CitySummary.DistrictStanding r = rows.get(i);
            ranked.add(new CitySummary.DistrictStanding(i + 1, r.districtCode(), r.districtName(), r.open(), r.openRed(),
                    r.openOrange(), r.overdue(), r.newAlerts(), r.score()));
        }
        return ranked;
    }

    private static List<CitySummary.CrossDistrictRisk> crossDistrict(List<Alert> current, List<District> districts) {
        Map<String, List<Alert>> byFoodHazard = new TreeMap<>();
        Map<String, List<Alert>> byBusiness = new TreeMap<>();
        for (Alert alert : current) {
            String food = alert.foodName() != null ? alert.foodName() : alert.foodCategory();
            if (food != null && alert.hazard() != null) {
                byFoodHazard.computeIfAbsent(food + " × " + alert.hazard(), k -> new ArrayList<>()).add(alert);
            }
            if (alert.enterprise() != null) {
                String business = alert.enterprise().creditCode() != null ? alert.enterprise().creditCode()
                        : alert.enterprise().name();
                if (business != null) {
                    byBusiness.computeIfAbsent(business, k -> new ArrayList<>()).add(alert);
                }
            }
        }
        List<CitySummary.CrossDistrictRisk> risks = new ArrayList<>();
        byFoodHazard.forEach((subject, group) -> cross(FOOD_HAZARD, subject, group, districts).ifPresent(risks::add));
        byBusiness.forEach((key, group) -> {
            Alert first = group.get(0);
            String subject = first.enterprise().name() != null ? first.enterprise().name() : key;
            cross("经营主体", subject, group, districts).ifPresent(risks::add);
        });
        risks.sort(Comparator.comparingInt((CitySummary.CrossDistrictRisk r) -> r.districts().size()).reversed()
                .thenComparing(Comparator.comparingInt(CitySummary.CrossDistrictRisk::alerts).reversed())
                .thenComparing(r -> FOOD_HAZARD.equals(r.kind()) ? 0 : 1) // what is eaten first, then who sold it
                .thenComparing(CitySummary.CrossDistrictRisk::subject));
        return risks;
    }

    private static Optional<CitySummary.CrossDistrictRisk> cross(String kind, String subject, List<Alert> group,
                                                                        List<District> districts) {
        TreeSet<String> codes = new TreeSet<>();
        group.forEach(a -> codes.add(a.districtCode()));
        if (codes.size() < 2) {
            return Optional.empty();
        }
        List<String> names = codes.stream().map(code -> districts.stream().filter(d -> d.code().equals(code))
                .map(District::name).findFirst().orElse(code)).toList();
        AlertLevel highest = group.stream().map(Alert::level).max(Comparator.naturalOrder()).orElse(AlertLevel.BLUE);
        return Optional.of(new CitySummary.CrossDistrictRisk(kind, subject, names, group.size(),
                highest.levelName(), group.stream().map(Alert::alertId).sorted().toList()));
    }

    private boolean startsBefore(Alert alert, LocalDate day) {
        return alert.window() != null && alert.window().start() != null
                && alert.window().start().atZoneSameInstant(zone).toLocalDate().isBefore(day);
    }

    private static String markdown(CitySummary s, Period period, Period lastYear) {
        StringBuilder md = new StringBuilder("# ").append(Markdown.inline(s.scopeName())).append("食品安全风险会商摘要（")
                .append(period.label()).append("）\n\n统计期：").append(s.periodStart()).append(" 至 ").append(s.periodEnd())
                .append("（按事件时间）\n\n## 一、总体情况\n\n本期新发预警 **").append(s.newAlerts()).append("** 条（环比：上期 ")
                .append(s.previousPeriodNewAlerts()).append(" 条；同比：")
                .append(s.sameTimeLastYearNewAlerts() == null ? "无去年同期数据" : "去年同期（" + lastYear.label() + "）"
                        + s.sameTimeLastYearNewAlerts() + " 条")
                .append("）：");
        List<String> levels = new ArrayList<>();
        s.byLevel().forEach((level, count) -> levels.add(level + " " + count + " 条"));
        md.append(String.join("，", levels)).append("。\n\n## 二、各区风险排名（截至期末未办结预警，红4 橙3 黄2 蓝1 计分）\n\n")
                .append("| 排名 | 区 | 未办结 | 其中红色 | 其中橙色 | 超期 | 本期新发 | 风险分 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (CitySummary.DistrictStanding r : s.ranking()) {
            md.append("| ").append(r.rank()).append(" | ").append(Markdown.inline(r.districtName())).append(" | ").append(r.open())
                    .append(" | ").append(r.openRed()).append(" | ").append(r.openOrange()).append(" | ").append(r.overdue())
                    .append(" | ").append(r.newAlerts()).append(" | ").append(r.score()).append(" |\n");
        }
        md.append("\n## 三、跨区风险（本期同一食品×危害或同一经营主体在两个及以上区预警）\n\n");
        if (s.crossDistrict().isEmpty()) {
            md.append("本期无跨区风险。\n");
        } else {
            md.append("| 类型 | 风险 | 涉及区 | 预警数 | 最高级别 |\n| --- | --- | --- | --- | --- |\n");
            for (CitySummary.CrossDistrictRisk r : s.crossDistrict()) {
                md.append("| ").append(r.kind()).append(" | ").append(Markdown.inline(r.subject())).append(" | ")
                        .append(Markdown.inline(String.join("、", r.districts()))).append(" | ").append(r.alerts()).append(" | ")
                        .append(r.highestLevel()).append(" |\n");
            }
        }
        md.append("\n## 四、外地交流预警（京津冀 预警交流：本期通报，或此前通报且对方尚未办结）\n\n");
        if (s.received().isEmpty()) {
            md.append("本期未收到外地交流预警。\n");
        } else {
            md.append("| 来源 | 预警 | 级别 | 状态 | 地区 | 食品类别 | 通报时间 | 通报说明 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (CitySummary.PartnerRisk r : s.received()) {
                md.append("| ").append(Markdown.inline(r.originRegion() + "（" + r.origin() + "）")).append(" | ")
                        .append(Markdown.inline(r.headline() != null ? r.headline() : r.alertId())).append(" | ")
                        .append(orDash(r.level())).append(" | ").append(orDash(r.status())).append(" | ")
                        .append(Markdown.inline(orDash(r.district()))).append(" | ")
                        .append(Markdown.inline(orDash(r.foodCategory()))).append(" | ").append(r.sharedAt()).append(" | ")
                        .append(Markdown.inline(orDash(r.note()))).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
