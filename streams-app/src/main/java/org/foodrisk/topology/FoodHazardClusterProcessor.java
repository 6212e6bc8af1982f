package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
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
import org.foodrisk.ingest.SamplingPrograms;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps day tallies of supervision sampling per district × food (key
 * {@code <district>|<category>|<food>|<day>}) and, on every failure, runs the food × hazard chart
 * of each hazard class it failed for. A late report lands in its own day, and the chart is
 * recomputed from the days — so the final chart does not depend on the order the reports come in.
 * The alerts raised on the way do: the chart runs on each failure as it arrives, and records of
 * different input partitions reach this task in an order Kafka Streams does not fix. Two replays of
 * the same 110,273 results (2026-12-06, `./benchmark.sh replay --alerts-out`) gave 247 and 245 alerts,
 * four of them food × hazard episodes that started on another day or only in one run (issue 18).
 * Runs on the district × category partitioning: a food always has the same 大类, so all of one
 * food's results of a district are in one task without another repartition topic.
 */
final class FoodHazardClusterProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    private final FoodHazardClusterRule rule;
    private final FoodHazardSettings settings;
    private final ZoneId zone;
    private KeyValueStore<String, FoodHazardDay> tallies;
    private KeyValueStore<String, FoodHazardEpisode> episodes;

    FoodHazardClusterProcessor(FoodHazardClusterRule rule, FoodHazardSettings settings, ZoneId zone) {
        this.rule = rule;
        this.settings = settings;
        this.zone = zone;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        tallies = context.getStateStore(StoreNames.FOOD_HAZARD_TALLIES);
        episodes = context.getStateStore(StoreNames.FOOD_HAZARD_EPISODES);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
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
        if (signal.sign() < 0 || !signal.failed()) {
            return;
        }
        for (String hazardClass : failedItems.keySet()) {
            judge(record, signal, prefix, food, hazardClass, day);
        }
    }

    private void judge(Record<String, Signal> record, Signal signal, String prefix, String food, String hazardClass,
                       LocalDate day) {
        // The chart runs over the span before the failure's day and as far after it as reports go.
        LocalDate first = day.minusDays(settings.cusumDays() - 1);
        LocalDate last = day.plusDays(settings.cusumDays() - 1);
        Map<LocalDate, FoodHazardDay> known = new HashMap<>();
        try (KeyValueIterator<String, FoodHazardDay> it = tallies.range(DayKeys.key(prefix, first), DayKeys.key(prefix, last))) {
            while (it.hasNext()) {
                KeyValue<String, FoodHazardDay> entry = it.next();
                known.put(DayKeys.dayOf(entry.key), entry.value);
            }
        }
        LocalDate lastKnown = known.keySet().stream().max(LocalDate::compareTo).orElse(day);
        List<FoodHazardDay> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(lastKnown); d = d.plusDays(1)) {
            days.add(known.getOrDefault(d, FoodHazardDay.empty()));
        }
        // Baseline: the year before the failure, leaving out its last weeks so that a cluster is
        // not its own baseline.
        long tested = 0;
        long failed = 0;
        try (KeyValueIterator<String, FoodHazardDay> it = tallies.range(
                DayKeys.key(prefix, day.minusDays(settings.baselineDays())),
                DayKeys.key(prefix, day.minusDays(settings.baselineGapDays() + 1)))) {
            while (it.hasNext()) {
                FoodHazardDay d = it.next().value;
                tested += d.tested(hazardClass);
                failed += d.failed(hazardClass);
            }
        }
        FoodHazardClusterRule.Series series = new FoodHazardClusterRule.Series(signal.districtCode(),
                signal.districtName(), signal.foodCategory(), food, hazardClass, first, days, tested, failed);
        rule.judge(series, day).ifPresent(signalled -> {
            String episodeKey = prefix + "|" + hazardClass;
            FoodHazardEpisode episode = Optional.ofNullable(episodes.get(episodeKey))
                    .orElse(new FoodHazardEpisode(null, null))
                    .next(signalled.runStart(), signalled.runEnd(), settings.episodeGapDays());
            episodes.put(episodeKey, episode);
            Detection detection = rule.detection(series, signalled, episode.id(), zone);
            context().forward(new Record<>(detection.dedupKey(), detection, record.timestamp()));
        });
    }
}
