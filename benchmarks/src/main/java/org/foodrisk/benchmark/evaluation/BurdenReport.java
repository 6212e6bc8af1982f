package org.foodrisk.benchmark.evaluation;

import org.foodrisk.benchmark.evaluation.Period.Holiday;
import org.foodrisk.benchmark.evaluation.Period.WeekClass;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Part 1: the alerts the deployed pipeline raises on clean background traffic, by kind, by week
 * (warm-up, holiday, after a holiday, ordinary) and by district, and around each long holiday.
 *
 * <p>An alert belongs to the week its first version was written in (the arrival clock at that
 * moment: when analysts would have seen it). Rates are distinct alerts / 16 districts / weeks.
 */
final class BurdenReport {

    /** Kinds whose alerts on the demo background are real findings (a banned substance, a business failing twice), not noise. */
    static final Set<String> REAL_FINDINGS = Set.of("sampling.critical-hazard", "sampling.repeat-offender");
    /** The daily count detectors (EARS C2 on comparable days): the holiday question is theirs. */
    static final Set<String> COUNT_KINDS = Set.of("illness.aberration", "complaint.spike", "sampling.aberration");
    /** Judged weekly on the plan year so far: its window starts on 1 January whatever day it is raised. */
    static final String YEAR_TO_DATE = "plan.target-at-risk";

    private final Period period;
    private final RunResult clean;
    private final List<AlertHistory> alerts;
    private final int districts = Districts.all().size();

    BurdenReport(Period period, RunResult clean) {
        this.period = period;
        this.clean = clean;
        this.alerts = AlertHistory.of(clean.alerts());
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("### 1. Alerts on clean data\n\n");
        out.append(String.format("%d weeks from %s (%s to %s), %,d records of clean background for all %d districts in "
                        + "arrival order, refused by the intake: %d. %d distinct alerts in %d versions.%n%n",
                period.weeks(), period.start(), period.start(), period.end().minusDays(1), clean.records(), districts,
                clean.deadLetters().size(), alerts.size(), clean.alerts().size()));
        out.append(byKind()).append('\n');
        out.append(byWeekClass()).append('\n');
        out.append(byDistrict()).append('\n');
        out.append(aroundHolidays()).append('\n');
        return out.toString();
    }

    private double perDistrictWeek(long count, int weeks) {
        return weeks == 0 ? Double.NaN : (double) count / districts / weeks;
    }

    private boolean afterWarmUp(AlertHistory alert) {
        return period.classOf(period.weekOf(alert.first().raisedAt())) != WeekClass.WARM_UP;
    }

    private String byKind() {
        int weeksAfterWarmUp = period.weeks() - period.weeksOf(WeekClass.WARM_UP);
        MarkdownTable table = new MarkdownTable("kind", "#alerts", "#versions", "#per district per week",
                "#per district per week after warm-up", "#raised late (补判)", "#updated (更新)", "#withdrawn (撤回)",
                "levels (latest version)");
        Map<String, List<AlertHistory>> byKind = alerts.stream()
                .collect(Collectors.groupingBy(AlertHistory::kind, TreeMap::new, Collectors.toList()));
        byKind.forEach((kind, list) -> table.row(kind + (REAL_FINDINGS.contains(kind) ? " ¹" : ""), list.size(),
                versions(list), MarkdownTable.f2(perDistrictWeek(list.size(), period.weeks())),
                MarkdownTable.f2(perDistrictWeek(list.stream().filter(this::afterWarmUp).count(), weeksAfterWarmUp)),
                list.stream().filter(AlertHistory::raisedLate).count(),
                list.stream().filter(AlertHistory::everUpdatedOnLateReports).count(),
                list.stream().filter(AlertHistory::everWithdrawn).count(), levels(list)));
        total(table, "**all kinds**", a -> true, weeksAfterWarmUp);
        total(table, "**all but real findings ¹**", a -> !REAL_FINDINGS.contains(a.kind()), weeksAfterWarmUp);
        return "By kind (per district per week = distinct alerts / " + districts + " / " + period.weeks() + " weeks; after "
                + "warm-up: weeks " + (Period.WARM_UP_WEEKS + 1) + "–" + period.weeks() + "):\n\n" + table.render()
                + "\n¹ real findings in the background, not false alarms: the demo's national failure mix contains banned "
                + "substances (each one is a 不合格 result the rules say to act on at once) and businesses that fail twice.\n";
    }

