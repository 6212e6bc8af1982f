package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.FoodHazardClusterRule;
import org.foodrisk.detect.FoodHazardDay;
import org.foodrisk.detect.FoodHazardEpisode;
import org.foodrisk.detect.FoodNames;
import org.foodrisk.detect.Judgement;
import org.foodrisk.ingest.SamplingPrograms;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The food × hazard chart ({@link FoodHazardClusterRule}), judged when days close on the stage's watermark
 * ({@link WatermarkProcessor}: the slowest input task's arrival clock), as the count detectors are
 * ({@link PeriodAberrationProcessor}). Day tallies of supervision sampling per district × food (key
 * {@code <district>|<category>|<food>|<day>}) feed a chart per hazard class.
 *
 * <p>Each day D has a close instant, its end plus the grace. When the watermark has passed it, D is closed: the
 * results reported by that instant are counted (results reported later wait in the arrivals store for the close
 * that covers their report time), the days late results changed are judged again, and then every failure day
 * up to D not judged yet gets its first verdict (初判), over the chart's span ending with that day — only what
 * was known of it and the days before it, never a later day. A late result (a lab report days after sampling,
 * a correction, a retraction) that changes a closed day marks its food, and at the next close the failure days
 * of that food from that day on are judged again, within {@link TimeModel#rejudgeHorizon()}: an alarm then is a
 * 补判, or an 更新 when it continues a standing episode. An episode that began on or after the first changed day
 * and no longer reaches the chart's limit on any of those days — its failures corrected to 合格 or retracted —
 * is withdrawn (撤回), as the count detectors withdraw a period that no longer alarms.
 *
 * <p>Why (issue 18): judged on each failure as it arrived, the alerts depended on the order records reached the
 * task, which Kafka Streams does not fix across input partitions: two replays of the same 110,273 results
 * (2026-12-06) gave four food × hazard episodes that started on another day or existed in one run only. Judged
 * at the watermark on whatever had arrived, they would still depend on it: in a replay of a backlog, the
 * partitions ahead of the slowest have delivered days of later reports by the time a day closes, more in one
 * run than in the next.
 * Counted by close instant, a verdict is made on the results reported by a fixed time, in a fixed order. Only a
 * result that reaches the task after the close covering its report time (its input task ticked past it before
 * reading it) is counted at the next close, wherever that falls.
 *
 * <p>Only days that had failures are judged (the chart rises only on such a day, so every crossing is on
 * one): a failure of a day not closed yet leaves a mark in the progress store, the close judges the marked
 * days and deletes the marks. A watermark that closes many days at once closes them in steps of
 * {@link TimeModel#closeSlice()}, each committed on its own, resumed at the next watermark or a wall-clock
 * punctuation; the verdicts are the same, since what each close counts is fixed by the report times.
 *
 * <p>Runs on the district × category partitioning: a food always has the same 大类, so all of one
 * food's results of a district are in one task without another repartition topic.
 */
final class FoodHazardClusterProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    /** The last day closed: its results known by its close instant are counted, its first verdicts given or due. */
    static final String CLOSED_THROUGH = "#closed-through";
    /** The day the current round closes through (set by a watermark, deleted when the round is done). */
    static final String CLOSE_TARGET = "#close-target";
    /** {@code #pending|<day>|<district|category|food>|<hazard class>}: a failure of a day not closed yet. */
    static final String PENDING = "#pending|";
    /** {@code #changed|<district|category|food>|<day>}: a closed day whose tally changed since it was judged. */
    static final String CHANGED = "#changed|";
    /** The arrival number of the last result held back (orders the versions of one result known at one instant). */
    private static final String SEQUENCE = "#sequence";
    /** How often an unfinished round moves on when no watermark comes: about an exactly-once commit. */
    private static final Duration CONTINUE_EVERY = Duration.ofMillis(100);

    private final FoodHazardClusterRule rule;
    private final FoodHazardSettings settings;
    private final ZoneId zone;
    private final Duration grace;
    private final TimeModel time;
    private final String progressStore;
    private final String arrivalsStore;
    private KeyValueStore<String, FoodHazardDay> tallies;
    private KeyValueStore<String, FoodHazardEpisode> episodes;
    private KeyValueStore<String, String> progress;
    private KeyValueStore<String, Signal> arrivals;
    /**
     * The report instant up to which this task has counted the held-back results since it started, or -1. Every
     * result held back after it was reported later (it would have been counted at once otherwise), so the next
     * count reads from there: issue 18, read from the first key on, the range skipped the tombstones of every
     * result counted before it — a third of this processor's time in the replay. Not stored: after a restart the
     * first count reads from the first key once.
     */
    private long countedUpTo = -1;
    /**
     * {@link #CLOSED_THROUGH} and {@link #SEQUENCE} as stored, mirrored in memory: read with every sampling result
     * (issue 18: a store read and a date parse each, about 5 % of this processor in the million-result replay).
     * Written through; read from the store whenever Kafka Streams initialises the task (also after a restart or a
     * revived task, on the restored store).
     */
    private LocalDate closedThroughDay;
    /** {@link #closeInstant} of {@link #closedThroughDay}: a result reported by then is behind the clock. */
    private long closedThroughInstant;
    private long sequence;

    /**
     * @param progressStore the marks of days to judge and the closed days (text)
     * @param arrivalsStore the results held back until the close instant that covers their report time
     */
    FoodHazardClusterProcessor(FoodHazardClusterRule rule, FoodHazardSettings settings, ZoneId zone, Duration grace,
                               TimeModel time, String progressStore, String arrivalsStore) {
        this.rule = rule;
        this.settings = settings;
        this.zone = zone;
        this.grace = grace;
        this.time = time;
        this.progressStore = progressStore;
        this.arrivalsStore = arrivalsStore;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        tallies = context.getStateStore(StoreNames.FOOD_HAZARD_TALLIES);
        episodes = context.getStateStore(StoreNames.FOOD_HAZARD_EPISODES);
        progress = context.getStateStore(progressStore);
        arrivals = context.getStateStore(arrivalsStore);
        countedUpTo = -1;
        String closed = progress.get(CLOSED_THROUGH);
        closedThroughDay = closed == null ? null : LocalDate.parse(closed);
        closedThroughInstant = closed == null ? Long.MIN_VALUE : closeInstant(closedThroughDay);
        sequence = Optional.ofNullable(progress.get(SEQUENCE)).map(Long::parseLong).orElse(0L);
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
        if (signal.type() != SignalType.SAMPLING || !SamplingPrograms.countsInPassRates(signal.tagValue("program"))
                || FoodNames.normalise(signal.foodName(), signal.tagValue("subcategory")) == null) {
            return;
        }
        long known = knownAt(signal);
        if (closedThroughDay != null && known <= closedThroughInstant) {
            // Behind the clock (reported before a close it missed): counted now, judged at the next close.
            count(record.key(), signal);
            return;
        }
        // Held back until the close instant that covers its report time: a verdict counts the results reported by
        // then, whatever else has reached this task from input partitions further ahead (issue 18).
        sequence++;
        progress.put(SEQUENCE, Long.toString(sequence));
        // Results reported at the same instant are counted in the order of their ids, not of their arrival from
        // different partitions; a correction of one id after its retraction, in the order they came.
        arrivals.put(padded(known, 13) + "|" + signal.id() + "|" + padded(sequence, 12), signal);
    }

    /**
     * A non-negative number zero-padded to sort as text (what {@code %013d} writes; String.format per sampling
     * result was a visible share of the replay profile).
     */
    static String padded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** When the result became known, on the arrival clock's terms ({@link ArrivalClockProcessor}). */
    private long knownAt(Signal signal) {
        long eventTime = signal.eventTime().toInstant().toEpochMilli();
        return Math.min(signal.knownAt().toInstant().toEpochMilli(),
                Math.max(eventTime, context().currentSystemTimeMs()));
    }

    /** The end of a day plus the grace: the results reported by then are the ones its first verdict counts. */
    private long closeInstant(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().plus(grace).toEpochMilli();
    }

    /** Counts a result in its day's tally and marks what it leaves to judge. */
    private void count(String key, Signal signal) {
        String food = FoodNames.normalise(signal.foodName(), signal.tagValue("subcategory"));
        String prefix = key + "|" + food;
        LocalDate day = DayKeys.day(signal.eventTime(), zone);
        String dayKey = DayKeys.key(prefix, day);
        Map<String, List<String>> failedItems = new LinkedHashMap<>();
        for (Signal.Finding finding : signal.findings()) {
            String hazardClass = finding.hazardClass() == null ? "其他" : finding.hazardClass();
            failedItems.computeIfAbsent(hazardClass, k -> new ArrayList<>())
                    .add(finding.item() == null ? "" : finding.item());
        }
        FoodHazardDay updated = Optional.ofNullable(tallies.get(dayKey)).orElse(FoodHazardDay.empty())
                .add(signal.sign(), signal.testedHazardClasses(), failedItems, signal.id(), signal.eventTime(),
                        signal.enterpriseName(), signal.summary());
        if (updated.isEmpty()) {
            tallies.delete(dayKey);
        } else {
            tallies.put(dayKey, updated);
        }
        FoodSeries series = new FoodSeries(prefix, signal.districtCode(), signal.districtName(), signal.foodCategory(), food);
        LocalDate closedThrough = closedThrough();
        if (closedThrough == null || day.isAfter(closedThrough)) {
            // A day still open: its failures are judged when it closes.
            if (signal.sign() > 0 && signal.failed()) {
                failedItems.keySet().forEach(hazardClass ->
                        progress.put(PENDING + day + "|" + prefix + "|" + hazardClass, series.text()));
            }
        } else if (!day.isBefore(closedThrough.minusDays(time.rejudgeHorizon().toDays()))
                && mayChangeAVerdict(signal, prefix, day)) {
            // A closed day changed: its food's failure days from it on are judged again at the next close.
            progress.put(CHANGED + prefix + "|" + day, series.text());
        }
    }

    /**
     * Whether a late result can change a verdict of its day or a later one. A failure can raise an alarm, and a
     * retraction can move the chart either way; a pass only lowers it, which changes nothing but an alarm's
     * figures — so a pass is judged again only with an alarm on its day or after (its episode's last signal).
     * Most late results are passes of foods with no alarm: this spares their charts a judgement at every close.
     */
    private boolean mayChangeAVerdict(Signal signal, String prefix, LocalDate day) {
        if (signal.sign() < 0 || signal.failed()) {
            return true;
        }
        List<String> hazardClasses = signal.testedHazardClasses();
        if (hazardClasses.isEmpty()) {
            // A result naming no items counts as tested for every class of its food.
            try (KeyValueIterator<String, FoodHazardEpisode> all = episodes.range(prefix + "|", prefix + "|\uffff")) {
                while (all.hasNext()) {
                    if (signalledOnOrAfter(all.next().value, day)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return hazardClasses.stream().anyMatch(hazardClass -> signalledOnOrAfter(episodes.get(prefix + "|" + hazardClass), day));
    }

    private static boolean signalledOnOrAfter(FoodHazardEpisode episode, LocalDate day) {
        return episode != null && episode.lastSignal() != null && !LocalDate.parse(episode.lastSignal()).isBefore(day);
    }

    private LocalDate closedThrough() {
        return closedThroughDay;
    }

    private void setClosedThrough(LocalDate day) {
        progress.put(CLOSED_THROUGH, day.toString());
        closedThroughDay = day;
        closedThroughInstant = closeInstant(day);
    }

    private void onWatermark(long watermark) {
        LocalDate closable = Instant.ofEpochMilli(watermark).minus(grace).atZone(zone).toLocalDate().minusDays(1);
        LocalDate closedThrough = closedThrough();
        if (closedThrough == null || closable.isAfter(closedThrough)) {
            progress.put(CLOSE_TARGET, closable.toString());
        }
        closeSomeDays();
    }

    /**
     * Closes the days up to {@link #CLOSE_TARGET} one after the other: at each day's close instant the results
     * known by then are counted, then the days they changed are judged again and the day's failures judged for
     * the first time. So every verdict is made on the results reported by a fixed instant, in a fixed order —
     * not on how far each input partition happened to have got when the watermark came. Runs for about
     * {@link TimeModel#closeSlice()} (at least one judgement) and goes on at the next watermark or punctuation:
     * a watermark after weeks of a lagging partition may close many days.
     */
    private void closeSomeDays() {
        String target = progress.get(CLOSE_TARGET);
        if (target == null) {
            return;
        }
        LocalDate last = LocalDate.parse(target);
        long sliceEnd = System.nanoTime() + time.closeSlice().toNanos();
        LocalDate closed = closedThrough();
        if (closed == null) {
            closed = beforeFirstArrival(last);
        }
        while (true) {
            if (!judgeDue(closed, sliceEnd)) {
                return;
            }
            if (!closed.isBefore(last)) {
                progress.delete(CLOSE_TARGET);
                return;
            }
            LocalDate next = closed.plusDays(1);
            countArrivalsUpTo(closeInstant(next));
            setClosedThrough(next);
            closed = next;
        }
    }

    /** A start for the first round: the day before the first held-back result's report could close a day. */
    private LocalDate beforeFirstArrival(LocalDate last) {
        try (KeyValueIterator<String, Signal> first = arrivals.all()) {
            if (!first.hasNext()) {
                setClosedThrough(last);
                return last;
            }
            long known = Long.parseLong(first.next().key.substring(0, 13));
            LocalDate day = Instant.ofEpochMilli(known).minus(grace).atZone(zone).toLocalDate().minusDays(2);
            LocalDate start = day.isBefore(last) ? day : last;
            setClosedThrough(start);
            return start;
        }
    }

    /** Counts the held-back results known by {@code instant}, in the order they became known. */
    private void countArrivalsUpTo(long instant) {
        List<KeyValue<String, Signal>> due = new ArrayList<>();
        String from = countedUpTo < 0 ? "" : padded(countedUpTo + 1, 13);
        try (KeyValueIterator<String, Signal> it = arrivals.range(from, padded(instant, 13) + "|\uffff")) {
            it.forEachRemaining(due::add);
        }
        countedUpTo = Math.max(countedUpTo, instant);
        for (KeyValue<String, Signal> arrival : due) {
            // put(key, null) deletes without reading and decoding the old value first, as delete() does (a RocksDB
            // get per held-back result, about a fifth of the hold-back's cost in the 200k replay's profile).
            arrivals.put(arrival.key, null);
            // The stage's key: the signals were keyed by district × category just before its repartition.
            count(arrival.value.districtCategoryKey(), arrival.value);
        }
    }

    /**
     * The verdicts due at the close of {@code closed}: the days late results changed, then the first verdicts of
     * the failure days up to it, in day order (the marks judged are deleted, so a step goes on from the first left).
     *
     * @return whether all were given before the slice ran out
     */
    private boolean judgeDue(LocalDate closed, long sliceEnd) {
        long judgedAt = closeInstant(closed);
        rejudgeChangedDays(closed, judgedAt);
        List<KeyValue<String, String>> due = new ArrayList<>();
        // ISO dates sort as text: the range holds the marks of every day up to the closed one, and no later.
        try (KeyValueIterator<String, String> marks = progress.range(PENDING, PENDING + closed + "|\uffff")) {
            marks.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> mark : due) {
            progress.delete(mark.key);
            String rest = mark.key.substring(PENDING.length());
            LocalDate day = LocalDate.parse(rest.substring(0, rest.indexOf('|')));
            String hazardClass = rest.substring(rest.lastIndexOf('|') + 1);
            judge(FoodSeries.parse(mark.value), hazardClass, day, judgedAt, false);
            if (System.nanoTime() - sliceEnd >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Judges again the failure days of each food from its earliest changed day through the last closed day:
     * a late result of a day moves the chart on that day and every day after it. A day whose first verdict is
     * still due is left to it.
     */
    private void rejudgeChangedDays(LocalDate closedThrough, long judgedAt) {
        Map<String, LocalDate> from = new TreeMap<>();
        Map<String, FoodSeries> foods = new HashMap<>();
        List<String> marks = new ArrayList<>();
        try (KeyValueIterator<String, String> changed = progress.range(CHANGED, CHANGED + "\uffff")) {
            changed.forEachRemaining(mark -> {
                marks.add(mark.key);
                FoodSeries series = FoodSeries.parse(mark.value);
                foods.put(series.prefix(), series);
                from.merge(series.prefix(), DayKeys.dayOf(mark.key), (a, b) -> a.isBefore(b) ? a : b);
            });
        }
        marks.forEach(progress::delete);
        for (Map.Entry<String, LocalDate> food : from.entrySet()) {
            FoodSeries series = foods.get(food.getKey());
            // Episodes whose every signal lies in the days judged again below: gone unless one of them signals.
            Map<String, FoodHazardEpisode> reopened = new HashMap<>();
            try (KeyValueIterator<String, FoodHazardEpisode> it = episodes.range(food.getKey() + "|",
                    food.getKey() + "|\uffff")) {
                it.forEachRemaining(entry -> {
                    if (entry.value.id() != null && !LocalDate.parse(entry.value.id()).isBefore(food.getValue())) {
                        reopened.put(entry.key.substring(food.getKey().length() + 1), entry.value);
                    }
                });
            }
            List<KeyValue<String, FoodHazardDay>> changedDays = new ArrayList<>();
            try (KeyValueIterator<String, FoodHazardDay> days = tallies.range(DayKeys.key(food.getKey(), food.getValue()),
                    DayKeys.key(food.getKey(), closedThrough))) {
                days.forEachRemaining(changedDays::add);
            }
            for (KeyValue<String, FoodHazardDay> day : changedDays) {
                LocalDate date = DayKeys.dayOf(day.key);
                for (String hazardClass : day.value.byHazard().keySet()) {
                    if (progress.get(PENDING + date + "|" + food.getKey() + "|" + hazardClass) == null
                            && judge(series, hazardClass, date, judgedAt, true)
                            && reopened.containsKey(hazardClass)
                            && reopened.get(hazardClass).id().equals(episodeId(series, hazardClass))) {
                        reopened.remove(hazardClass); // the same episode signalled again: it stands
                    }
                }
            }
            reopened.forEach((hazardClass, episode) -> withdraw(series, hazardClass, episode, closedThrough, judgedAt));
        }
    }

    private String episodeId(FoodSeries food, String hazardClass) {
        FoodHazardEpisode episode = episodes.get(food.prefix() + "|" + hazardClass);
        return episode == null ? null : episode.id();
    }

    /**
     * The alert of an episode none of whose days reaches the limit any more, withdrawn; the episode forgotten
     * unless a later one of the same food and hazard class has taken its place.
     */
    private void withdraw(FoodSeries food, String hazardClass, FoodHazardEpisode episode, LocalDate closedThrough,
                          long judgedAt) {
        if (episode.id().equals(episodeId(food, hazardClass))) {
            episodes.delete(food.prefix() + "|" + hazardClass);
        }
        String dedupKey = FoodHazardClusterRule.dedupKey(food.districtCode(), food.districtName(), food.food(),
                hazardClass, episode.id());
        OffsetDateTime start = LocalDate.parse(episode.id()).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = LocalDate.parse(episode.lastSignal()).plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Judgement judgement = new Judgement(Judgement.UPDATED,
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(judgedAt), zone), 0, null, null);
        Detection withdrawal = Detection.withdrawal(FoodHazardClusterRule.KIND, dedupKey, SignalType.SAMPLING, start,
                end, food.districtName() + food.food() + hazardClass + "不合格聚集复核：更正或撤回的检验结果后不再构成聚集",
                judgement);
        context().forward(new Record<>(dedupKey, withdrawal,
                closedThrough.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()));
    }

    /**
     * The chart of one food × hazard class on a closed day, over the days up to it; an alarm is forwarded.
     *
     * @return whether it alarmed
     */
    private boolean judge(FoodSeries food, String hazardClass, LocalDate day, long judgedAt, boolean rejudged) {
        Map<LocalDate, FoodHazardDay> known = new HashMap<>();
        LocalDate first = day.minusDays(settings.cusumDays() - 1);
        try (KeyValueIterator<String, FoodHazardDay> it = tallies.range(DayKeys.key(food.prefix(), first),
                DayKeys.key(food.prefix(), day))) {
            it.forEachRemaining(entry -> known.put(DayKeys.dayOf(entry.key), entry.value));
        }
        FoodHazardDay judgedDay = known.getOrDefault(day, FoodHazardDay.empty());
        if (judgedDay.failed(hazardClass) == 0) {
            return false; // retracted, or only another class failed: the chart cannot have risen on this day
        }
        List<FoodHazardDay> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(day); d = d.plusDays(1)) {
            days.add(known.getOrDefault(d, FoodHazardDay.empty()));
        }
        // Baseline: the year before the day, leaving out its last weeks so that a cluster is not its own baseline.
        long tested = 0;
        long failed = 0;
        try (KeyValueIterator<String, FoodHazardDay> it = tallies.range(
                DayKeys.key(food.prefix(), day.minusDays(settings.baselineDays())),
                DayKeys.key(food.prefix(), day.minusDays(settings.baselineGapDays() + 1)))) {
            while (it.hasNext()) {
                FoodHazardDay d = it.next().value;
                tested += d.tested(hazardClass);
                failed += d.failed(hazardClass);
            }
        }
        FoodHazardClusterRule.Series series = new FoodHazardClusterRule.Series(food.districtCode(),
                food.districtName(), food.foodCategory(), food.food(), hazardClass, first, days, tested, failed);
        Optional<FoodHazardClusterRule.Signalled> alarm = rule.judge(series, day);
        alarm.ifPresent(signalled -> {
            String episodeKey = food.prefix() + "|" + hazardClass;
            FoodHazardEpisode before = episodes.get(episodeKey);
            FoodHazardEpisode episode = Optional.ofNullable(before).orElse(new FoodHazardEpisode(null, null))
                    .next(signalled.runStart(), signalled.runEnd(), settings.episodeGapDays());
            episodes.put(episodeKey, episode);
            boolean standing = before != null && episode.id().equals(before.id());
            String state = !rejudged ? Judgement.FIRST : standing ? Judgement.UPDATED : Judgement.RAISED_LATE;
            Judgement judgement = new Judgement(state, OffsetDateTime.ofInstant(Instant.ofEpochMilli(judgedAt), zone),
                    judgedDay.tested(hazardClass), null, null);
            Detection detection = rule.detection(series, signalled, episode.id(), zone).judged(judgement);
            context().forward(new Record<>(detection.dedupKey(), detection,
                    day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()));
        });
        return alarm.isPresent();
    }

    /** One district × food (its tally prefix) and how its alerts name it, kept with the marks to judge it. */
    record FoodSeries(String prefix, String districtCode, String districtName, String foodCategory, String food) {

        private static final String SEPARATOR = "\u001f";

        String text() {
            return String.join(SEPARATOR, prefix, orEmpty(districtCode), orEmpty(districtName), orEmpty(foodCategory),
                    food);
        }

        static FoodSeries parse(String text) {
            String[] parts = text.split(SEPARATOR, -1);
            return new FoodSeries(parts[0], orNull(parts[1]), orNull(parts[2]), orNull(parts[3]), parts[4]);
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }

        private static String orNull(String value) {
            return value.isEmpty() ? null : value;
        }
    }
}
