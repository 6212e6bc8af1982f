package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Evidence;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18: the day close looks up only the days marked as candidates (their count reached what an alarm needs). A
 * store written by the previous version has no marks; the days it had not judged yet must still be judged after the
 * upgrade — the processor finds them once, from the counts, before it closes anything.
 */
class CandidateMarksUpgradeTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final String SERIES = "sampling|120114|粮食加工品";
    private static final LocalDate DAY = LocalDate.of(2024, 4, 24);

    @Test
    void aStoreOfThePreviousVersionHasItsOpenDaysJudged() {
        Closed closed = closeTheDayOn(false);
        assertEquals(1, closed.detections().size(), "six failures against a baseline of one every other day: "
                + closed.detections());
        Detection detection = closed.detections().get(0);
        assertEquals("sampling.aberration", detection.kind());
        assertEquals(DAY, detection.windowStart().toLocalDate(), detection.toString());
        assertEquals("1", closed.progress().get(PeriodAberrationProcessor.CANDIDATES_KEPT));
        assertEquals(null, closed.progress().get(PeriodAberrationProcessor.CANDIDATE + SERIES + "|" + DAY),
                "the mark of a judged day is gone");
    }

    @Test
    void withoutTheUpgradeStepTheSameStoreWouldJudgeNothing() {
        // The same store, claiming it keeps marks: what the upgrade step saves it from.
        assertEquals(List.of(), closeTheDayOn(true).detections());
    }

    /**
     * Switching a running service to the pooled model ({@code count-method: pooled-nb}): the per-series processor
     * then has no daily rule, and the candidate marks its daily rule left are dropped unjudged when their days close —
     * not judged by a rule that is no longer there (that was a NullPointerException on the stream thread).
     */
    @Test
    void candidateMarksOfADailyRuleNoLongerThereAreDroppedUnjudged() {
        TopologySettings settings = TopologySettings.defaults();
        DayCloseStores stores = DayCloseStores.create();
        stores.counts().put(DayKeys.key(SERIES, DAY), results(DAY, 6, 6));
        stores.progress().put(PeriodAberrationProcessor.OBSERVED_FROM, DAY.minusDays(42).toString());
        stores.progress().put(SERIES, DAY.minusDays(1).toString());
        stores.progress().put(PeriodAberrationProcessor.CLOSED_THROUGH, DAY.minusDays(1).toString());
        stores.progress().put(PeriodAberrationProcessor.CLOSED_ALL, DAY.minusDays(1).toString());
        stores.progress().put(PeriodAberrationProcessor.CANDIDATES_KEPT, "1");
        stores.progress().put(PeriodAberrationProcessor.CANDIDATE + SERIES + "|" + DAY, "1");
        PeriodAberrationProcessor processor = new PeriodAberrationProcessor(null, null,
                CountAberrationRules.comparableDays(settings.counts()), TIANJIN, settings.dayCloseGrace(),
                settings.time(), "counts", "progress");
        processor.init(stores.context());
        processor.process(new Record<>(ClockTicks.WATERMARK_KEY, null, DAY.plusDays(1).atStartOfDay(TIANJIN).toInstant()
                .plus(settings.dayCloseGrace()).plusSeconds(3600).toEpochMilli()));
        assertEquals(List.of(), stores.context().forwarded());
        assertEquals(null, stores.progress().get(PeriodAberrationProcessor.CANDIDATE + SERIES + "|" + DAY));
    }

    private record Closed(List<Detection> detections, KeyValueStore<String, String> progress) {
    }

    /** The close of {@link #DAY} on a store as the previous version left it: counts, series mark, no candidate marks. */
    private static Closed closeTheDayOn(boolean claimsToKeepMarks) {
        TopologySettings settings = TopologySettings.defaults();
        DayCloseStores stores = DayCloseStores.create();
        MockProcessorContext<String, Detection> context = stores.context();
        KeyValueStore<String, DailyCount> counts = stores.counts();
        KeyValueStore<String, String> progress = stores.progress();

        LocalDate first = DAY.minusDays(42);
        for (LocalDate day = first; day.isBefore(DAY); day = day.plusDays(1)) {
            counts.put(DayKeys.key(SERIES, day), results(day, day.getDayOfMonth() % 2, 6));
        }
        counts.put(DayKeys.key(SERIES, DAY), results(DAY, 6, 6));
        progress.put(PeriodAberrationProcessor.OBSERVED_FROM, first.toString());
        progress.put(SERIES, DAY.minusDays(1).toString());
        progress.put(PeriodAberrationProcessor.CLOSED_THROUGH, DAY.minusDays(1).toString());
        progress.put(PeriodAberrationProcessor.CLOSED_ALL, DAY.minusDays(1).toString());
        if (claimsToKeepMarks) {
            progress.put(PeriodAberrationProcessor.CANDIDATES_KEPT, "1");
        }

        PeriodAberrationProcessor processor = new PeriodAberrationProcessor(
                CountAberrationRules.daily(settings.counts(), settings.levels(), CountAberrationRule.Dimension.FOOD_CATEGORY),
                null, CountAberrationRules.comparableDays(settings.counts()), TIANJIN, settings.dayCloseGrace(),
                settings.time(), "counts", "progress");
        processor.init(context);
        long watermark = DAY.plusDays(1).atStartOfDay(TIANJIN).toInstant().plus(settings.dayCloseGrace())
                .plusSeconds(3600).toEpochMilli();
        processor.process(new Record<>(ClockTicks.WATERMARK_KEY, null, watermark));
        List<Detection> detections = context.forwarded().stream().map(forwarded -> (Detection) forwarded.record().value()).toList();
        return new Closed(detections, progress);
    }

    /** A day's results of the series: {@code failed} failures among {@code passed} passes more. */
    private static DailyCount results(LocalDate day, int failed, int passed) {
        DailyCount count = DailyCount.empty();
        for (int i = 0; i < failed; i++) {
            count = count.add(1, true, 1, new Evidence("sampling", "F-" + day + "-" + i,
                    day.atTime(10, 0).atZone(TIANJIN).toOffsetDateTime(), "不合格"), "区市场监管局");
        }
        for (int i = 0; i < passed; i++) {
            count = count.add(1, false, 1, null, "区市场监管局");
        }
        return count;
    }
}
