package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Evidence;
import org.foodrisk.detect.Judgement;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.PooledModel;
import org.foodrisk.detect.aberration.PooledNegativeBinomial;
import org.foodrisk.detect.aberration.PooledNegativeBinomialRun;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.reference.Period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The weekly half of the pooled stage ({@code weekly-count-method: pooled-nb}, issue 19): when the stage closes a
 * Sunday, every district's ISO week (Monday to Sunday) of a stream × city × food category is judged by one pooled
 * negative-binomial model of the weekly sums ({@link PooledNegativeBinomial}, weekly: a level per district, the week's
 * number of samples as offset for sampling failures), fitted on the {@code window} weeks before it. A district is
 * judged at its own level from its {@code min-periods}-th whole week after its first record (its fifth with the
 * default 4) and before that, from its first whole week, at the city's level ({@code new-units}, as the daily half
 * does), where the weekly improved Farrington needs five years and three weeks of its own. docs/evaluation.md ("A new district's first
 * weeks") measured it the best of the methods at matched false-alarm rates in a new district's first weeks.
 *
 * <p>The week's sums are taken from the daily counts when it closes and kept in the same store
 * ({@code <series>|week|<monday>|<district>}, count and failures only) for the model's two years — the daily counts
 * themselves are kept only as long as a day can still be judged again. A late report of a closed week (within the
 * re-judgement horizon) has the week summed and judged again at the next watermark: raised late (补判), updated (更新)
 * or withdrawn (撤回), with the model its first verdict had ({@link #WEEK_MODEL}). A series whose weeks this stage
 * never summed — a deployment that turns weekly pooling on — gets its weeks summed, at its first closed Sunday, from
 * the daily counts the stage still holds (the daily model's half year, or the horizon's days); weeks before those are
 * unknown, not zero.
 */
final class PooledWeeks {

    /** {@code <series>|week|<monday>|<district>} in the counts store: a closed week's sums (no records). */
    static final String WEEK_SUMS = "|week|";
    /** {@code #week-from|<series>}: the first Monday whose week this stage summed (earlier weeks are unknown). */
    static final String WEEKS_FROM = "#week-from|";
    /** {@code #week-dirty|<series>|<district>|<monday>}: a judged week whose count changed since. */
    static final String WEEK_DIRTY = "#week-dirty|";
    /** {@code #week-alarmed|<series>|<district>|<monday>}: a week whose last verdict was an alarm. */
    static final String WEEK_ALARMED = "#week-alarmed|";
    /** {@code #week-model|<series>|<monday>}: the model of that week ({@link PooledFit}). */
    static final String WEEK_MODEL = "#week-model|";
    /** Weeks of sums, alarm marks and models kept beyond the window and the re-judgement horizon. */
    private static final int SPARE_WEEKS = 2;

    /** How a verdict's judgement is worded (its state, the period, the watermark, the reports in). */
    @FunctionalInterface
    interface Judgements {
        Judgement of(String state, SignalType type, LocalDate first, LocalDate last, long watermark, long received);
    }

    private final CountAberrationRule rule;
    private final PooledNegativeBinomialRun.Options options;
    private final ZoneId zone;
    private final long rejudgeDays;
    private final KeyValueStore<String, DailyCount> counts;
    private final KeyValueStore<String, String> progress;
    /** The processor's districts and first days of each series (kept by it). */
    private final Map<String, NavigableMap<String, LocalDate>> firstDays;
    private final Judgements judgements;
    private final Consumer<Record<String, Detection>> forward;
    private final Map<String, LocalDate> weeksFrom = new HashMap<>();
    private final NavigableSet<String> dirtyMarks = new TreeSet<>(StoreKeyOrder.INSTANCE);
    private final StoredFits models;

    /**
     * @param rule    words the verdicts ({@link CountAberrationRules#pooledWeekly})
     * @param options the weekly model's alpha, window, refit interval (weeks) and minimum weeks of a district
     */
    PooledWeeks(CountAberrationRule rule, PooledNegativeBinomialRun.Options options, ZoneId zone, long rejudgeDays,
                KeyValueStore<String, DailyCount> counts, KeyValueStore<String, String> progress,
                Map<String, NavigableMap<String, LocalDate>> firstDays, Judgements judgements,
                Consumer<Record<String, Detection>> forward) {
        this.rule = rule;
        this.options = options;
        this.zone = zone;
        this.rejudgeDays = rejudgeDays;
        this.counts = counts;
        this.progress = progress;
        this.firstDays = firstDays;
        this.judgements = judgements;
        this.forward = forward;
        this.models = new StoredFits(progress, WEEK_MODEL);
        try (KeyValueIterator<String, String> from = progress.range(WEEKS_FROM, WEEKS_FROM + "\uffff")) {
            from.forEachRemaining(e -> weeksFrom.put(e.key.substring(WEEKS_FROM.length()), LocalDate.parse(e.value)));
        }
        try (KeyValueIterator<String, String> dirty = progress.range(WEEK_DIRTY, WEEK_DIRTY + "\uffff")) {
            dirty.forEachRemaining(e -> dirtyMarks.add(e.key));
        }
    }

    /** Days of daily counts a week needs kept: its own seven, for as long as it can be judged again. */
    long countDaysNeeded() {
        return rejudgeDays + 7;
    }

    /** A record of {@code day} arrived: a closed week it falls in, within the horizon, is judged again at the next watermark. */
    void recordArrived(String series, String district, LocalDate day, LocalDate closedThrough) {
        LocalDate sunday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        if (closedThrough == null || sunday.isAfter(closedThrough)
                || day.isBefore(closedThrough.minusDays(rejudgeDays)) || !weeksFrom.containsKey(series)) {
            return;
        }
        String mark = WEEK_DIRTY + series + "|" + district + "|" + sunday.minusDays(6);
        if (dirtyMarks.add(mark)) {
            progress.put(mark, "1");
        }
    }

    /** The first verdict of every district's week of a series ending on {@code sunday}, which has just closed. */
    void closeWeek(String series, LocalDate sunday, long watermark) {
        LocalDate monday = sunday.minusDays(6);
        if (!weeksFrom.containsKey(series)) {
            startSumming(series, monday);
        }
        if (monday.isBefore(weeksFrom.get(series))) {
            return; // a week this stage saw only part of
        }
        SignalType type = PooledSeries.typeOf(series);
        for (Map.Entry<String, WeekTotal> district : sumWeek(series, monday).entrySet()) {
            WeekTotal week = district.getValue();
            keepSum(series, monday, district.getKey(), week);
            if (!rule.cannotAlarmOn(week.counted(type))) {
                publish(series, district.getKey(), monday,
                        verdict(series, district.getKey(), monday, week, watermark, Judgement.FIRST), false);
            }
        }
    }

    /** Sums and judges again, once each, the closed weeks whose counts changed since their last verdict. */
    void rejudgeChangedWeeks(long watermark) {
        if (dirtyMarks.isEmpty()) {
            return;
        }
        List<String> changed = new ArrayList<>(dirtyMarks);
        dirtyMarks.clear();
        for (String mark : changed) {
            progress.delete(mark);
            String rest = mark.substring(WEEK_DIRTY.length());
            int mondayBar = rest.lastIndexOf('|');
            int districtBar = rest.lastIndexOf('|', mondayBar - 1);
            String series = rest.substring(0, districtBar);
            String district = rest.substring(districtBar + 1, mondayBar);
            LocalDate monday = LocalDate.parse(rest.substring(mondayBar + 1));
            WeekTotal week = sumWeek(series, monday).getOrDefault(district, WeekTotal.NONE);
            keepSum(series, monday, district, week);
            boolean alarmed = progress.get(alarmedKey(series, district, monday)) != null;
            if (alarmed || !rule.cannotAlarmOn(week.counted(PooledSeries.typeOf(series)))) {
                publish(series, district, monday, verdict(series, district, monday, week, watermark, Judgement.UPDATED),
                        true);
            }
        }
    }

    /**
     * Once a week: sums older than the model's window and the horizon are no longer read, nor alarm marks and models
     * of weeks that can no longer be judged again.
     */
    void forgetOldWeeks(LocalDate today) {
        LocalDate sumsBefore = today.minusWeeks(options.window() + SPARE_WEEKS).minusDays(rejudgeDays);
        for (String series : firstDays.keySet()) {
            List<String> old = new ArrayList<>();
            String prefix = series + WEEK_SUMS;
            try (KeyValueIterator<String, DailyCount> weeks = counts.range(prefix, prefix + sumsBefore)) {
                weeks.forEachRemaining(e -> old.add(e.key));
            }
            old.forEach(counts::delete);
        }
        LocalDate marksBefore = today.minusDays(rejudgeDays).minusWeeks(SPARE_WEEKS);
        List<String> oldAlarms = new ArrayList<>();
        try (KeyValueIterator<String, String> marks = progress.range(WEEK_ALARMED, WEEK_ALARMED + "\uffff")) {
            marks.forEachRemaining(e -> {
                if (LocalDate.parse(e.key.substring(e.key.lastIndexOf('|') + 1)).isBefore(marksBefore)) {
                    oldAlarms.add(e.key);
                }
            });
        }
        oldAlarms.forEach(progress::delete);
        models.forgetBefore(marksBefore);
    }

    /**
     * A series' first closed week: the whole weeks still in the daily counts before it are summed (a deployment that
     * turns weekly pooling on has the daily model's half year of days; a new one none), and weeks are known from the
     * first of them.
     */
    private void startSumming(String series, LocalDate monday) {
        LocalDate from = monday;
        try (KeyValueIterator<String, DailyCount> days = counts.range(series + "|", series + "|\uffff")) {
            if (days.hasNext()) {
                String key = days.next().key;
                String rest = key.substring(series.length() + 1);
                if (Character.isDigit(rest.charAt(0))) { // a day's key, not a week's sums
                    LocalDate earliest = LocalDate.parse(rest.substring(0, rest.indexOf('|')));
                    // The first whole week: after this one when this one began before the stage's first day.
                    from = earliest.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                }
            }
        }
        for (LocalDate week = from; week.isBefore(monday); week = week.plusWeeks(1)) {
            LocalDate summed = week;
            sumWeek(series, week).forEach((district, total) -> keepSum(series, summed, district, total));
        }
        weeksFrom.put(series, from);
        progress.put(WEEKS_FROM + series, from.toString());
    }

    /** A district's counts of one ISO week: its days' sums and the first of their records (the line list). */
    private record WeekTotal(long count, long failed, long weight, List<Evidence> records) {
        static final WeekTotal NONE = new WeekTotal(0, 0, 0, List.of());

        long counted(SignalType type) {
            return PooledSeries.counted(type, count, failed);
        }
    }

    /** Every district's sums of the week from {@code monday}, from the daily counts. */
    private Map<String, WeekTotal> sumWeek(String series, LocalDate monday) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, List<Evidence>> records = new HashMap<>();
        for (int d = 0; d < 7; d++) {
            String prefix = series + "|" + monday.plusDays(d) + "|";
            try (KeyValueIterator<String, DailyCount> days = counts.range(prefix, prefix + "\uffff")) {
                while (days.hasNext()) {
                    KeyValue<String, DailyCount> day = days.next();
                    String district = day.key.substring(prefix.length());
                    long[] sum = sums.computeIfAbsent(district, k -> new long[3]);
                    sum[0] += day.value.count();
                    sum[1] += day.value.failed();
                    sum[2] += day.value.weight();
                    List<Evidence> kept = records.computeIfAbsent(district, k -> new ArrayList<>());
                    day.value.records().stream().limit(Math.max(0, DailyCount.MAX_RECORDS - kept.size()))
                            .forEach(kept::add);
                }
            }
        }
        Map<String, WeekTotal> weeks = new TreeMap<>();
        sums.forEach((district, sum) -> weeks.put(district,
                new WeekTotal(sum[0], sum[1], sum[2], List.copyOf(records.get(district)))));
        return weeks;
    }

    private void keepSum(String series, LocalDate monday, String district, WeekTotal week) {
        String key = weekKey(series, monday, district);
        if (week.count() <= 0) {
            counts.delete(key);
        } else {
            counts.put(key, new DailyCount(week.count(), week.failed(), week.weight(), List.of(), Map.of()));
        }
    }

    private PeriodVerdict verdict(String series, String district, LocalDate monday, WeekTotal week, long watermark,
                                  String state) {
        SignalType type = PooledSeries.typeOf(series);
        LocalDate sunday = monday.plusDays(6);
        Judgement judgement = judgements.of(state, type, monday, sunday, watermark, week.count());
        Optional<Detection> detection = point(series, district, monday, week)
                .flatMap(point -> rule.evaluatePoint(type, district + "|" + PooledSeries.categoryOf(series), point,
                        week.records(), zone))
                .map(d -> d.judged(judgement));
        return new PeriodVerdict(detection, type, monday.atStartOfDay(zone).toOffsetDateTime(),
                sunday.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), judgement,
                sunday.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
    }

    /**
     * The weekly model's point for a district's week, or none: a week without a record, a district without a whole
     * week this stage summed, or a window that could not be fitted. A district with its own level and
     * {@code min-periods} whole weeks is judged at its level; one too new to know it, or without an event in the
     * window, at the average district's level scaled to its residents ({@link PooledSeries#residentScale}).
     */
    private Optional<DetectionPoint> point(String series, String district, LocalDate monday, WeekTotal week) {
        LocalDate start = firstWholeWeek(series, district);
        if (week.count() <= 0 || start == null || monday.isBefore(start)) {
            return Optional.empty();
        }
        Optional<PooledFit> fitted = model(series, refitMonday(monday));
        if (fitted.isEmpty()) {
            return Optional.empty();
        }
        SignalType type = PooledSeries.typeOf(series);
        Integer unit = fitted.get().units().get(district);
        PooledModel model = fitted.get().model();
        double effort = PooledSeries.effort(type, week.count());
        boolean young = ChronoUnit.WEEKS.between(start, monday) < options.minPeriods();
        if (young && options.newUnits() == PooledNegativeBinomialRun.NewUnits.WAIT) {
            return Optional.empty(); // new-units=wait: not judged before min-periods whole weeks of its own
        }
        if (young || unit == null || !model.knows(unit)) {
            return Optional.of(model.judgeAtAverageLevel(monday, false,
                    effort * PooledSeries.residentScale(type, district, fitted.get()), week.counted(type),
                    options.alpha()));
        }
        return Optional.of(model.judge(unit, monday, false, effort, week.counted(type), options.alpha()));
    }

    /** The Monday of a district's first whole week this stage summed, or null when it has none. */
    private LocalDate firstWholeWeek(String series, String district) {
        LocalDate first = firstDays.getOrDefault(series, new TreeMap<>()).get(district);
        LocalDate summedFrom = weeksFrom.get(series);
        if (first == null || summedFrom == null) {
            return null;
        }
        LocalDate whole = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        return whole.isBefore(summedFrom) ? summedFrom : whole;
    }

    /** The week a week's model was fitted for: every {@code refit-every} weeks from 1970-01-05, a Monday. */
    private LocalDate refitMonday(LocalDate monday) {
        long weeks = (monday.toEpochDay() - 4) / 7;
        return monday.minusWeeks(Math.floorMod(weeks, options.refitEvery()));
    }

    /** The model of a series' refit week ({@link StoredFits}). */
    private Optional<PooledFit> model(String series, LocalDate refitMonday) {
        return models.of(series, refitMonday, () -> fit(series, refitMonday));
    }

    /**
     * The model of the {@code window} weeks before the refit week, every district of the series with a whole week
     * before it and an event in the window: sampling on the weeks it had samples (failures with the samples as
     * effort), the other streams on every week from its first (weeks without a record count zero).
     */
    private Optional<PooledFit> fit(String series, LocalDate refitMonday) {
        SignalType type = PooledSeries.typeOf(series);
        LocalDate from = refitMonday.minusWeeks(options.window());
        String prefix = series + WEEK_SUMS;
        Map<String, Map<LocalDate, DailyCount>> byDistrict = new TreeMap<>();
        try (KeyValueIterator<String, DailyCount> weeks = counts.range(prefix + from, prefix + refitMonday)) {
            while (weeks.hasNext()) {
                KeyValue<String, DailyCount> entry = weeks.next();
                String rest = entry.key.substring(prefix.length());
                int bar = rest.indexOf('|');
                byDistrict.computeIfAbsent(rest.substring(bar + 1), d -> new HashMap<>())
                        .put(LocalDate.parse(rest.substring(0, bar)), entry.value);
            }
        }
        Map<String, Integer> units = new HashMap<>();
        List<PooledNegativeBinomial.Observation> observations = new ArrayList<>();
        for (String district : firstDays.getOrDefault(series, new TreeMap<>()).keySet()) {
            LocalDate start = firstWholeWeek(series, district);
            Map<LocalDate, DailyCount> weeks = byDistrict.getOrDefault(district, Map.of());
            boolean counted = weeks.values().stream()
                    .anyMatch(week -> PooledSeries.counted(type, week.count(), week.failed()) > 0);
            if (start == null || !start.isBefore(refitMonday) || !counted) {
                continue; // no whole week yet, or no level the fit could estimate (judged at the average level)
            }
            int unit = units.size();
            units.put(district, unit);
            for (LocalDate week = start.isAfter(from) ? start : from; week.isBefore(refitMonday); week = week.plusWeeks(1)) {
                DailyCount sums = weeks.get(week);
                if (type == SignalType.SAMPLING && sums == null) {
                    continue;
                }
                observations.add(new PooledNegativeBinomial.Observation(unit, week, false,
                        sums == null ? 1 : PooledSeries.effort(type, sums.count()),
                        sums == null ? 0 : PooledSeries.counted(type, sums.count(), sums.failed())));
            }
        }
        if (observations.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PooledFit(PooledNegativeBinomial.fit(observations, false, options.terms()).model(),
                    units));
        } catch (ArithmeticException | IllegalArgumentException e) {
            // No negative-binomial fit of this window: its weeks are left unjudged rather than judged on a broken fit.
            return Optional.empty();
        }
    }

    private void publish(String series, String district, LocalDate monday, PeriodVerdict verdict, boolean rejudged) {
        verdict.publish(progress, alarmedKey(series, district, monday), Period.weekOf(monday).id() + "当周", rejudged,
                forward);
    }

    private static String alarmedKey(String series, String district, LocalDate monday) {
        return WEEK_ALARMED + series + "|" + district + "|" + monday;
    }

    private static String weekKey(String series, LocalDate monday, String district) {
        return series + WEEK_SUMS + monday + "|" + district;
    }
}
