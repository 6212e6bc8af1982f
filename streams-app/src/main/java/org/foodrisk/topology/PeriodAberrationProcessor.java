package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.ComparableDays;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Evidence;
import org.foodrisk.detect.Judgement;
import org.foodrisk.detect.ReportDelays;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.Set;

/**
 * Runs the count detectors when a day closes on the stage's watermark: a day is closed once the
 * smallest arrival clock of all input tasks ({@link WatermarkProcessor}) has passed its end by the
 * grace period. Records of a day that arrive after it closed (lab results days after sampling) change
 * its count, and the day is judged again at the next watermark, up to {@link TimeModel#rejudgeHorizon()}
 * back: the alert is raised late (补判), updated (更新), or withdrawn (撤回), and every verdict says
 * how many reports it saw and what share of them should be in ({@link Judgement}).
 *
 * <p>The first verdict of every closed day of every series is given exactly once — the last judged
 * day of each series is remembered in a store — so a restart neither skips nor repeats a day, and a
 * replay closes days on the same watermarks as live traffic did. A watermark that closes many days at
 * once closes them in steps of {@link TimeModel#closeSlice()}, each committed on its own, resumed at the
 * next watermark or a wall-clock punctuation.
 */
final class PeriodAberrationProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    private final CountAberrationRule rule;
    private final CountAberrationRule weeklyRule;
    private final ComparableDays comparableDays;
    private final ZoneId zone;
    private final Duration grace;
    private final Duration rejudgeHorizon;
    private final Duration closeSlice;
    private final String countsStore;
    private final String progressStore;
    private KeyValueStore<String, DailyCount> counts;
    private KeyValueStore<String, String> progress;
    /** The progress store's scalar entries ({@code #closed-through} …), mirrored ({@link BookkeepingEntries}). */
    private BookkeepingEntries bookkeeping;
    /** Each stream's report delays, parsed once from the store and kept with every write. */
    private final Map<SignalType, ReportDelays> delays = new EnumMap<>(SignalType.class);
    /**
     * The progress store's {@link #DIRTY} marks, read once when the task starts (Kafka Streams calls init again
     * after a restart or a revived task, on the restored store) and kept with every write, in the store's order.
     * Issue 18: the range scan of them on every watermark — an hourly tick of each input task — skipped the
     * tombstones of every mark deleted before it and was a quarter of this processor's time in the replay.
     */
    private final NavigableSet<String> dirtyMarks = new TreeSet<>(StoreKeyOrder.INSTANCE);
    /**
     * The series this task has seen ({@link #KNOWN} keys), mirrored the same way: a round of closing walked them
     * with a range scan of the store, every series on every closed day (issue 18).
     */
    private final NavigableSet<String> knownSeries = new TreeSet<>(StoreKeyOrder.INSTANCE);
    /**
     * The series whose judged-through day is not the task's ({@link #judgedThrough}): new series, and the one an
     * unfinished round stopped in — mirrored the same way. Every other series is judged through the task's mark:
     * issue 18, one mark per series rewritten at every closed day was the largest changelog of a replay (3.0 million
     * records for a million sampling results).
     */
    private final NavigableMap<String, String> seriesMarks = new TreeMap<>(StoreKeyOrder.INSTANCE);
    /** The progress store's {@link #CANDIDATE} marks, mirrored the same way. */
    private final Set<String> candidates = new HashSet<>();
    /** Whether this task's store is known to keep candidate marks ({@link #keepCandidates()}). */
    private boolean candidatesKept;

    /**
     * @param rule           judges each day when it closes, or null when days are judged elsewhere (the pooled model)
     * @param weeklyRule     also judges each ISO week when its Sunday closes (weekly sums of the same
     *                       daily counts), or null
     * @param comparableDays which earlier days a day is judged against (its own day type, holidays left out; or consecutive days)
     * @param time           how far back days are judged again, and how long one step of closing days may run
     * @param countsStore    the daily counts of the series this task holds; progressStore the last judged day of each
     */
    PeriodAberrationProcessor(CountAberrationRule rule, CountAberrationRule weeklyRule, ComparableDays comparableDays,
                              ZoneId zone, Duration grace, TimeModel time, String countsStore,
                              String progressStore) {
        this.comparableDays = comparableDays;
        this.weeklyRule = weeklyRule;
        this.rule = rule;
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
        bookkeeping = new BookkeepingEntries(progress);
        delays.clear();
        dirtyMarks.clear();
        try (KeyValueIterator<String, String> dirty = progress.range(DIRTY, DIRTY + "\uffff")) {
            dirty.forEachRemaining(e -> dirtyMarks.add(e.key));
        }
        seriesMarks.clear();
        try (KeyValueIterator<String, String> all = progress.range(SERIES_FROM, SERIES_TO)) {
            all.forEachRemaining(e -> seriesMarks.put(e.key, e.value));
        }
        knownSeries.clear();
        try (KeyValueIterator<String, String> known = progress.range(KNOWN, KNOWN + "\uffff")) {
            known.forEachRemaining(e -> knownSeries.add(e.key.substring(KNOWN.length())));
        }
        candidates.clear();
        try (KeyValueIterator<String, String> marked = progress.range(CANDIDATE, CANDIDATE + "\uffff")) {
            marked.forEachRemaining(e -> candidates.add(e.key));
        }
        candidatesKept = false;
        context.schedule(CONTINUE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::continueClosing);
    }

    @Override
    public void process(Record<String, Signal> record) {
        if (record.value() == null) {
            if (ClockTicks.WATERMARK_KEY.equals(record.key())) {
                onWatermark(record.timestamp());
            }
            return;
        }
        keepCandidates();
        Signal signal = record.value();
        CountAberrationRule watching = rule != null ? rule : weeklyRule;
        if (watching == null || !watching.watches(signal.type()) || signal.districtCode() == null) {
            return;
        }
        String series = signal.type().wireName() + "|" + record.key();
        LocalDate day = DayKeys.day(signal.eventTime(), zone);
        if (signal.sign() > 0) {
            // Days before the first record this task saw are unknown, not zero: a detector given zeros
            // for them would alarm on the first busy day of a new deployment (seen in a test: EARS C2
            // alarmed on day one with a baseline of seven made-up zeros).
            String observedFrom = bookkeeping.get(OBSERVED_FROM);
            if (observedFrom == null || day.isBefore(LocalDate.parse(observedFrom))) {
                bookkeeping.put(OBSERVED_FROM, day.toString());
            }
            // Written through with every record (the store is cached, so this costs no changelog record each
            // time): kept in memory between watermarks, a crash after a commit lost the delays of the
            // records committed since the last watermark — the exactly-once test saw it.
            ReportDelays updated = delaysOf(signal.type()).record(signal.eventTime(), signal.knownAt());
            delays.put(signal.type(), updated);
            progress.put(DELAYS + signal.type().wireName(), updated.toString());
        }
        String judgedUpTo = judgedThrough(series);
        if (judgedUpTo == null) {
            // A new series starts being judged from its first day, at the next watermark.
            if (signal.sign() > 0) {
                knownSeries.add(series);
                progress.put(KNOWN + series, "1");
                markJudged(series, day.minusDays(1));
                bookkeeping.put(NEW_SERIES, "1");
                markIfCandidate(signal, series, day);
            }
            return;
        }
        // A late record (or a correction) of an already judged day: that day is judged again at the next
        // watermark — once however many of its reports arrive in between — if it is within the horizon.
        LocalDate judged = LocalDate.parse(judgedUpTo);
        if (day.isAfter(judged)) {
            markIfCandidate(signal, series, day);
        }
        String closedThrough = bookkeeping.get(CLOSED_THROUGH);
        if (!day.isAfter(judged) && closedThrough != null
                && !day.isBefore(LocalDate.parse(closedThrough).minusDays(rejudgeHorizon.toDays()))) {
            String mark = DIRTY + series + "|" + day;
            progress.put(mark, "1");
            dirtyMarks.add(mark);
        }
    }

    /**
     * A day not yet judged of a series whose count has reached what an alarm needs: only these days of a series are
     * looked up when they close (issue 18: a lookup of every series on every closed day, mostly of days without an
     * event, was a sixth of this processor's time in the replay). The count can only have reached it with a record
     * that added to it, and this processor sees every record right after it is counted.
     */
    private void markIfCandidate(Signal signal, String series, LocalDate day) {
        if (rule == null) {
            return; // no daily rule: days are judged only as part of their week
        }
        boolean addsToCounted = signal.sign() > 0
                && (signal.type() != SignalType.SAMPLING || signal.failed() || signal.hasTag("rumour"));
        if (!addsToCounted) {
            return;
        }
        DailyCount count = counts.get(DayKeys.key(series, day));
        if (count != null && !rule.cannotAlarmOn(counted(signal.type(), count))) {
            String mark = CANDIDATE + series + "|" + day;
            if (candidates.add(mark)) {
                progress.put(mark, "1");
            }
        }
    }

    /**
     * A store written before candidate marks were kept (an upgrade) has none for the days it has not judged yet: they
     * are found once, from the counts of each series' days after its judged mark, before anything else is done.
     */
    private void keepCandidates() {
        if (candidatesKept) {
            return;
        }
        candidatesKept = true;
        if (bookkeeping.get(SERIES_KNOWN) == null) {
            // A store of a version that marked every series: each has its mark, none is listed as known yet.
            for (String series : seriesMarks.keySet()) {
                knownSeries.add(series);
                progress.put(KNOWN + series, "1");
            }
            bookkeeping.put(SERIES_KNOWN, "1");
        }
        if (bookkeeping.get(CANDIDATES_KEPT) != null) {
            return;
        }
        if (rule != null) { // without a daily rule no day is a candidate
            for (Map.Entry<String, String> entry : seriesMarks.entrySet()) {
                String series = entry.getKey();
                SignalType type = typeOf(series);
                LocalDate judged = LocalDate.parse(entry.getValue());
                // Day keys are "<series>|<ISO date>": ':' sorts right after the digits of any year.
                try (KeyValueIterator<String, DailyCount> open = counts.range(DayKeys.key(series, judged.plusDays(1)), series + "|:")) {
                    while (open.hasNext()) {
                        KeyValue<String, DailyCount> day = open.next();
                        String rest = day.key.substring(series.length() + 1);
                        if (rest.indexOf('|') < 0 && !rule.cannotAlarmOn(counted(type, day.value))) {
                            String mark = CANDIDATE + series + "|" + rest;
                            candidates.add(mark);
                            progress.put(mark, "1");
                        }
                    }
                }
            }
        }
        bookkeeping.put(CANDIDATES_KEPT, "1");
    }

    private void markJudged(String series, LocalDate day) {
        progress.put(series, day.toString());
        seriesMarks.put(series, day.toString());
    }

    /**
     * The day a series is judged through, or null for a series this task has not seen: its own mark if it has one,
     * else the task's — {@link #CLOSED_THROUGH} for the series an unfinished round has passed (those before
     * {@link #CLOSING_RESUME}), {@link #CLOSED_ALL} for the others.
     */
    private String judgedThrough(String series) {
        String own = seriesMarks.get(series);
        if (own != null || !knownSeries.contains(series)) {
            return own;
        }
        String resume = bookkeeping.get(CLOSING_RESUME);
        if (bookkeeping.get(CLOSING_AT) != null && resume != null && StoreKeyOrder.INSTANCE.compare(series, resume) < 0) {
            return bookkeeping.get(CLOSED_THROUGH);
        }
        return bookkeeping.get(CLOSED_ALL);
    }

    /**
     * Before a new round replaces an unfinished one: the series it had passed are judged through its day, which the
     * new round's marks no longer say — they get their own marks (what every series got at every round before).
     */
    private void markUnfinishedRound() {
        String resume = bookkeeping.get(CLOSING_RESUME);
        String roundDay = bookkeeping.get(CLOSED_THROUGH);
        if (bookkeeping.get(CLOSING_AT) == null || resume == null || roundDay == null) {
            return;
        }
        for (String series : knownSeries.headSet(resume, false)) {
            if (!seriesMarks.containsKey(series)) {
                markJudged(series, LocalDate.parse(roundDay));
            }
        }
    }

    /** Keys of the task's own bookkeeping, kept beside the series in the progress store. */
    static final String OBSERVED_FROM = StoreNames.OBSERVED_FROM_KEY;
    static final String CLOSED_THROUGH = "#closed-through";
    /** A series started behind the closed days: the next watermark catches it up. */
    static final String NEW_SERIES = "#new-series";
    /** {@code #dirty|<series>|<day>}: a judged day whose count changed since. */
    static final String DIRTY = "#dirty|";
    /** {@code #alarmed|<series>|<period>}: a period whose last verdict was an alarm (value: kind and dedupKey). */
    static final String ALARMED = "#alarmed|";
    static final String DELAYS = "#delays|";
    /** {@code #candidate|<series>|<day>}: see {@link #markIfCandidate}. */
    static final String CANDIDATE = "#candidate|";
    /** Present once the store keeps candidate marks for every day it has not judged. */
    static final String CANDIDATES_KEPT = "#candidates-kept";
    /** {@code #known|<series>}: a series this task has seen (its judged-through day: {@link #judgedThrough}). */
    static final String KNOWN = "#known|";
    /** Present once every series the store has is listed under {@link #KNOWN}. */
    static final String SERIES_KNOWN = "#series-known";
    /** Every series is closed through this day: a day up to it that a new series brings is judged late. */
    static final String CLOSED_ALL = "#closed-all";
    /** A round of closing is under way, judged on this watermark (epoch millis). */
    static final String CLOSING_AT = "#closing-at";
    /** The series an unfinished round resumes from. */
    static final String CLOSING_RESUME = "#closing-resume";
    private static final String SERIES_FROM = "$";
    private static final String SERIES_TO = "\uffff";
    /** How often an unfinished round moves on when no watermark comes: about an exactly-once commit. */
    private static final Duration CONTINUE_EVERY = Duration.ofMillis(100);

    private void onWatermark(long watermark) {
        LocalDate closable = Instant.ofEpochMilli(watermark).minus(grace).atZone(zone).toLocalDate().minusDays(1);
        String closedThrough = bookkeeping.get(CLOSED_THROUGH);
        LocalDate previouslyClosed = closedThrough == null ? null : LocalDate.parse(closedThrough);
        boolean advanced = previouslyClosed == null || closable.isAfter(previouslyClosed);
        if (previouslyClosed != null && bookkeeping.get(CLOSED_ALL) == null && bookkeeping.get(CLOSING_AT) == null) {
            // A store written before days closed in steps: its closed-through days were all closed in one go.
            bookkeeping.put(CLOSED_ALL, previouslyClosed.toString());
        }
        boolean newRound = advanced || bookkeeping.get(NEW_SERIES) != null;
        if (newRound) {
            keepCandidates(); // an upgraded store lists its series first
            markUnfinishedRound();
        }
        if (advanced) {
            bookkeeping.put(CLOSED_THROUGH, closable.toString());
        }
        if (newRound) {
            bookkeeping.delete(NEW_SERIES);
            // A new round: every series is closed through CLOSED_THROUGH on this watermark, from the first
            // series again (a new series may sort before where an unfinished round had got to).
            bookkeeping.put(CLOSING_AT, Long.toString(watermark));
            bookkeeping.delete(CLOSING_RESUME);
        }
        closeSomeDays();
        rejudgeChangedDays(watermark);
    }

    /** Continues an unfinished round of closing between watermarks (a backlog's last watermark, then silence). */
    private void continueClosing(long wallClock) {
        closeSomeDays();
    }

    private ReportDelays delaysOf(SignalType type) {
        return delays.computeIfAbsent(type, t -> ReportDelays.parse(progress.get(DELAYS + t.wireName())));
    }

    /**
     * Closes the days of the current round — every series through {@link #CLOSED_THROUGH}, judged on the
     * watermark that started the round — for about {@link TimeModel#closeSlice()}, at least one day, and
     * leaves a mark to resume from. Issue 18: closing a year of days of every series in one call outlived
     * the exactly-once transaction timeout; the transaction aborted, the thread was fenced and the same
     * close started over, forever. In steps, each transaction commits a part and the round moves on.
     *
     * <p>A step's verdicts are those the whole round in one go would give, in the same order: the watermark
     * is the round's, and which days were closed before the round ({@link #CLOSED_ALL}: a day closed before
     * its series had a record is a 补判) is fixed when it starts. Only records arriving between steps can
     * differ: a late report of a day not yet closed in this round is counted in its first verdict rather
     * than in a re-judgement.
     */
    private void closeSomeDays() {
        keepCandidates();
        String closingAt = bookkeeping.get(CLOSING_AT);
        if (closingAt == null) {
            return;
        }
        long watermark = Long.parseLong(closingAt);
        LocalDate lastClosed = LocalDate.parse(bookkeeping.get(CLOSED_THROUGH));
        String closedAll = bookkeeping.get(CLOSED_ALL);
        LocalDate closedBefore = closedAll == null ? null : LocalDate.parse(closedAll);
        String resume = bookkeeping.get(CLOSING_RESUME);
        long sliceEnd = System.nanoTime() + closeSlice.toNanos();
        List<KeyValue<String, String>> series = new ArrayList<>();
        // Series keys start with their type's name; the bookkeeping keys ("#…") sort before them.
        String closedAllDay = closedAll;
        knownSeries.tailSet(resume == null ? SERIES_FROM : resume, true)
                .forEach(key -> series.add(KeyValue.pair(key, seriesMarks.getOrDefault(key, closedAllDay))));
        // Most series share the task's mark (#closed-all): each distinct day is parsed once, not once per series.
        Map<String, LocalDate> days = new HashMap<>();
        for (KeyValue<String, String> entry : series) {
            LocalDate judged = days.computeIfAbsent(entry.value, LocalDate::parse);
            for (LocalDate day = judged.plusDays(1); !day.isAfter(lastClosed); day = day.plusDays(1)) {
                closeDay(entry.key, day, closedBefore, watermark);
                if (System.nanoTime() - sliceEnd >= 0) {
                    markJudged(entry.key, day);
                    bookkeeping.put(CLOSING_RESUME, entry.key);
                    return;
                }
            }
            if (!judged.isAfter(lastClosed) && seriesMarks.remove(entry.key) != null) {
                // Judged through the round's day now, which the task's marks say: its own mark goes (also the mark
                // of the series a step stopped in, once the round passes it).
                progress.delete(entry.key);
            }
        }
        bookkeeping.delete(CLOSING_AT);
        bookkeeping.delete(CLOSING_RESUME);
        bookkeeping.put(CLOSED_ALL, lastClosed.toString());
        forgetOldAlarms(lastClosed.minusDays(rejudgeHorizon.toDays() + 7));
    }

    /** The first verdict of one day of a series (and of its week when the day is a Sunday). */
    private void closeDay(String series, LocalDate day, LocalDate closedBefore, long watermark) {
        // A day closed before this series had a record is judged late: its first verdict is a 补判.
        String state = closedBefore != null && !day.isAfter(closedBefore) ? Judgement.RAISED_LATE : Judgement.FIRST;
        // A first verdict without an alarm forwards and stores nothing, and a day with fewer events than
        // an alert needs cannot alarm: its history (up to four times the method's days, one lookup each)
        // is not read. Issue 18: a replay of last year, then the wall clock, closed ~340 days of every
        // series this way. A re-judgement (rejudgeChangedDays) always reads it: it may withdraw.
        String candidate = CANDIDATE + series + "|" + day;
        boolean wasCandidate = candidates.remove(candidate);
        if (wasCandidate) {
            progress.delete(candidate);
        }
        // Without a daily rule (the pooled model judges the days) a mark left by the rule of before is dropped unjudged.
        if (wasCandidate && rule != null) {
            DailyCount judgedDay = counts.get(DayKeys.key(series, day));
            if (!rule.cannotAlarmOn(judgedDay == null ? 0 : counted(typeOf(series), judgedDay))) {
                publish(series, day.toString(), dayVerdict(series, day, watermark, state), false);
            }
        }
        if (weeklyRule != null && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            publish(series, WEEK + day, weekVerdict(series, day, watermark, state), false);
        }
    }

    private static final String WEEK = "week:";

    /** Judges again, once each, the closed days whose counts changed since their last verdict. */
    private void rejudgeChangedDays(long watermark) {
        if (dirtyMarks.isEmpty()) {
            return;
        }
        List<String> changed = new ArrayList<>(dirtyMarks);
        dirtyMarks.clear();
        Set<String> weeks = new LinkedHashSet<>();
        for (String key : changed) {
            progress.delete(key);
            String rest = key.substring(DIRTY.length());
            String series = rest.substring(0, rest.lastIndexOf('|'));
            LocalDate day = LocalDate.parse(rest.substring(rest.lastIndexOf('|') + 1));
            // A day that never alarmed and still has too few events to alarm keeps its verdict (silence):
            // its history is not read. A replay's late reports dirty most closed days (issue 18).
            DailyCount now = counts.get(DayKeys.key(series, day));
            if (rule != null && (progress.get(ALARMED + series + "|" + day) != null
                    || !rule.cannotAlarmOn(now == null ? 0 : counted(typeOf(series), now)))) {
                publish(series, day.toString(), dayVerdict(series, day, watermark, Judgement.UPDATED), true);
            }
            LocalDate sunday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            String judgedUpTo = judgedThrough(series);
            if (weeklyRule != null && judgedUpTo != null && !sunday.isAfter(LocalDate.parse(judgedUpTo))) {
                weeks.add(series + "\n" + sunday);
            }
        }
        for (String week : weeks) {
            String series = week.substring(0, week.indexOf('\n'));
            LocalDate sunday = LocalDate.parse(week.substring(week.indexOf('\n') + 1));
            publish(series, WEEK + sunday, weekVerdict(series, sunday, watermark, Judgement.UPDATED), true);
        }
    }

    /**
     * Forwards a verdict and remembers which periods alarmed. On a re-judgement an alarm is 更新 when the
     * period alarmed before and 补判 when it did not; no alarm where there was one withdraws it.
     */
    private void publish(String series, String period, PeriodVerdict verdict, boolean rejudged) {
        verdict.publish(progress, ALARMED + series + "|" + period, period, rejudged, context()::forward);
    }

    /** Alarm marks older than the horizon can no longer be withdrawn: dropped so that the store stays small. */
    private void forgetOldAlarms(LocalDate before) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, String> alarmed = progress.range(ALARMED, ALARMED + "\uffff")) {
            alarmed.forEachRemaining(e -> {
                String period = e.key.substring(e.key.lastIndexOf('|') + 1);
                LocalDate day = LocalDate.parse(period.startsWith(WEEK) ? period.substring(WEEK.length()) : period);
                if (day.isBefore(before)) {
                    old.add(e.key);
                }
            });
        }
        old.forEach(progress::delete);
    }


    private Judgement judgement(String state, SignalType type, LocalDate first, LocalDate last, long watermark,
                                long received) {
        ReportDelays streamDelays = delaysOf(type);
        Instant middle = first.atStartOfDay(zone).toInstant()
                .plus(Duration.between(first.atStartOfDay(zone), last.plusDays(1).atStartOfDay(zone)).dividedBy(2));
        Duration age = Duration.between(middle, Instant.ofEpochMilli(watermark));
        return new Judgement(state, OffsetDateTime.ofInstant(Instant.ofEpochMilli(watermark), zone), received,
                streamDelays.receivedShare(age), streamDelays.medianDays());
    }

    /** What a period's verdict is made from: the series ending with the period, its line list and its reports. */
    private record Observed(CountSeries series, List<Evidence> lastPeriod, long received) {
    }

    /**
     * The verdict of the period [{@code first}, {@code last}] of {@code series} (a day, or an ISO week from Monday
     * to Sunday) by {@code periodRule}, on what was observed of it — or, when nothing can be judged yet (a week
     * series too short for its method), no alarm with no reports seen. A verdict is timestamped at the period's end.
     */
    private PeriodVerdict verdict(CountAberrationRule periodRule, String series, LocalDate first, LocalDate last,
                                  Observed observed, long watermark, String state) {
        SignalType type = typeOf(series);
        String seriesKey = series.substring(series.indexOf('|') + 1);
        Judgement judgement = judgement(state, type, first, last, watermark, observed == null ? 0 : observed.received());
        Optional<Detection> detection = observed == null ? Optional.empty()
                : periodRule.evaluate(type, seriesKey, observed.series(), observed.lastPeriod(), zone)
                        .map(d -> d.judged(judgement));
        return new PeriodVerdict(detection, type, first.atStartOfDay(zone).toOffsetDateTime(),
                last.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), judgement,
                last.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
    }

    /** {@code type|…}: the signal type a series counts. */
    private static SignalType typeOf(String series) {
        return SignalType.valueOf(series.substring(0, series.indexOf('|')).toUpperCase());
    }

    /** Sampling is judged on its failures; the other streams on every record. */
    private static long counted(SignalType type, DailyCount count) {
        return type == SignalType.SAMPLING ? count.failed() : count.count();
    }

    private PeriodVerdict dayVerdict(String series, LocalDate day, long watermark, String state) {
        SignalType type = typeOf(series);
        String observedFrom = bookkeeping.get(OBSERVED_FROM);
        // A short series (days before the task's first record are unknown): the method says so rather than alarming.
        List<LocalDate> dates = comparableDays.seriesDays(day, rule.historyDays(),
                observedFrom == null ? null : LocalDate.parse(observedFrom));
        // One lookup per day of the series rather than a range scan from its first day: comparable
        // days reach back up to four times the history, and a range scan parsed every day in between
        // — for every series of the task and every day a replay or a long silence closes at once.
        long[] values = new long[dates.size()];
        DailyCount judgedDay = null; // the last of the series' days is the judged one
        for (int i = 0; i < dates.size(); i++) {
            DailyCount count = counts.get(DayKeys.key(series, dates.get(i)));
            if (count == null) {
                continue;
            }
            values[i] = counted(type, count);
            if (i == values.length - 1) {
                judgedDay = count;
            }
        }
        Observed observed = new Observed(new CountSeries(series, Frequency.DAY, dates, values),
                judgedDay == null ? List.of() : judgedDay.records(), judgedDay == null ? 0 : judgedDay.count());
        return verdict(rule, series, day, day, observed, watermark, state);
    }

    /**
     * Judges the ISO week ending on {@code sunday} with the weekly rule, on weekly sums of the daily
     * counts. Weeks before the task's first record are unknown, and so is a week it saw only part of:
     * the series starts at the first whole week, and a method that needs years of history (the
     * improved Farrington: 5 years) says the series is too short rather than alarming.
     */
    private PeriodVerdict weekVerdict(String series, LocalDate sunday, long watermark, String state) {
        SignalType type = typeOf(series);
        LocalDate monday = sunday.minusDays(6);
        LocalDate first = monday.minusWeeks(weeklyRule.historyDays());
        String observedFrom = bookkeeping.get(OBSERVED_FROM);
        if (observedFrom != null && first.isBefore(LocalDate.parse(observedFrom))) {
            first = LocalDate.parse(observedFrom).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        }
        int weeks = (int) Math.floorDiv(monday.toEpochDay() - first.toEpochDay(), 7) + 1;
        if (weeks - 1 < weeklyRule.historyDays()) {
            // Too short for the method (the improved Farrington: 5 years + 3 weeks), or a week the task saw
            // only part of: the method would say so after a range scan of every observed day of the series —
            // on every Sunday, for every series.
            return verdict(weeklyRule, series, monday, sunday, null, watermark, state);
        }
        long[] values = new long[weeks];
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            mondays.add(first.plusWeeks(i));
        }
        List<Evidence> lastWeek = new ArrayList<>();
        long received = 0;
        try (KeyValueIterator<String, DailyCount> days = counts.range(DayKeys.key(series, first), DayKeys.key(series, sunday))) {
            while (days.hasNext()) {
                KeyValue<String, DailyCount> entry = days.next();
                int index = (int) ((DayKeys.dayOf(entry.key).toEpochDay() - first.toEpochDay()) / 7);
                values[index] += counted(type, entry.value);
                if (index == weeks - 1) {
                    received += entry.value.count();
                }
                if (index == weeks - 1 && lastWeek.size() < DailyCount.MAX_RECORDS) {
                    entry.value.records().stream().limit(DailyCount.MAX_RECORDS - lastWeek.size()).forEach(lastWeek::add);
                }
            }
        }
        Observed observed = new Observed(new CountSeries(series, Frequency.WEEK, mondays, values), lastWeek, received);
        return verdict(weeklyRule, series, monday, sunday, observed, watermark, state);
    }
}
