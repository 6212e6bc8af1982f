package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Evidence;
import org.foodrisk.detect.Judgement;
import org.foodrisk.detect.ReportDelays;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.PooledModel;
import org.foodrisk.detect.aberration.PooledNegativeBinomial;
import org.foodrisk.detect.aberration.PooledNegativeBinomialRun;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.reference.HolidayCalendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges the days of every district of one food category together, with one pooled negative-binomial model per stream
 * and category ({@link PooledNegativeBinomial}: a level per district; weekday and holiday for cases and complaints; the
 * day's number of samples as offset, and no day terms, for sampling failures — {@link #byWeekday}), when the stage's
 * watermark closes a day — issue 19: a method fitted to one series
 * needs that series' history (EARS C2 four weeks of comparable days, the improved Farrington five years), so a new
 * district was not judged for weeks or years; pooled, it is judged from its first day — at the city's level (the
 * average district's, scaled to its residents) until it has enough days for its own ({@code min-periods}, 14 days by
 * default; {@code new-units=wait} leaves it unjudged until then). A pool is the districts of one prefecture-level city (the first four
 * digits of the district code: Tianjin's sixteen districts are 1201xx) — neighbours with a shared market and
 * regulator, and a model of a dozen or two levels, where one pool of a national deployment's three thousand districts
 * would fit a design of as many columns, for seconds, every week of every category. Records are keyed by city and
 * food category, so one task holds every district's days of a pool.
 *
 * <p>The model of a day is fitted on the {@code window} days before its refit day — the latest day at or before it
 * whose epoch day is a multiple of {@code refit-every} from a Monday (with the default 7: the Monday of its ISO week) —
 * so every day of a week is judged by the same fit; it is fitted only when a day has a count that can alarm
 * ({@link CountAberrationRule#cannotAlarmOn}), on the counts as they are then, and kept in the progress store
 * ({@link #MODEL}): a restart, or a re-judgement days later, judges with that model, not with a refit on counts
 * that late reports have changed since — so a crash changes no verdict.
 *
 * <p>As {@link PeriodAberrationProcessor}: the first verdict of each closed day is given once (the task's closed-through
 * day is in the store), days are closed in steps of {@link TimeModel#closeSlice()} (continued by a wall-clock
 * punctuation), and a late report of a day already judged — within {@link TimeModel#rejudgeHorizon()} — has the day
 * judged again at the next watermark: raised late (补判), updated (更新) or withdrawn (撤回). The alerts are the same
 * kinds, with the same dedup keys, as the per-series daily method's, which the pooled model replaces for food
 * categories.
 */
final class PooledAberrationProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    /** {@code #first|<series>|<district>}: the first day a district had a record of the series (its days start there). */
    static final String FIRST = "#first|";
    static final String CLOSED_THROUGH = "#closed-through";
    /** A round of closing is under way on this watermark (epoch millis), through {@link #CLOSING_TO}. */
    static final String CLOSING_AT = "#closing-at";
    static final String CLOSING_TO = "#closing-to";
    /** {@code #dirty|<series>|<district>|<day>}: a judged day whose count changed since. */
    static final String DIRTY = "#dirty|";
    /** {@code #alarmed|<series>|<district>|<day>}: a day whose last verdict was an alarm (value: kind and dedupKey). */
    static final String ALARMED = "#alarmed|";
    static final String DELAYS = "#delays|";
    /**
     * {@code #model|<series>|<refit day>}: the model the days from that refit day on are judged by — the districts in
     * unit order and {@link PooledModel#encode()}, or {@link PooledFit#NONE} — kept so that a restart judges with it rather
     * than with a refit on counts that late reports have changed since.
     */
    static final String MODEL = "#model|";
    private static final Duration CONTINUE_EVERY = Duration.ofMillis(100);
    /** Retention of counts and alarm marks beyond the model's window and the re-judgement horizon. */
    private static final int SPARE_DAYS = 7;

    /** Words the daily verdicts; null when only weeks are pooled (days are then judged per series). */
    private final CountAberrationRule rule;
    private final PooledNegativeBinomialRun.Options options;
    /** Words the weekly verdicts; null when weeks are not pooled. */
    private final CountAberrationRule weeklyRule;
    private final PooledNegativeBinomialRun.Options weeklyOptions;
    /** The weekly half ({@link PooledWeeks}), made when the task starts; null when weeks are not pooled. */
    private PooledWeeks weeks;
    private final HolidayCalendar calendar;
    private final ZoneId zone;
    private final Duration grace;
    private final Duration rejudgeHorizon;
    private final Duration closeSlice;
    private final String countsStore;
    private final String progressStore;
    private KeyValueStore<String, DailyCount> counts;
    private KeyValueStore<String, String> progress;
    /** Each series' districts and their first days ({@link #FIRST} keys), read when the task starts and kept with every write. */
    private final NavigableMap<String, NavigableMap<String, LocalDate>> firstDays = new TreeMap<>(StoreKeyOrder.INSTANCE);
    /** The {@link #DIRTY} marks, mirrored the same way. */
    private final NavigableSet<String> dirtyMarks = new TreeSet<>(StoreKeyOrder.INSTANCE);
    /** {@link #CLOSED_THROUGH} as stored (null before the first watermark), kept with every write. */
    private LocalDate closedThrough;
    /** Each stream's report delays ({@link #DELAYS}), read once and kept with every write. */
    private final Map<SignalType, ReportDelays> delays = new EnumMap<>(SignalType.class);
    /** The fitted models of the days ({@link #MODEL} entries), made when the task starts. */
    private StoredFits models;

    /**
     * Days alone.
     *
     * @param rule    words the verdicts (kinds, levels, minimum count): {@link CountAberrationRules#pooled}
     * @param options the pooled model's alpha, window, refit interval, minimum days of a district and terms
     */
    PooledAberrationProcessor(CountAberrationRule rule, PooledNegativeBinomialRun.Options options,
                              HolidayCalendar calendar, ZoneId zone, Duration grace, TimeModel time,
                              String countsStore, String progressStore) {
        this(rule, options, null, null, calendar, zone, grace, time, countsStore, progressStore);
    }

    /**
     * Days, weeks or both: a rule and its options null for what is judged elsewhere (per series).
     *
     * @param weeklyRule    words the weekly verdicts: {@link CountAberrationRules#pooledWeekly}
     * @param weeklyOptions the weekly model's alpha, window and minimum weeks ({@link PooledWeeks})
     */
    PooledAberrationProcessor(CountAberrationRule rule, PooledNegativeBinomialRun.Options options,
                              CountAberrationRule weeklyRule, PooledNegativeBinomialRun.Options weeklyOptions,
                              HolidayCalendar calendar, ZoneId zone, Duration grace, TimeModel time,
                              String countsStore, String progressStore) {
        if ((rule == null) != (options == null) || (weeklyRule == null) != (weeklyOptions == null)
                || (rule == null && weeklyRule == null)) {
            throw new IllegalArgumentException("the pooled stage judges days, weeks or both, each with its options");
        }
        this.rule = rule;
        this.options = options;
        this.weeklyRule = weeklyRule;
        this.weeklyOptions = weeklyOptions;
        this.calendar = calendar;
        this.zone = zone;
        this.grace = grace;
        this.rejudgeHorizon = time.rejudgeHorizon();
        this.closeSlice = time.closeSlice();
        this.countsStore = countsStore;
        this.progressStore = progressStore;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        counts = context.getStateStore(countsStore);
        progress = context.getStateStore(progressStore);
        firstDays.clear();
        dirtyMarks.clear();
        delays.clear();
        models = new StoredFits(progress, MODEL);
        String closed = progress.get(CLOSED_THROUGH);
        closedThrough = closed == null ? null : LocalDate.parse(closed);
        try (KeyValueIterator<String, String> first = progress.range(FIRST, FIRST + "\uffff")) {
            first.forEachRemaining(e -> {
                String rest = e.key.substring(FIRST.length());
                int bar = rest.lastIndexOf('|');
                firstDays.computeIfAbsent(rest.substring(0, bar), s -> new TreeMap<>())
                        .put(rest.substring(bar + 1), LocalDate.parse(e.value));
            });
        }
        try (KeyValueIterator<String, String> dirty = progress.range(DIRTY, DIRTY + "\uffff")) {
            dirty.forEachRemaining(e -> dirtyMarks.add(e.key));
        }
        weeks = weeklyRule == null ? null : new PooledWeeks(weeklyRule, weeklyOptions, zone, rejudgeHorizon.toDays(),
                counts, progress, firstDays, this::judgement, context::forward);
        context.schedule(CONTINUE_EVERY, PunctuationType.WALL_CLOCK_TIME, wallClock -> closeSomeDays());
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        if (signal == null) {
            if (ClockTicks.WATERMARK_KEY.equals(record.key())) {
                onWatermark(record.timestamp());
            }
            return;
        }
        if (!(rule != null ? rule : weeklyRule).watches(signal.type()) || signal.districtCode() == null
                || !record.key().startsWith(poolOf(signal.districtCode()) + "|")) {
            return;
        }
        String series = signal.type().wireName() + "|" + record.key();
        String district = signal.districtCode();
        LocalDate day = DayKeys.day(signal.eventTime(), zone);
        String key = countKey(series, day, district);
        DailyCount current = counts.get(key);
        DailyCount updated = (current == null ? DailyCount.empty() : current)
                .add(signal.sign(), signal.failed(), signal.weight(),
                        signal.type() == SignalType.SAMPLING && !signal.failed() ? null
                                : new Evidence(signal.type().wireName(), signal.id(), signal.eventTime(), signal.summary()),
                        signal.agency());
        if (updated.count() <= 0) {
            counts.delete(key);
        } else {
            counts.put(key, updated);
        }
        if (signal.sign() > 0) {
            NavigableMap<String, LocalDate> districts = firstDays.computeIfAbsent(series, s -> new TreeMap<>());
            LocalDate first = districts.get(district);
            if (first == null || day.isBefore(first)) {
                districts.put(district, day);
                progress.put(FIRST + series + "|" + district, day.toString());
            }
            // Written through with every record; the store is cached, so the changelog gets it once a commit.
            ReportDelays recorded = delaysOf(signal.type()).record(signal.eventTime(), signal.knownAt());
            delays.put(signal.type(), recorded);
            progress.put(DELAYS + signal.type().wireName(), recorded.toString());
        }
        // A record of a day already judged: judged again at the next watermark, once however many arrive.
        if (weeks != null) {
            weeks.recordArrived(series, district, day, closedThrough);
        }
        if (closedThrough != null && rule != null) {
            LocalDate closed = closedThrough;
            if (!day.isAfter(closed) && !day.isBefore(closed.minusDays(rejudgeHorizon.toDays()))) {
                String mark = DIRTY + series + "|" + district + "|" + day;
                if (dirtyMarks.add(mark)) {
                    progress.put(mark, "1");
                }
            }
        }
    }

    private void onWatermark(long watermark) {
        LocalDate closable = Instant.ofEpochMilli(watermark).minus(grace).atZone(zone).toLocalDate().minusDays(1);
        if (closedThrough == null) {
            // The task's first watermark: its days start at the first record it holds (earlier days are unknown).
            LocalDate earliest = firstDays.values().stream().flatMap(d -> d.values().stream())
                    .min(LocalDate::compareTo).orElse(closable.plusDays(1));
            markClosedThrough(earliest.isAfter(closable) ? closable : earliest.minusDays(1));
        }
        String closingTo = progress.get(CLOSING_TO);
        LocalDate target = closingTo == null ? closedThrough : LocalDate.parse(closingTo);
        if (closable.isAfter(target)) {
            // A round closes every day through the closable one on the watermark that started it (an unfinished
            // round is extended: its verdicts carry the newer watermark from here on).
            progress.put(CLOSING_AT, Long.toString(watermark));
            progress.put(CLOSING_TO, closable.toString());
        }
        closeSomeDays();
        rejudgeChangedDays(watermark);
        if (weeks != null) {
            weeks.rejudgeChangedWeeks(watermark);
        }
    }

    /** Closes the round's days, one whole day (every series) at a time, for about {@link TimeModel#closeSlice()}. */
    private void closeSomeDays() {
        String closingAt = progress.get(CLOSING_AT);
        if (closingAt == null) {
            return;
        }
        long watermark = Long.parseLong(closingAt);
        LocalDate to = LocalDate.parse(progress.get(CLOSING_TO));
        LocalDate day = closedThrough.plusDays(1);
        long sliceEnd = System.nanoTime() + closeSlice.toNanos();
        for (; !day.isAfter(to); day = day.plusDays(1)) {
            for (String series : firstDays.keySet()) {
                if (rule != null) {
                    closeDay(series, day, watermark);
                }
                if (weeks != null && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weeks.closeWeek(series, day, watermark);
                }
            }
            markClosedThrough(day);
            if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                forgetOldDays(day);
                if (weeks != null) {
                    weeks.forgetOldWeeks(day);
                }
            }
            if (System.nanoTime() - sliceEnd >= 0 && day.isBefore(to)) {
                return;
            }
        }
        progress.delete(CLOSING_AT);
        progress.delete(CLOSING_TO);
    }

    private void markClosedThrough(LocalDate day) {
        progress.put(CLOSED_THROUGH, day.toString());
        closedThrough = day;
    }

    /** The first verdict of every district's day of a series: only a day whose count can alarm is judged. */
    private void closeDay(String series, LocalDate day, long watermark) {
        SignalType type = PooledSeries.typeOf(series);
        List<KeyValue<String, DailyCount>> districts = new ArrayList<>();
        String prefix = series + "|" + day + "|";
        try (KeyValueIterator<String, DailyCount> days = counts.range(prefix, prefix + "\uffff")) {
            days.forEachRemaining(districts::add);
        }
        for (KeyValue<String, DailyCount> entry : districts) {
            if (rule.cannotAlarmOn(counted(type, entry.value))) {
                continue;
            }
            String district = entry.key.substring(prefix.length());
            publish(series, district, day, verdict(series, district, day, entry.value, watermark, Judgement.FIRST), false);
        }
    }

    /** Judges again, once each, the closed days whose counts changed since their last verdict. */
    private void rejudgeChangedDays(long watermark) {
        if (dirtyMarks.isEmpty()) {
            return;
        }
        List<String> changed = new ArrayList<>(dirtyMarks);
        dirtyMarks.clear();
        for (String mark : changed) {
            progress.delete(mark);
            String rest = mark.substring(DIRTY.length());
            int dayBar = rest.lastIndexOf('|');
            int districtBar = rest.lastIndexOf('|', dayBar - 1);
            String series = rest.substring(0, districtBar);
            String district = rest.substring(districtBar + 1, dayBar);
            LocalDate day = LocalDate.parse(rest.substring(dayBar + 1));
            DailyCount now = counts.get(countKey(series, day, district));
            boolean alarmed = progress.get(alarmedKey(series, district, day)) != null;
            if (alarmed || (now != null && !rule.cannotAlarmOn(counted(PooledSeries.typeOf(series), now)))) {
                publish(series, district, day, verdict(series, district, day, now, watermark, Judgement.UPDATED), true);
            }
        }
    }

    private PeriodVerdict verdict(String series, String district, LocalDate day, DailyCount count, long watermark,
                                  String state) {
        SignalType type = PooledSeries.typeOf(series);
        Judgement judgement = judgement(state, type, day, day, watermark, count == null ? 0 : count.count());
        Optional<Detection> detection = point(series, district, day, count)
                .flatMap(point -> rule.evaluatePoint(type, district + "|" + PooledSeries.categoryOf(series),
                        point, count.records(), zone))
                .map(d -> d.judged(judgement));
        return new PeriodVerdict(detection, type, day.atStartOfDay(zone).toOffsetDateTime(),
                day.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), judgement,
                day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
    }

    /**
     * The pooled model's point for a district's day, or none: a day without a record (no samples: nothing was
     * measured), a weekday the fit had no rows of, or a window that could not be fitted (or had no event in any
     * district). A district with its own level in the fit and {@code min-periods} days since its first record is
     * judged at that level; one without — too new to know its level (its first two weeks with the default 14), or
     * without an event in the window — at the average district's level, scaled to its residents for cases and
     * complaints ({@link PooledSeries#residentScale}): the city's experience is the prior of a new district, so its
     * first days are judged rather than left silent.
     */
    private Optional<DetectionPoint> point(String series, String district, LocalDate day, DailyCount count) {
        LocalDate first = firstDays.getOrDefault(series, new TreeMap<>()).get(district);
        if (count == null || first == null) {
            return Optional.empty();
        }
        Optional<PooledFit> fitted = model(series, refitDay(day));
        if (fitted.isEmpty()) {
            return Optional.empty();
        }
        Integer unit = fitted.get().units().get(district);
        PooledModel model = fitted.get().model();
        if (!model.knowsDay(day)) {
            return Optional.empty();
        }
        SignalType type = PooledSeries.typeOf(series);
        boolean young = day.toEpochDay() - first.toEpochDay() < options.minPeriods();
        if (young && options.newUnits() == PooledNegativeBinomialRun.NewUnits.WAIT) {
            return Optional.empty(); // new-units=wait: not judged before min-periods days of its own
        }
        if (young || unit == null || !model.knows(unit)) {
            double scale = PooledSeries.residentScale(type, district, fitted.get());
            return Optional.of(model.judgeAtAverageLevel(day, isHoliday(type, day), effort(type, count) * scale,
                    counted(type, count), options.alpha()));
        }
        return Optional.of(model.judge(unit, day, isHoliday(type, day), effort(type, count), counted(type, count),
                options.alpha()));
    }

    /** The refit day of a day: the latest day at or before it that is a whole number of refit intervals from a Monday. */
    LocalDate refitDay(LocalDate day) {
        long mondays = day.toEpochDay() - 4; // 1970-01-05, epoch day 4, was a Monday
        return day.minusDays(Math.floorMod(mondays, options.refitEvery()));
    }

    /** The model of a series' refit day ({@link StoredFits}). */
    private Optional<PooledFit> model(String series, LocalDate refitDay) {
        return models.of(series, refitDay, () -> fit(series, refitDay));
    }

    /**
     * The model of the {@code window} days before the refit day, every district of the series that had its first
     * record before it: sampling on the days it had samples (failures with the samples as effort), the other streams
     * on every day from its first (days without a record count zero).
     */
    private Optional<PooledFit> fit(String series, LocalDate refitDay) {
        SignalType type = PooledSeries.typeOf(series);
        LocalDate from = refitDay.minusDays(options.window());
        Map<String, Map<LocalDate, DailyCount>> byDistrict = new TreeMap<>();
        try (KeyValueIterator<String, DailyCount> days = counts.range(series + "|" + from, series + "|" + refitDay)) {
            while (days.hasNext()) {
                KeyValue<String, DailyCount> entry = days.next();
                int districtBar = entry.key.lastIndexOf('|');
                int dayBar = entry.key.lastIndexOf('|', districtBar - 1);
                byDistrict.computeIfAbsent(entry.key.substring(districtBar + 1), d -> new HashMap<>())
                        .put(LocalDate.parse(entry.key.substring(dayBar + 1, districtBar)), entry.value);
            }
        }
        Map<String, Integer> units = new HashMap<>();
        List<PooledNegativeBinomial.Observation> observations = new ArrayList<>();
        for (Map.Entry<String, LocalDate> district : firstDays.getOrDefault(series, new TreeMap<>()).entrySet()) {
            boolean counted = byDistrict.getOrDefault(district.getKey(), Map.of()).values().stream()
                    .anyMatch(count -> counted(type, count) > 0);
            if (!district.getValue().isBefore(refitDay) || !counted) {
                // A district without an event in the window has no level the fit could estimate (its coefficient
                // runs off to minus infinity, its standard error with it, and every count of it looks ordinary):
                // left out, and judged at the average district's level (point).
                continue;
            }
            int unit = units.size();
            units.put(district.getKey(), unit);
            Map<LocalDate, DailyCount> days = byDistrict.getOrDefault(district.getKey(), Map.of());
            LocalDate start = district.getValue().isAfter(from) ? district.getValue() : from;
            for (LocalDate day = start; day.isBefore(refitDay); day = day.plusDays(1)) {
                DailyCount count = days.get(day);
                if (type == SignalType.SAMPLING && count == null) {
                    continue;
                }
                observations.add(new PooledNegativeBinomial.Observation(unit, day, isHoliday(type, day),
                        count == null ? 1 : effort(type, count), count == null ? 0 : counted(type, count)));
            }
        }
        if (observations.isEmpty()) {
            // Nothing was counted in the window in any district: no level to judge against (README says so).
            return Optional.empty();
        }
        try {
            return Optional.of(new PooledFit(PooledNegativeBinomial.fit(observations, byWeekday(type), options.terms()).model(),
                    units));
        } catch (ArithmeticException | IllegalArgumentException e) {
            // No negative-binomial fit of this window (theta at zero, no finite coefficients): its days are left
            // unjudged, as a method without enough history leaves them, rather than judged on a broken fit.
            return Optional.empty();
        }
    }

    /**
     * Forwards a verdict and remembers which days alarmed. On a re-judgement an alarm is 更新 when the day alarmed
     * before and 补判 when it did not; no alarm where there was one withdraws it.
     */
    private void publish(String series, String district, LocalDate day, PeriodVerdict verdict, boolean rejudged) {
        verdict.publish(progress, alarmedKey(series, district, day), day.toString(), rejudged, context()::forward);
    }

    /**
     * Once a week: counts older than the model's window and the re-judgement horizon are no longer read, nor are the
     * alarm marks of days that can no longer be judged again, nor fitted models of such days.
     */
    private void forgetOldDays(LocalDate today) {
        long dailyDays = rule == null ? 0 : options.window() + rejudgeHorizon.toDays() + options.refitEvery();
        long weeklyDays = weeks == null ? 0 : weeks.countDaysNeeded();
        LocalDate countsBefore = today.minusDays(Math.max(dailyDays, weeklyDays) + SPARE_DAYS);
        LocalDate alarmsBefore = today.minusDays(rejudgeHorizon.toDays() + SPARE_DAYS);
        for (String series : firstDays.keySet()) {
            List<String> old = new ArrayList<>();
            try (KeyValueIterator<String, DailyCount> days = counts.range(series + "|", series + "|" + countsBefore)) {
                days.forEachRemaining(e -> old.add(e.key));
            }
            old.forEach(counts::delete);
        }
        List<String> oldAlarms = new ArrayList<>();
        try (KeyValueIterator<String, String> alarmed = progress.range(ALARMED, ALARMED + "\uffff")) {
            alarmed.forEachRemaining(e -> {
                if (LocalDate.parse(e.key.substring(e.key.lastIndexOf('|') + 1)).isBefore(alarmsBefore)) {
                    oldAlarms.add(e.key);
                }
            });
        }
        oldAlarms.forEach(progress::delete);
        models.forgetBefore(alarmsBefore.minusDays(rule == null ? 0 : options.refitEvery()));
    }

    /** The judgement of a period [first, last] (a day, or an ISO week): how much of it the stream's delays say is in. */
    private Judgement judgement(String state, SignalType type, LocalDate first, LocalDate last, long watermark,
                                long received) {
        ReportDelays streamDelays = delaysOf(type);
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant middle = start.plus(Duration.between(start, last.plusDays(1).atStartOfDay(zone).toInstant()).dividedBy(2));
        Duration age = Duration.between(middle, Instant.ofEpochMilli(watermark));
        return new Judgement(state, OffsetDateTime.ofInstant(Instant.ofEpochMilli(watermark), zone), received,
                streamDelays.receivedShare(age), streamDelays.medianDays());
    }

    private ReportDelays delaysOf(SignalType type) {
        return delays.computeIfAbsent(type, t -> ReportDelays.parse(progress.get(DELAYS + t.wireName())));
    }

    /**
     * Whether the model has weekday terms: not for sampling failures, whose weekday and holiday pattern is that of the
     * samples taken — the offset — while a sample's chance of failing does not depend on the day it was taken. The
     * terms cost more than they say where failures are rare: a weekday with no failure in the window has a
     * coefficient running off to minus infinity with a standard error to match, and every day's predictive tail
     * carries it (the deployed evaluation, 2026-12-08: thresholds of 29 to 327 failures a day, 0 of 20 planted bursts
     * of 4–6 failures found, where EARS C2 found 20).
     */
    private static boolean byWeekday(SignalType type) {
        return type != SignalType.SAMPLING;
    }

    /** A holiday for the model: never for sampling failures ({@link #byWeekday}). */
    private boolean isHoliday(SignalType type, LocalDate day) {
        return byWeekday(type) && isHoliday(day);
    }

    private boolean isHoliday(LocalDate day) {
        return calendar.dayType(day) == HolidayCalendar.DayType.HOLIDAY;
    }

    private static String countKey(String series, LocalDate day, String district) {
        return series + "|" + day + "|" + district;
    }

    private static String alarmedKey(String series, String district, LocalDate day) {
        return ALARMED + series + "|" + district + "|" + day;
    }

    /** The pool a district's series belongs to: its prefecture-level city, the first four digits of its code. */
    static String poolOf(String districtCode) {
        return districtCode.length() >= 4 ? districtCode.substring(0, 4) : districtCode;
    }

    private static long counted(SignalType type, DailyCount count) {
        return PooledSeries.counted(type, count.count(), count.failed());
    }

    private static double effort(SignalType type, DailyCount count) {
        return PooledSeries.effort(type, count.count());
    }
}
