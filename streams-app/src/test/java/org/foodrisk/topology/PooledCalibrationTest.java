package org.foodrisk.topology;

import org.foodrisk.detect.CountAberrationRule;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, "alarms that mean what they say": on a year of outbreak-free complaints — sixteen districts of different
 * sizes, fewer on weekends and holidays, reported up to two days late, in arrival order — the pooled stage's first
 * verdicts alarm on at most {@code alpha} of the district-days. A calibrated tail probability is what lets a false-alarm
 * budget be set as an alpha; the discreteness of counts keeps the rate below it.
 */
class PooledCalibrationTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final double ALPHA = 0.01;
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2024, 12, 31);

    @Test
    void outbreakFreeTrafficAlarmsOnAtMostAlphaOfTheDistrictDays() {
        HolidayCalendar calendar = HolidayCalendar.china();
        Random random = new Random(2024);
        List<Signal> complaints = new ArrayList<>();
        int districts = 16;
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            double dayFactor = switch (calendar.dayType(day)) {
                case WORKDAY -> 1.0;
                case REST_DAY -> 0.6;
                case HOLIDAY -> 0.4;
            };
            for (int d = 0; d < districts; d++) {
                double mean = (1.0 + d * 0.25) * dayFactor; // 1 to 4.75 complaints a workday
                long count = PoissonCounts.draw(random, mean);
                for (int i = 0; i < count; i++) {
                    OffsetDateTime at = day.atTime(9 + random.nextInt(10), 0).atZone(TIANJIN).toOffsetDateTime();
                    complaints.add(complaint("C-" + d + "-" + day + "-" + i, "1201" + String.format("%02d", d + 1), at,
                            at.plusMinutes(random.nextInt(48 * 60))));
                }
            }
        }
        complaints.sort(Comparator.comparing(Signal::reportedAt).thenComparing(Signal::id));

        DayCloseStores stores = DayCloseStores.create();
        CountAberrationRule rule = CountAberrationRules.pooled(CountAberrationSettings.defaults(), LevelPolicy.defaults());
        PooledAberrationProcessor processor = new PooledAberrationProcessor(rule,
                PooledNegativeBinomialRun.Options.of(Map.of("alpha", Double.toString(ALPHA)), Frequency.DAY), calendar,
                TIANJIN, Duration.ofDays(1), new TimeModel(Duration.ofHours(1), Duration.ofMinutes(1), 1,
                Duration.ofDays(14), Duration.ofHours(1)), "counts", "progress");
        processor.init(stores.context());
        HourlyWatermarks.interleave(complaints, complaint -> "1201|餐饮食品").forEach(processor::process);

        // Each district-day that alarmed at any verdict counts once (later 更新 versions are the same alarm; one
        // withdrawn after late reports still alarmed someone).
        long alarmedDays = stores.context().forwarded().stream().map(f -> f.record().value())
                .filter(d -> d.judgement() != null && !d.judgement().withdrawn())
                .map(d -> d.dedupKey() + "|" + d.windowStart()).distinct().count();
        // District-days judged: from each district's 15th day (min-periods 14) to the last closed day.
        long judged = (long) districts * (ChronoUnit.DAYS.between(FIRST.plusDays(14), LAST));
        double rate = (double) alarmedDays / judged;
        System.out.printf("pooled-nb on outbreak-free complaints: %d alarmed district-days of %d (%.4f; alpha %.3f)%n",
                alarmedDays, judged, rate, ALPHA);
        assertTrue(rate <= ALPHA, "the budget holds: " + rate);
        assertTrue(alarmedDays > 0, "and the model is not simply silent");
    }

    private static Signal complaint(String id, String district, OffsetDateTime at, OffsetDateTime reportedAt) {
        return new Signal(SignalType.COMPLAINT, id, 1, at, district, null, "餐饮食品", null, null, null, false,
                List.of(), null, null, null, 1, List.of(), "投诉 " + id, reportedAt);
    }
}
