package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.Record;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PooledNegativeBinomialRun;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;
import org.foodrisk.reference.HolidayCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, "detection in the first week": a district whose complaints about a food category start today has no level
 * of its own, and the pooled model judges it at the city's — the average district's level, scaled to its residents —
 * from its first day, where it used to wait two weeks. The same burst is unusual for a small district and ordinary for
 * a large one. Complaints arrive hours after the event, in arrival order, at each district's rate per resident.
 */
class PooledNewDistrictTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final List<String> ESTABLISHED = List.of("120105", "120111", "120113", "120114", "120110");
    /** 和平区 (about 0.36 million residents) and 滨海新区 (about 2 million): complaints from May 20 on. */
    private static final String SMALL = "120101";
    private static final String LARGE = "120116";
    private static final LocalDate JOINED = LocalDate.of(2024, 5, 20);
    private static final LocalDate BURST = JOINED.plusDays(2);
    private static final TimeModel TIME = new TimeModel(Duration.ofHours(1), Duration.ofMinutes(1), 1,
            Duration.ofDays(14), Duration.ofHours(1));

    private static PooledAberrationProcessor processor(Map<String, String> options) {
        CountAberrationRule rule = CountAberrationRules.pooled(CountAberrationSettings.defaults(), LevelPolicy.defaults());
        return new PooledAberrationProcessor(rule, PooledNegativeBinomialRun.Options.of(options, Frequency.DAY),
                HolidayCalendar.china(), TIANJIN, Duration.ofDays(1), TIME, "counts", "progress");
    }

    private static Signal complaint(String id, String district, LocalDate day, Random random) {
        OffsetDateTime at = day.atTime(9 + random.nextInt(10), 0).atZone(TIANJIN).toOffsetDateTime();
        return new Signal(SignalType.COMPLAINT, id, 1, at, district, null, "餐饮食品", "外卖", "餐饮", null, false,
                List.of(), null, null, null, 1, List.of(), "外卖 投诉", at.plusHours(2 + random.nextInt(20)));
    }

    /** One complaint per million residents a day on average, Poisson; {@code burst} more in each new district on {@link #BURST}. */
    private static List<Record<String, Signal>> traffic(int burst) {
        Random random = new Random(41);
        List<Signal> signals = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2024, 2, 1); day.isBefore(LocalDate.of(2024, 6, 1)); day = day.plusDays(1)) {
            List<String> districts = new ArrayList<>(ESTABLISHED);
            if (!day.isBefore(JOINED)) {
                districts.addAll(List.of(SMALL, LARGE));
            }
            for (String district : districts) {
                int count = PoissonCounts.draw(random, population(district) / 1e6);
                if (day.equals(BURST) && (district.equals(SMALL) || district.equals(LARGE))) {
                    count += burst;
                }
                for (int i = 0; i < count; i++) {
                    signals.add(complaint(district + "-" + day + "-" + i, district, day, random));
                }
            }
        }
        signals.sort(Comparator.comparing(Signal::reportedAt).thenComparing(Signal::id));
        return HourlyWatermarks.interleave(signals,
                signal -> PooledAberrationProcessor.poolOf(signal.districtCode()) + "|" + signal.foodCategory());
    }

    private static long population(String district) {
        return Districts.byCode(district).map(District::population).orElseThrow();
    }

    /** The first verdicts that alarmed about the burst day, by district: the observed count and the expected one. */
    private static Map<String, double[]> burstAlarms(Map<String, String> options, int burst) {
        DayCloseStores stores = DayCloseStores.create();
        PooledAberrationProcessor processor = processor(options);
        processor.init(stores.context());
        traffic(burst).forEach(processor::process);
        Map<String, double[]> alarms = new TreeMap<>();
        stores.context().forwarded().stream().map(f -> f.record().value())
                .filter(d -> d.windowStart().atZoneSameInstant(TIANJIN).toLocalDate().equals(BURST))
                .filter(d -> d.detector() != null)
                .forEach(d -> alarms.put(d.districtCode(), new double[]{d.detector().observed(), d.detector().expected()}));
        return alarms;
    }

    private static String describe(Map<String, double[]> alarms) {
        StringBuilder text = new StringBuilder();
        alarms.forEach((district, figures) -> text.append(district).append(" observed ").append(figures[0])
                .append(" expected ").append(figures[1]).append("; "));
        return text.toString();
    }

    @Test
    void onItsThirdDayASmallDistrictsBurstAlarmsAndALargeOnesDoesNot() {
        assertTrue(population(LARGE) > 5 * population(SMALL), "the two differ in size");
        Map<String, double[]> alarms = burstAlarms(Map.of(), 5);
        assertEquals(List.of(SMALL), List.copyOf(alarms.keySet()), "alarms about the burst day: " + describe(alarms));
        double[] small = alarms.get(SMALL);
        assertTrue(small[0] >= 5, "observed " + small[0]);
        // The city's rate per resident, for 和平区's residents: about a third of a complaint a day.
        assertTrue(small[1] > 0.15 && small[1] < 0.8, "expected " + small[1]);
    }

    @Test
    void withNewUnitsWaitNeitherIsJudgedInItsFirstTwoWeeks() {
        assertEquals(Map.of(), burstAlarms(Map.of("new-units", "wait"), 16));
    }

    @Test
    void aBurstLargeForBothAlarmsInBoth() {
        assertEquals(List.of(SMALL, LARGE), List.copyOf(burstAlarms(Map.of(), 16).keySet()));
    }
}
