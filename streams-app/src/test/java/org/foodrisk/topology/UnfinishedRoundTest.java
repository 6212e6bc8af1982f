package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Evidence;
import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.ingest.Signal;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18: a series the day close has passed keeps no mark of its own — the task's marks say how far it is judged.
 * When a new round replaces an unfinished one, the series that round had passed must not fall back to the task's
 * older mark (they would be closed again: a week's verdict given twice). Closed one series-day per step
 * ({@code closeSlice} zero), so the round is unfinished when the next day's watermark comes.
 */
class UnfinishedRoundTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final List<String> SERIES = List.of("sampling|120101|粮食加工品", "sampling|120102|粮食加工品",
            "sampling|120103|粮食加工品");
    /** A Sunday: its week is judged (weekly EARS C2 on a year of weekly sums) when it closes. */
    private static final LocalDate SUNDAY = LocalDate.of(2024, 4, 28);

    @Test
    void aReplacedRoundClosesNoSeriesTwice() {
        assertEquals(DayOfWeek.SUNDAY, SUNDAY.getDayOfWeek());
        TopologySettings settings = TopologySettings.defaults();
        CountAberrationSettings weeklyEars = new CountAberrationSettings("ears-c2", Map.of(), 28, 3, "consecutive-days",
                "ears-c2", Map.of(), 0);
        DayCloseStores stores = DayCloseStores.create();
        MockProcessorContext<String, Detection> context = stores.context();
        KeyValueStore<String, DailyCount> counts = stores.counts();
        KeyValueStore<String, String> progress = stores.progress();

        LocalDate first = SUNDAY.minusWeeks(60).plusDays(1);
        for (String series : SERIES) {
            for (LocalDate day = first; !day.isAfter(SUNDAY.plusDays(1)); day = day.plusDays(1)) {
                // A failure every third day, then five a day in the judged week.
                int failures = !day.isBefore(SUNDAY.minusDays(6)) && !day.isAfter(SUNDAY) ? 5
                        : day.getDayOfYear() % 3 == 0 ? 1 : 0;
                counts.put(DayKeys.key(series, day), results(day, failures));
            }
            progress.put(PeriodAberrationProcessor.KNOWN + series, "1");
        }
        progress.put(PeriodAberrationProcessor.OBSERVED_FROM, first.toString());
        progress.put(PeriodAberrationProcessor.CLOSED_THROUGH, SUNDAY.minusDays(1).toString());
        progress.put(PeriodAberrationProcessor.CLOSED_ALL, SUNDAY.minusDays(1).toString());
        progress.put(PeriodAberrationProcessor.SERIES_KNOWN, "1");
        progress.put(PeriodAberrationProcessor.CANDIDATES_KEPT, "1");

        TimeModel oneDayPerStep = new TimeModel(Duration.ofHours(1), Duration.ofMinutes(1), 1, Duration.ofDays(14),
                Duration.ZERO);
        PeriodAberrationProcessor processor = new PeriodAberrationProcessor(
                CountAberrationRules.daily(weeklyEars, LevelPolicy.defaults(), CountAberrationRule.Dimension.FOOD_CATEGORY),
                CountAberrationRules.weekly(weeklyEars, LevelPolicy.defaults()),
                CountAberrationRules.comparableDays(weeklyEars), TIANJIN, settings.dayCloseGrace(), oneDayPerStep,
                "counts", "progress");
        processor.init(context);

        processor.process(watermarkClosing(SUNDAY, settings)); // the first series' Sunday, then the step ends
        punctuate(context); // the second series' Sunday: the first is passed, the round stops in the second
        processor.process(watermarkClosing(SUNDAY.plusDays(1), settings)); // a new round replaces it
        for (int step = 0; step < 20; step++) {
            punctuate(context);
        }

        List<String> weeks = context.forwarded().stream().map(forwarded -> (Detection) forwarded.record().value())
                .filter(detection -> detection.windowStart().toLocalDate().equals(SUNDAY.minusDays(6)))
                .map(Detection::dedupKey).toList();
        assertEquals(3, weeks.size(), "each series' week is judged once: " + weeks);
        assertEquals(3, weeks.stream().distinct().count(), weeks.toString());
        assertEquals(SUNDAY.plusDays(1).toString(), progress.get(PeriodAberrationProcessor.CLOSED_ALL),
                "the round finished");
    }

    private static Record<String, Signal> watermarkClosing(LocalDate day, TopologySettings settings) {
        long watermark = day.plusDays(1).atStartOfDay(TIANJIN).toInstant().plus(settings.dayCloseGrace())
                .plusSeconds(3600).toEpochMilli();
        return new Record<>(ClockTicks.WATERMARK_KEY, null, watermark);
    }

    private static void punctuate(MockProcessorContext<String, Detection> context) {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(0);
    }

    private static DailyCount results(LocalDate day, int failed) {
        DailyCount count = DailyCount.empty();
        for (int i = 0; i < failed; i++) {
            count = count.add(1, true, 1, new Evidence("sampling", "F-" + day + "-" + i,
                    day.atTime(10, 0).atZone(TIANJIN).toOffsetDateTime(), "不合格"), "区市场监管局");
        }
        return count.add(1, false, 1, null, "区市场监管局");
    }
}
