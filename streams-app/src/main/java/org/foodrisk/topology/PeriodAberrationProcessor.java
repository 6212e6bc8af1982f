package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.ComparableDays;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Evidence;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the count detectors when a day closes, in event time: a day is closed once the latest
 * event time this task has seen has passed its end by the grace period (late reports of that day have had time to
 * arrive). Every closed day of every series is judged exactly once — the last judged day of each
 * series is remembered in a store — so a replay of history judges the same days with the same
 * counts as live traffic did, and a restart neither skips nor repeats a day.
 */
final class PeriodAberrationProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    private final CountAberrationRule rule;
    private final CountAberrationRule weeklyRule;
    private final ComparableDays comparableDays;
    private final ZoneId zone;
    private final Duration grace;
    private final String countsStore;
    private final String progressStore;
    private KeyValueStore<String, DailyCount> counts;
    private KeyValueStore<String, String> progress;

    /**
     * @param weeklyRule     also judges each ISO week when its Sunday closes (weekly sums of the same
     *                       daily counts), or null
     * @param comparableDays which earlier days a day is judged against (its own day type, holidays left out; or consecutive days)
     * @param countsStore    the daily counts of the series this task holds; progressStore the last judged day of each
     */
    PeriodAberrationProcessor(CountAberrationRule rule, CountAberrationRule weeklyRule, ComparableDays comparableDays,
                              ZoneId zone, Duration grace, String countsStore, String progressStore) {
        this.comparableDays = comparableDays;
        this.weeklyRule = weeklyRule;
        this.rule = rule;
        this.zone = zone;
        this.grace = grace;
        this.countsStore = countsStore;
        this.progressStore = progressStore;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        counts = context.getStateStore(countsStore);
        progress = context.getStateStore(progressStore);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        if (!rule.watches(signal.type()) || signal.sign() < 0 || signal.districtCode() == null) {
            return;
        }
        String series = signal.type().wireName() + "|" + record.key();
        LocalDate day = DayKeys.day(signal.eventTime(), zone);
        // Days before the first record this task saw are unknown, not zero: a detector given zeros
        // for them would alarm on the first busy day of a new deployment (seen in a test: EARS C2
        // alarmed on day one with a baseline of seven made-up zeros).
        String observedFrom = progress.get(OBSERVED_FROM);
        if (observedFrom == null || day.isBefore(LocalDate.parse(observedFrom))) {
            progress.put(OBSERVED_FROM, day.toString());
        }
        String judgedUpTo = progress.get(series);
        // A new series starts being judged from its first day; a late record for an already
        // judged day only updates the count (the judgement of that day stands).
        if (judgedUpTo == null) {
            progress.put(series, day.minusDays(1).toString());
        }
        // Days close on the event time this task has seen. (Not a stream-time punctuation: measured
        // on the real broker, a new task's stream time started at the wall clock, so that records of
        // an earlier year never moved it and their days were never judged.) How far days are closed
        // is kept in the store, not in a field, so that a restarted or moved task closes the same
        // days at the same records as an undisturbed one.
        LocalDate closable = Instant.ofEpochMilli(record.timestamp()).minus(grace).atZone(zone).toLocalDate().minusDays(1);
        String closedThrough = progress.get(CLOSED_THROUGH);
        if (closedThrough == null || closable.isAfter(LocalDate.parse(closedThrough))) {
            progress.put(CLOSED_THROUGH, closable.toString());
            closeDays(closable);
        }
    }

    /** Keys of the task's own bookkeeping, kept beside the series in the progress store. */
    static final String OBSERVED_FROM = StoreNames.OBSERVED_FROM_KEY;
    static final String CLOSED_THROUGH = "#closed-through";

    private void closeDays(LocalDate lastClosed) {
        List<KeyValue<String, String>> series = new ArrayList<>();
        try (KeyValueIterator<String, String> all = progress.all()) {
            all.forEachRemaining(series::add);
        }
        for (KeyValue<String, String> entry : series) {
            if (entry.key.startsWith("#")) {
                continue;
            }
            LocalDate judged = LocalDate.parse(entry.value);
            if (!judged.isBefore(lastClosed)) {
                continue;
            }
            for (LocalDate day = judged.plusDays(1); !day.isAfter(lastClosed); day = day.plusDays(1)) {
                judge(entry.key, day);
                if (weeklyRule != null && day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                    judgeWeek(entry.key, day);
                }
            }
            progress.put(entry.key, lastClosed.toString());
        }
    }

    private void judge(String series, LocalDate day) {
        SignalType type = SignalType.valueOf(series.substring(0, series.indexOf('|')).toUpperCase());
        String seriesKey = series.substring(series.indexOf('|') + 1);
        String observedFrom = progress.get(OBSERVED_FROM);
        // A short series (days before the task's first record are unknown): the method says so rather than alarming.
        List<LocalDate> dates = comparableDays.seriesDays(day, rule.historyDays(),
                observedFrom == null ? null : LocalDate.parse(observedFrom));
        // One lookup per day of the series rather than a range scan from its first day: comparable
        // days reach back up to four times the history, and a range scan parsed every day in between
        // — for every series of the task and every day a replay or a long silence closes at once.
        long[] values = new long[dates.size()];
        List<Evidence> lastDay = List.of();
        for (int i = 0; i < dates.size(); i++) {
            DailyCount count = counts.get(DayKeys.key(series, dates.get(i)));
            if (count == null) {
                continue;
            }
            // Sampling is judged on its failures; the other streams on every record.
            values[i] = type == SignalType.SAMPLING ? count.failed() : count.count();
            if (i == values.length - 1) {
                lastDay = count.records();
            }
        }
        CountSeries countSeries = new CountSeries(series, Frequency.DAY, dates, values);
        rule.evaluate(type, seriesKey, countSeries, lastDay, zone).ifPresent(detection ->
                context().forward(new Record<>(detection.dedupKey(), detection,
                        day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli())));
    }

    /**
     * Judges the ISO week ending on {@code sunday} with the weekly rule, on weekly sums of the daily
     * counts. Weeks before the task's first record are unknown, and so is a week it saw only part of:
     * the series starts at the first whole week, and a method that needs years of history (the
     * improved Farrington: 5 years) says the series is too short rather than alarming.
     */
    private void judgeWeek(String series, LocalDate sunday) {
        SignalType type = SignalType.valueOf(series.substring(0, series.indexOf('|')).toUpperCase());
        LocalDate monday = sunday.minusDays(6);
        LocalDate first = monday.minusWeeks(weeklyRule.historyDays());
        String observedFrom = progress.get(OBSERVED_FROM);
        if (observedFrom != null && first.isBefore(LocalDate.parse(observedFrom))) {
            first = LocalDate.parse(observedFrom).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        }
        if (first.isAfter(monday)) {
            return;
        }
        int weeks = (int) ((monday.toEpochDay() - first.toEpochDay()) / 7) + 1;
        long[] values = new long[weeks];
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            mondays.add(first.plusWeeks(i));
        }
        List<Evidence> lastWeek = new ArrayList<>();
        try (KeyValueIterator<String, DailyCount> days = counts.range(DayKeys.key(series, first), DayKeys.key(series, sunday))) {
            while (days.hasNext()) {
                KeyValue<String, DailyCount> entry = days.next();
                int index = (int) ((DayKeys.dayOf(entry.key).toEpochDay() - first.toEpochDay()) / 7);
                values[index] += type == SignalType.SAMPLING ? entry.value.failed() : entry.value.count();
                if (index == weeks - 1 && lastWeek.size() < DailyCount.MAX_RECORDS) {
                    entry.value.records().stream().limit(DailyCount.MAX_RECORDS - lastWeek.size()).forEach(lastWeek::add);
                }
            }
        }
        CountSeries countSeries = new CountSeries(series, Frequency.WEEK, mondays, values);
        String seriesKey = series.substring(series.indexOf('|') + 1);
        weeklyRule.evaluate(type, seriesKey, countSeries, lastWeek, zone).ifPresent(detection ->
                context().forward(new Record<>(detection.dedupKey(), detection,
                        sunday.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli())));
    }
}
