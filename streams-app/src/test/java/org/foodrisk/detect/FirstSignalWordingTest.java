package org.foodrisk.detect;

import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.ingest.SignalType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signal after a silent baseline is a first signal, and the headline says so: "超过阈值0.0" told an
 * analyst nothing (issue 16). The detector's numbers keep the threshold of 0 as computed.
 */
class FirstSignalWordingTest {

    @Test
    void anOpinionSpikeAfterSevenSilentWindowsIsAFirstSignal() {
        OffsetDateTime end = OffsetDateTime.parse("2026-11-25T12:00:00+08:00");
        Detection detection = new OpinionSpikeRule(0.025, 3).evaluate(new OpinionSpikeRule.Window("120114", "武清区", "蔬菜",
                "韭菜", end.minusHours(24), end, 5, 9.5, new double[7], List.of())).orElseThrow();
        assertFalse(detection.headline().contains("阈值0.0"), detection.headline());
        assertTrue(detection.headline().contains("此前7个24小时窗口无相关舆情"), detection.headline());
        assertTrue(detection.detector().threshold() == 0.0);
    }

    @Test
    void aCountAfterASilentBaselineIsAFirstSignal() {
        CountAberrationRule rule = new CountAberrationRule(AberrationMethods.create("ears-c1", Map.of(), Frequency.DAY), 28, 1);
        LocalDate last = LocalDate.of(2026, 11, 25);
        List<LocalDate> days = IntStream.rangeClosed(0, 28).mapToObj(i -> last.minusDays(28 - i)).toList();
        long[] counts = new long[days.size()];
        counts[counts.length - 1] = 3;
        Detection detection = rule.evaluate(SignalType.COMPLAINT, "120114|乳制品",
                new CountSeries("complaint|120114|乳制品", Frequency.DAY, days, counts), List.of(), ZoneId.of("Asia/Shanghai"))
                .orElseThrow();
        assertFalse(detection.headline().contains("阈值0.0"), detection.headline());
        assertTrue(detection.headline().contains("基线期内为0"), detection.headline());
    }
}
