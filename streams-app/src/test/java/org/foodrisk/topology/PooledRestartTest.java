package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PooledNegativeBinomialRun;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.reference.HolidayCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart of the pooled stage changes no verdict: a processor that takes over the stores midway (its memory gone:
 * districts' first days, marks and the week's model read back from the stores) gives, from there on, what one
 * processor running through gives — although late reports arrive after the week's model was fitted, and a refit
 * after the restart would see them. Traffic in arrival order: results 1–6 days after sampling, weekends quieter.
 */
class PooledRestartTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final List<String> DISTRICTS = List.of("120114", "120105", "120111", "120119", "120116");

    /** A whole day of closing per step: the steps must not depend on how fast this machine is. */
    private static final TimeModel TIME = new TimeModel(Duration.ofHours(1), Duration.ofMinutes(1), 1,
            Duration.ofDays(14), Duration.ofHours(1));

    private static PooledAberrationProcessor processor() {
        CountAberrationRule rule = CountAberrationRules.pooled(CountAberrationSettings.defaults(), LevelPolicy.defaults());
        return new PooledAberrationProcessor(rule, PooledNegativeBinomialRun.Options.defaults(Frequency.DAY),
                HolidayCalendar.china(), TIANJIN, Duration.ofDays(1), TIME, "counts", "progress");
    }

    /** Days and weeks pooled ({@code weekly-count-method: pooled-nb} too): the weekly half keeps its state alike. */
    private static PooledAberrationProcessor daysAndWeeks() {
        CountAberrationSettings settings = CountAberrationSettings.defaults();
        return new PooledAberrationProcessor(CountAberrationRules.pooled(settings, LevelPolicy.defaults()),
                PooledNegativeBinomialRun.Options.defaults(Frequency.DAY),
                CountAberrationRules.pooledWeekly(settings, LevelPolicy.defaults()),
                PooledNegativeBinomialRun.Options.defaults(Frequency.WEEK),
                HolidayCalendar.china(), TIANJIN, Duration.ofDays(1), TIME, "counts", "progress");
    }

    private static Signal result(String id, String district, LocalDate day, boolean failed, OffsetDateTime reportedAt) {
        OffsetDateTime sampled = day.atTime(10, 0).atZone(TIANJIN).toOffsetDateTime();
        return new Signal(SignalType.SAMPLING, id, 1, sampled, district, null, "粮食加工品", "小麦粉", "流通", "区市场监管局",
                failed, List.of(), null, "粮油店" + id, null, 1, List.of(), "小麦粉 " + (failed ? "不合格" : "合格"),
                reportedAt);
    }

    /** Records in arrival order, each followed by a watermark when the arrival clock passes an hour. */
    private static List<Record<String, Signal>> traffic() {
        Random random = new Random(23);
        List<Signal> signals = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2024, 3, 1); day.isBefore(LocalDate.of(2024, 7, 20)); day = day.plusDays(1)) {
            int samples = day.getDayOfWeek().getValue() >= 6 ? 2 : 6;
            for (String district : DISTRICTS) {
                if (district.equals("120116") && day.isBefore(LocalDate.of(2024, 5, 13))) {
                    continue; // a district that joins in May
                }
                boolean outbreak = random.nextDouble() < 0.01;
                int failures = outbreak ? 6 + random.nextInt(4) : 0;
                for (int i = 0; i < samples + failures; i++) {
                    boolean failed = i >= samples || random.nextDouble() < 0.05;
                    OffsetDateTime reported = day.atTime(10, 0).atZone(TIANJIN).toOffsetDateTime()
                            .plusMinutes(random.nextInt(6 * 24 * 60) + 24 * 60);
                    signals.add(result(district + "-" + day + "-" + i, district, day, failed, reported));
                }
            }
        }
        signals.sort(Comparator.comparing(Signal::reportedAt).thenComparing(Signal::id));
        return HourlyWatermarks.interleave(signals,
                signal -> PooledAberrationProcessor.poolOf(signal.districtCode()) + "|" + signal.foodCategory());
    }

    /** What an alert is made of, as text: the day, district, verdict and the detector's figures. */
    private static List<String> verdicts(MockProcessorContext<String, Detection> context) {
        return context.forwarded().stream().map(f -> {
            Detection d = f.record().value();
            return d.dedupKey() + " " + d.windowStart().withOffsetSameInstant(ZoneOffset.ofHours(8)).toLocalDate()
                    + " " + d.judgement().state() + " " + (d.detector() == null ? "-"
                    : d.detector().observed() + "/" + d.detector().expected() + "/" + d.detector().pValue());
        }).toList();
    }

    @Test
    void aProcessorTakingOverTheStoresMidwayJudgesAsOneRunningThrough() {
        List<String> expected = takingOverMidwayJudgesAsOneRunningThrough(PooledRestartTest::processor);
        assertTrue(expected.stream().noneMatch(v -> v.contains("|周 ")), "days only: " + expected);
    }

    @Test
    void weeksToo() {
        List<String> expected = takingOverMidwayJudgesAsOneRunningThrough(PooledRestartTest::daysAndWeeks);
        List<String> weekly = expected.stream().filter(v -> v.contains("|周 ")).toList();
        assertTrue(weekly.size() >= 2, "the traffic's outbreaks raise weekly alerts: " + expected);
        assertTrue(weekly.stream().allMatch(v -> LocalDate.parse(v.split(" ")[1]).getDayOfWeek().getValue() == 1),
                "weeks start on Mondays: " + weekly);
    }

    /** The verdicts of one processor running through, which every processor taking over midway must repeat. */
    private static List<String> takingOverMidwayJudgesAsOneRunningThrough(Supplier<PooledAberrationProcessor> processor) {
        List<Record<String, Signal>> traffic = traffic();
        DayCloseStores through = DayCloseStores.create();
        PooledAberrationProcessor one = processor.get();
        one.init(through.context());
        traffic.forEach(one::process);
        List<String> expected = verdicts(through.context());
        assertTrue(expected.size() >= 3, "the traffic's outbreaks raise alerts: " + expected);
        assertTrue(expected.stream().anyMatch(v -> v.contains(" 补判 ") || v.contains(" 更新 ") || v.contains(" 撤回 ")),
                "late reports judge days again: " + expected);

        for (double at = 0.3; at < 0.99; at += 0.05) {
            DayCloseStores restarted = DayCloseStores.create();
            int cut = (int) (traffic.size() * at);
            PooledAberrationProcessor before = processor.get();
            before.init(restarted.context());
            traffic.subList(0, cut).forEach(before::process);
            PooledAberrationProcessor after = processor.get(); // nothing of `before` survives but its stores
            after.init(restarted.context());
            traffic.subList(cut, traffic.size()).forEach(after::process);
            assertEquals(expected, verdicts(restarted.context()), "restarted at " + at + " of the traffic");
        }
        return expected;
    }

    /**
     * The weekly model a week was first judged with is the one it is judged again with after a restart: between the
     * week's close and its re-judgement, late failures of the week before change what a refit would see (another
     * district's level, the shared dispersion).
     */
    @Test
    void aWeekJudgedAgainAfterARestartKeepsItsModel() {
        LocalDate monday = LocalDate.of(2024, 7, 1);
        Random random = new Random(5);
        List<Signal> signals = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2024, 4, 1); day.isBefore(LocalDate.of(2024, 7, 20)); day = day.plusDays(1)) {
            for (String district : DISTRICTS) {
                for (int i = 0; i < 6; i++) {
                    signals.add(result(district + "-" + day + "-" + i, district, day, random.nextDouble() < 0.06,
                            day.atTime(10, 0).atZone(TIANJIN).toOffsetDateTime().plusDays(2)));
                }
            }
        }
        // The week from July 1: sixteen more failures in 西青区 (120111), known two days later — an alarm at its close.
        for (int i = 0; i < 16; i++) {
            LocalDate day = monday.plusDays(i % 4);
            signals.add(result("BURST-" + i, "120111", day, true, day.atTime(10, 0).atZone(TIANJIN).toOffsetDateTime()
                    .plusDays(2)));
        }
        // After that close (Tuesday July 9): nine failures of the week before in 东丽区 (120105),
        // then one more failure of the burst week — which has the burst week judged again.
        OffsetDateTime lateBefore = LocalDate.of(2024, 7, 10).atTime(9, 0).atZone(TIANJIN).toOffsetDateTime();
        for (int i = 0; i < 9; i++) {
            signals.add(result("LATE-BEFORE-" + i, "120105", monday.minusDays(3), true, lateBefore));
        }
        OffsetDateTime lateBurst = LocalDate.of(2024, 7, 11).atTime(9, 0).atZone(TIANJIN).toOffsetDateTime();
        signals.add(result("LATE-BURST", "120111", monday.plusDays(4), true, lateBurst));
        signals.sort(Comparator.comparing(Signal::reportedAt).thenComparing(Signal::id));
        List<Record<String, Signal>> traffic = HourlyWatermarks.interleave(signals,
                signal -> PooledAberrationProcessor.poolOf(signal.districtCode()) + "|" + signal.foodCategory());

        DayCloseStores through = DayCloseStores.create();
        PooledAberrationProcessor one = daysAndWeeks();
        one.init(through.context());
        traffic.forEach(one::process);
        List<String> expected = verdicts(through.context()).stream().filter(v -> v.contains("120111") && v.contains("|周 "))
                .toList();
        assertTrue(expected.size() >= 2 && expected.get(0).contains(" 初判 ")
                && expected.get(expected.size() - 1).contains(" 更新 "), "the burst week raised, then updated: " + expected);

        // Restarted between the late failures of the week before and the burst week's late one.
        int cut = traffic.indexOf(traffic.stream().filter(r -> r.value() != null && r.value().id().equals("LATE-BURST"))
                .findFirst().orElseThrow());
        DayCloseStores restarted = DayCloseStores.create();
        PooledAberrationProcessor before = daysAndWeeks();
        before.init(restarted.context());
        traffic.subList(0, cut).forEach(before::process);
        PooledAberrationProcessor after = daysAndWeeks();
        after.init(restarted.context());
        traffic.subList(cut, traffic.size()).forEach(after::process);
        assertEquals(expected, verdicts(restarted.context()).stream()
                .filter(v -> v.contains("120111") && v.contains("|周 ")).toList());
    }

    @Test
    void onlyRecentWeeksWithACountThatCouldAlarmKeepAModelAndTheyStartOnMondays() {
        DayCloseStores stores = DayCloseStores.create();
        PooledAberrationProcessor processor = processor();
        processor.init(stores.context());
        traffic().forEach(processor::process);
        List<String> models = new ArrayList<>();
        try (var stored = stores.progress().range(PooledAberrationProcessor.MODEL, PooledAberrationProcessor.MODEL + "\uffff")) {
            stored.forEachRemaining(e -> models.add(e.key));
        }
        // Only the weeks with a count that could alarm were fitted, and only the recent ones are kept.
        assertTrue(!models.isEmpty() && models.size() <= 5, models.toString());
        assertTrue(models.stream().allMatch(key -> LocalDate.parse(key.substring(key.lastIndexOf('|') + 1))
                .getDayOfWeek().getValue() == 1), "refit days are Mondays: " + models);
    }
}
