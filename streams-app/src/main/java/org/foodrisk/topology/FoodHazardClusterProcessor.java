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
 * Keeps day tallies of supervision sampling per district × food (key {@code <district>|<category>|<food>|<day>})
 * as results arrive, and judges the food × hazard chart when a day closes on the stage's watermark
 * ({@link WatermarkProcessor}: the slowest input task's arrival clock, past the day's end by the grace), as
 * the count detectors do ({@link PeriodAberrationProcessor}). A day with failures of a hazard class is judged
 * once it closes, over the chart's span ending with that day: what was known of it and the days before when it
 * closed, never what came after. A result that arrives after its day closed (a lab report days after
 * sampling, a correction, a retraction) changes its day's tally, and at the next watermark the failure days
 * of that food from its day on are judged again, within {@link TimeModel#rejudgeHorizon()}: an alarm raised
 * then is a 补判, one that continues a standing episode an 更新. Nothing is withdrawn (the chart never took
 * an alarm back; a run that falls below h ends by itself).
 *
 * <p>Why at day close (issue 18): judged on each failure as it arrived, the alerts depended on the order
 * records reached the task, which Kafka Streams does not fix across input partitions. Two replays of the same
 * 110,273 results (2026-12-06) gave four food × hazard episodes that started on another day or existed in
 * one run only. Now a verdict depends on the results known when the watermark comes, not on their order.
 *
 * <p>Only days that had failures are judged (the chart rises only on such a day, so every crossing is on
 * one): a failure of a day not yet closed leaves a mark in the progress store, the close judges the marked
 * days and deletes the marks.
 * A watermark that closes many days at once judges them in steps of {@link TimeModel#closeSlice()}, each
 * committed on its own, resumed at the next watermark or a wall-clock punctuation; late changes wait until
 * the round is done, so that a day's first verdict comes before its re-judgements.
 *
 * <p>Runs on the district × category partitioning: a food always has the same 大类, so all of one
 * food's results of a district are in one task without another repartition topic.
 */
final class FoodHazardClusterProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    /** The last day closed (judged or being judged). */
    static final String CLOSED_THROUGH = "#closed-through";
    /** A round of closing is under way, judged on this watermark (epoch millis). */
    static final String CLOSING_AT = "#closing-at";
    /** {@code #pending|<day>|<district|category|food>|<hazard class>}: a failure of a day not closed yet. */
    static final String PENDING = "#pending|";
    /** {@code #changed|<district|category|food>|<day>}: a closed day whose tally changed since it was judged. */
    static final String CHANGED = "#changed|";
    /** How often an unfinished round moves on when no watermark comes: about an exactly-once commit. */
    private static final Duration CONTINUE_EVERY = Duration.ofMillis(100);

    private final FoodHazardClusterRule rule;
    private final FoodHazardSettings settings;
    private final ZoneId zone;
    private final Duration grace;
    private final TimeModel time;
    private final String progressStore;
    private KeyValueStore<String, FoodHazardDay> tallies;
    private KeyValueStore<String, FoodHazardEpisode> episodes;
    private KeyValueStore<String, String> progress;

    /** @param progressStore the marks of days to judge and the closed days (text) */
    FoodHazardClusterProcessor(FoodHazardClusterRule rule, FoodHazardSettings settings, ZoneId zone, Duration grace,
                               TimeModel time, String progressStore) {
        this.rule = rule;
        this.settings = settings;
        this.zone = zone;
        this.grace = grace;
        this.time = time;
        this.progressStore = progressStore;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        tallies = context.getStateStore(StoreNames.FOOD_HAZARD_TALLIES);
        episodes = context.getStateStore(StoreNames.FOOD_HAZARD_EPISODES);
        progress = context.getStateStore(progressStore);
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
        if (signal.type() != SignalType.SAMPLING || !SamplingPrograms.countsInPassRates(signal.tagValue("program"))) {
            return;
        }
        String food = FoodNames.normalise(signal.foodName(), signal.tagValue("subcategory"));
        if (food == null) {
            return;
        }
        String prefix = record.key() + "|" + food;
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
            // A day still open: its failures are judged when it closes, on whatever of it is known then.
            if (signal.sign() > 0 && signal.failed()) {
                failedItems.keySet().forEach(hazardClass ->
                        progress.put(PENDING + day + "|" + prefix + "|" + hazardClass, series.text()));
            }
        } else if (!day.isBefore(closedThrough.minusDays(time.rejudgeHorizon().toDays()))
                && mayChangeAVerdict(signal, prefix, day)) {
            // A closed day changed: its food's failure days from it on are judged again at the next watermark,
            // once however many of its reports arrive in between.
            progress.put(CHANGED + prefix + "|" + day, series.text());
        }
    }

    /**
     * Whether a late result can change a verdict of its day or a later one. A failure can raise an alarm, and a
     * retraction can move the chart either way; a pass only lowers it, which changes nothing but an alarm's
     * figures — so a pass is judged again only with an alarm on its day or after (its episode's last signal).
     * Most late results are passes of foods with no alarm: this spares their charts a judgement at every watermark.
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
        String closed = progress.get(CLOSED_THROUGH);
        return closed == null ? null : LocalDate.parse(closed);
    }

    private void onWatermark(long watermark) {
        LocalDate closable = Instant.ofEpochMilli(watermark).minus(grace).atZone(zone).toLocalDate().minusDays(1);
        LocalDate closedThrough = closedThrough();
        if (closedThrough == null || closable.isAfter(closedThrough)) {
            progress.put(CLOSED_THROUGH, closable.toString());
            progress.put(CLOSING_AT, Long.toString(watermark));
        }
        if (closeSomeDays()) {
            rejudgeChangedDays(watermark);
        }
    }

    /**
     * Gives the first verdict of the marked failure days up to {@link #CLOSED_THROUGH}, in day order, for about
     * {@link TimeModel#closeSlice()} (at least one day): a watermark after weeks of a lagging partition may close
     * many. The marks judged are deleted, so the next step goes on from the first one left.
     *
     * @return whether the round is done
     */
    private boolean closeSomeDays() {
        String closingAt = progress.get(CLOSING_AT);
        if (closingAt == null) {
            return true;
        }
        long watermark = Long.parseLong(closingAt);
        List<KeyValue<String, String>> due = new ArrayList<>();
        // ISO dates sort as text: the range holds the marks of every day up to the closed one, and no later.
        try (KeyValueIterator<String, String> marks = progress.range(PENDING, PENDING + closedThrough() + "|\uffff")) {
            marks.forEachRemaining(due::add);
        }
        long sliceEnd = System.nanoTime() + time.closeSlice().toNanos();
        for (KeyValue<String, String> mark : due) {
            progress.delete(mark.key);
            String rest = mark.key.substring(PENDING.length());
            LocalDate day = LocalDate.parse(rest.substring(0, rest.indexOf('|')));
            String hazardClass = rest.substring(rest.lastIndexOf('|') + 1);
            judge(FoodSeries.parse(mark.value), hazardClass, day, watermark, false);
            if (System.nanoTime() - sliceEnd >= 0) {
                return false;
            }
        }
        progress.delete(CLOSING_AT);
        return true;
    }

    /**
     * Judges again the failure days of each food from its earliest changed day through the last closed day:
     * a late result of a day moves the chart on that day and every day after it.
     */
    private void rejudgeChangedDays(long watermark) {
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
        if (marks.isEmpty()) {
            return;
        }
        marks.forEach(progress::delete);
        LocalDate closedThrough = closedThrough();
        for (Map.Entry<String, LocalDate> food : from.entrySet()) {
            FoodSeries series = foods.get(food.getKey());
            try (KeyValueIterator<String, FoodHazardDay> days = tallies.range(DayKeys.key(food.getKey(), food.getValue()),
                    DayKeys.key(food.getKey(), closedThrough))) {
                List<KeyValue<String, FoodHazardDay>> changedDays = new ArrayList<>();
                days.forEachRemaining(changedDays::add);
                for (KeyValue<String, FoodHazardDay> day : changedDays) {
                    for (String hazardClass : day.value.byHazard().keySet()) {
                        judge(series, hazardClass, DayKeys.dayOf(day.key), watermark, true);
                    }
                }
            }
        }
    }

    /** The chart of one food × hazard class on a closed day, over the days up to it; an alarm is forwarded. */
    private void judge(FoodSeries food, String hazardClass, LocalDate day, long watermark, boolean rejudged) {
        Map<LocalDate, FoodHazardDay> known = new HashMap<>();
        LocalDate first = day.minusDays(settings.cusumDays() - 1);
        try (KeyValueIterator<String, FoodHazardDay> it = tallies.range(DayKeys.key(food.prefix(), first),
                DayKeys.key(food.prefix(), day))) {
            it.forEachRemaining(entry -> known.put(DayKeys.dayOf(entry.key), entry.value));
        }
        FoodHazardDay judgedDay = known.getOrDefault(day, FoodHazardDay.empty());
        if (judgedDay.failed(hazardClass) == 0) {
            return; // retracted, or only another class failed: the chart cannot have risen on this day
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
        rule.judge(series, day).ifPresent(signalled -> {
            String episodeKey = food.prefix() + "|" + hazardClass;
            FoodHazardEpisode before = episodes.get(episodeKey);
            FoodHazardEpisode episode = Optional.ofNullable(before).orElse(new FoodHazardEpisode(null, null))
                    .next(signalled.runStart(), signalled.runEnd(), settings.episodeGapDays());
            episodes.put(episodeKey, episode);
            boolean standing = before != null && episode.id().equals(before.id());
            String state = !rejudged ? Judgement.FIRST : standing ? Judgement.UPDATED : Judgement.RAISED_LATE;
            Judgement judgement = new Judgement(state, OffsetDateTime.ofInstant(Instant.ofEpochMilli(watermark), zone),
                    judgedDay.tested(hazardClass), null, null);
            Detection detection = rule.detection(series, signalled, episode.id(), zone).judged(judgement);
            context().forward(new Record<>(detection.dedupKey(), detection,
                    day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()));
        });
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