    private void total(MarkdownTable table, String label, Predicate<AlertHistory> which, int weeksAfterWarmUp) {
        List<AlertHistory> list = alerts.stream().filter(which).toList();
        table.row(label, list.size(), versions(list), MarkdownTable.f2(perDistrictWeek(list.size(), period.weeks())),
                MarkdownTable.f2(perDistrictWeek(list.stream().filter(this::afterWarmUp).count(), weeksAfterWarmUp)),
                list.stream().filter(AlertHistory::raisedLate).count(),
                list.stream().filter(AlertHistory::everUpdatedOnLateReports).count(),
                list.stream().filter(AlertHistory::everWithdrawn).count(), levels(list));
    }

    private static int versions(List<AlertHistory> list) {
        return list.stream().mapToInt(a -> a.versions().size()).sum();
    }

    private static String levels(List<AlertHistory> list) {
        Map<String, Long> byLevel = list.stream().collect(Collectors.groupingBy(a -> String.valueOf(a.latest().level()),
                TreeMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder();
        for (String level : List.of("RED", "ORANGE", "YELLOW", "BLUE")) {
            Long n = byLevel.remove(level);
            if (n != null) {
                out.append(out.isEmpty() ? "" : " ").append(level).append(' ').append(n);
            }
        }
        byLevel.forEach((level, n) -> out.append(' ').append(level).append(' ').append(n));
        return out.toString();
    }

    private String byWeekClass() {
        MarkdownTable table = new MarkdownTable("week class", "#weeks", "#alerts", "#per district per week",
                "#without real findings", "#per district per week without real findings", "#count kinds ²",
                "#count kinds per district per week");
        Map<WeekClass, List<AlertHistory>> byClass = new EnumMap<>(WeekClass.class);
        for (AlertHistory alert : alerts) {
            byClass.computeIfAbsent(period.classOf(period.weekOf(alert.first().raisedAt())), c -> new ArrayList<>())
                    .add(alert);
        }
        for (WeekClass weekClass : WeekClass.values()) {
            int weeks = period.weeksOf(weekClass);
            List<AlertHistory> list = byClass.getOrDefault(weekClass, List.of());
            long noise = list.stream().filter(a -> !REAL_FINDINGS.contains(a.kind())).count();
            long counts = list.stream().filter(a -> COUNT_KINDS.contains(a.kind())).count();
            table.row(weekClass.label, weeks, list.size(), MarkdownTable.f2(perDistrictWeek(list.size(), weeks)), noise,
                    MarkdownTable.f2(perDistrictWeek(noise, weeks)), counts, MarkdownTable.f2(perDistrictWeek(counts, weeks)));
        }
        return "By week, the week an alert was first raised (arrival clock):\n\n" + table.render()
                + "\n² the daily count detectors: " + String.join(", ", new TreeSet<>(COUNT_KINDS)) + ".\n";
    }

    private String byDistrict() {
        int weeksAfterWarmUp = period.weeks() - period.weeksOf(WeekClass.WARM_UP);
        MarkdownTable table = new MarkdownTable("district", "#alerts", "#per week", "#per week after warm-up",
                "#after warm-up without real findings, per week", "#most in one week", "#weeks with more than 2",
                "most frequent kinds");
        Map<String, List<AlertHistory>> byDistrict = alerts.stream()
                .collect(Collectors.groupingBy(a -> String.valueOf(a.districtCode()), TreeMap::new, Collectors.toList()));
        long busyWeeks = 0;
        for (District district : Districts.all()) {
            List<AlertHistory> list = byDistrict.getOrDefault(district.code(), List.of());
            List<AlertHistory> later = list.stream().filter(this::afterWarmUp).toList();
            int[] perWeek = perWeek(list);
            busyWeeks += Arrays.stream(perWeek).filter(n -> n > 2).count();
            table.row(district.name(), list.size(), MarkdownTable.f2((double) list.size() / period.weeks()),
                    MarkdownTable.f2((double) later.size() / weeksAfterWarmUp),
                    MarkdownTable.f2((double) later.stream().filter(a -> !REAL_FINDINGS.contains(a.kind())).count()
                            / weeksAfterWarmUp), Arrays.stream(perWeek).max().orElse(0),
                    Arrays.stream(perWeek).filter(n -> n > 2).count(), topKinds(list));
        }
        List<AlertHistory> citywide = byDistrict.getOrDefault("null", List.of());
        if (!citywide.isEmpty()) {
            int[] perWeek = perWeek(citywide);
            table.row("(no district)", citywide.size(), MarkdownTable.f2((double) citywide.size() / period.weeks()), "", "",
                    Arrays.stream(perWeek).max().orElse(0), Arrays.stream(perWeek).filter(n -> n > 2).count(),
                    topKinds(citywide));
        }
        return "By district (a week is the week an alert was first raised in):\n\n" + table.render()
                + String.format("%nDistrict-weeks with more than 2 alerts: %d of %d.%n", busyWeeks, districts * period.weeks());
    }

    /** Distinct alerts first raised in each week of the period. */
    private int[] perWeek(List<AlertHistory> list) {
        int[] counts = new int[period.weeks()];
        list.forEach(a -> counts[period.weekOf(a.first().raisedAt())]++);
        return counts;
    }

    private static String topKinds(List<AlertHistory> list) {
        return list.stream().collect(Collectors.groupingBy(AlertHistory::kind, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * The holiday dip and rebound (control e, second half): alerts about the 7 days after each
     * 法定节假日 run (by the day the alert is about, its window start) against the same measure over
     * ordinary days after the warm-up (not a holiday, not a return week).
     */
    private String aroundHolidays() {
        List<Holiday> holidays = period.holidays();
        MarkdownTable table = new MarkdownTable("days the alerts are about", "#days", "#alerts ³",
                "#per district per 7 days", "#count kinds ²", "#count kinds per district per 7 days", "kinds");
        LocalDate firstOrdinary = period.start().plusWeeks(Period.WARM_UP_WEEKS);
        long ordinaryDays = firstOrdinary.datesUntil(period.end()).filter(d -> !period.isHolidayOrReturnDay(d)).count();
        row(table, "ordinary days after warm-up (reference)", (int) ordinaryDays,
                d -> !d.isBefore(firstOrdinary) && !period.isHolidayOrReturnDay(d));
        for (Holiday holiday : holidays) {
            row(table, "7 days after " + holiday.name() + " (" + holiday.first() + "…" + holiday.last() + ", "
                    + holiday.days() + " d): " + holiday.returnFrom() + "…" + holiday.returnFrom().plusDays(6), 7,
                    holiday::inReturnWeek);
            row(table, "during " + holiday.name(), holiday.days(),
                    d -> !d.isBefore(holiday.first()) && !d.isAfter(holiday.last()));
        }
        return "Around holidays — alerts by the day they are about (window start), per district per 7 days:\n\n"
                + table.render() + "\n³ all kinds but " + YEAR_TO_DATE + ", whose window starts on 1 January (it is "
                + "about the year to date, not a day).\n";
    }

    private void row(MarkdownTable table, String label, int days, Predicate<LocalDate> about) {
        List<AlertHistory> list = alerts.stream().filter(a -> !a.kind().equals(YEAR_TO_DATE)).filter(a -> {
            LocalDate day = a.first().windowDay(period.zone());
            return day != null && about.test(day);
        }).toList();
        List<AlertHistory> counts = list.stream().filter(a -> COUNT_KINDS.contains(a.kind())).toList();
        double weeks = days / 7.0;
        table.row(label, days, list.size(), MarkdownTable.f2(list.size() / (double) districts / weeks), counts.size(),
                MarkdownTable.f2(counts.size() / (double) districts / weeks),
                list.stream().collect(Collectors.groupingBy(AlertHistory::kind, TreeMap::new, Collectors.counting()))
                        .toString().replaceAll("[{}]", "").replace("=", " "));
    }
}
