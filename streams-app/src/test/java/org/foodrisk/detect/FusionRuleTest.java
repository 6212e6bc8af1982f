package org.foodrisk.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fusion by evidence: each stream's Poisson tail against its own baseline for the food, combined by Fisher's method.
 * Reference numbers from R 4.2.2 (/tmp/fusion.R of the session that wrote this, reproduced in each test's comment):
 * {@code ppois(n - 1, E, lower.tail = FALSE)} for a stream and {@code pchisq(-2 * sum(log(p)), 2 * k,
 * lower.tail = FALSE)} for the combination.
 */
class FusionRuleTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration BASELINE = Duration.ofDays(84);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final FusionRule RULE = new FusionRule(WEEK, 3, 0.001, 0.1, BASELINE, LevelPolicy.defaults(),
            SHANGHAI);
    /** Expected signals in a week for a food never seen in 84 days: half a prior event over the baseline. */
    private static final double RARE_WEEK = 0.5 / 84 * 7;

    private final List<RecentSignals.Notable> arrivals = new ArrayList<>();

    private void arrive(String type, String id, String at, String food) {
        arrive(type, id, at, food, null);
    }

    private void arrive(String type, String id, String at, String food, Boolean severe) {
        arrivals.add(new RecentSignals.Notable(type, id, OffsetDateTime.parse(at), food, type + " " + food, severe));
    }

    /** The fold the processor does, then the rule on the last arrival. */
    private Optional<Detection> judgeLast() {
        RecentSignals recent = RecentSignals.empty();
        for (RecentSignals.Notable n : arrivals) {
            recent = recent.with(n, WEEK.multipliedBy(2), BASELINE, SHANGHAI);
        }
        return RULE.evaluate("120114", "武清区", "食用农产品", recent, arrivals.get(arrivals.size() - 1));
    }

    /** A key with a long history: a signal about another food long before, so the baseline is the full 84 days. */
    private void longKnownKey() {
        arrive("complaint", "OLD-1", "2024-01-02T09:00:00+08:00", "白菜");
    }

    private static String day(LocalDate date, int hour) {
        return date + String.format("T%02d:00:00+08:00", hour);
    }

    @Test
    void aCommonFoodAtItsUsualRateDoesNotFuseWhatEverStreamsMeet() {
        // What was seen (issue 19): 猪肉 has complaints twice a week and a post weekly. A week with one failed sample,
        // two complaints and a post made a fusion alert (the lab "carries weight", three streams, three signals).
        longKnownKey();
        LocalDate monday = LocalDate.parse("2024-02-12");
        for (int week = 0; week < 12; week++) {
            LocalDate m = monday.plusWeeks(week);
            arrive("complaint", "QM-" + week, day(m, 10), "猪肉");
            arrive("opinion", "OT-" + week, day(m.plusDays(1), 10), "猪肉");
            arrive("complaint", "QW-" + week, day(m.plusDays(2), 10), "猪肉");
        }
        arrive("complaint", "Q-1", "2024-05-07T10:00:00+08:00", "猪肉");
        arrive("opinion", "O-1", "2024-05-08T10:00:00+08:00", "猪肉");
        arrive("complaint", "Q-2", "2024-05-09T10:00:00+08:00", "猪肉");
        // The lab's result of a sample taken on Monday arrives last.
        arrive("sampling", "S-1", "2024-05-06T10:00:00+08:00", "猪肉", false);
        // Complaints: 24 in 84 days, E = 24.5/84*7; P(N>=2) = 0.6052 (R). Posts: 12, P(N>=1) = 0.6471. Only the
        // sample is unusual (0.0408): one stream does not fuse.
        assertEquals(Optional.empty(), judgeLast());
    }

    @Test
    void aRareFoodInThreeStreamsFusesWithFishersProbability() {
        longKnownKey();
        arrive("complaint", "Q-1", "2024-05-06T10:00:00+08:00", "韭菜");
        arrive("complaint", "Q-2", "2024-05-06T15:00:00+08:00", "韭菜");
        arrive("opinion", "O-1", "2024-05-07T09:00:00+08:00", "韭菜");
        arrive("complaint", "Q-3", "2024-05-07T11:00:00+08:00", "韭菜");
        arrive("sampling", "S-1", "2024-05-05T10:00:00+08:00", "韭菜", false);
        Detection fused = judgeLast().orElseThrow();
        DetectorNumbers numbers = fused.detector();
        assertEquals("multi-stream-fusion", numbers.name());
        // R: p = 0.040810542890861806 (1 of E = 0.5/84*7), 1.1685774240482653e-05 (3 of E), 0.0408…; the fourth
        // stream (illness) has no signal, p = 1. X = 35.509535972700171, pchisq(X, 8, lower.tail = FALSE) =
        // 2.1587631525376906e-05.
        assertEquals(35.509535972700171, numbers.statistic(), 1e-9);
        assertEquals(2.1587631525376906e-05, numbers.pValue(), 1e-14);
        assertEquals(5.0, numbers.observed());
        assertEquals(3 * RARE_WEEK, numbers.expected(), 1e-12);
        assertEquals(0.001, numbers.threshold());
        assertEquals(AlertLevel.YELLOW, fused.level(), "2.2e-5 is above the ORANGE probability 1e-6");
        assertEquals(5, fused.evidence().size());
        assertEquals("sampling", fused.evidence().get(0).signal(), "evidence in event order: the sample came first");
        assertEquals("武清区韭菜多源信号融合预警（抽检不合格、投诉举报、舆情，共5条，合并p=2.2e-05）", fused.headline());
        assertTrue(numbers.method().contains("投诉举报 3条/期望0.042"), numbers.method());
    }

    @Test
    void aKeyKnownForThreeWeeksHasAHigherBaselineSoOnlyABurstFuses() {
        // The service has known this district × category for 21 days before the window: the prior half event over
        // them gives E = 0.5/21*7 = 0.167 a week for every stream — a new deployment's common foods are not rare.
        arrive("complaint", "OLD-1", "2024-04-09T09:00:00+08:00", "白菜");
        arrive("sampling", "S-1", "2024-05-06T10:00:00+08:00", "韭菜", false);
        arrive("complaint", "Q-1", "2024-05-06T12:00:00+08:00", "韭菜");
        arrive("opinion", "O-1", "2024-05-06T15:00:00+08:00", "韭菜");
        // R: three tails of 0.1535; X = 11.243613977725765, P = 0.1882740775067942.
        assertEquals(Optional.empty(), judgeLast());
        arrive("complaint", "Q-2", "2024-05-07T10:00:00+08:00", "韭菜");
        arrive("complaint", "Q-3", "2024-05-07T11:00:00+08:00", "韭菜");
        // R: complaints P(N>=3 | 0.167) = 6.8e-4; the sample and the post (0.1535) are not unusual on their own:
        // one stream, no fusion (the complaint detectors judge a complaint burst).
        assertEquals(Optional.empty(), judgeLast());
        arrive("opinion", "O-2", "2024-05-07T12:00:00+08:00", "韭菜");
        arrive("opinion", "O-3", "2024-05-07T13:00:00+08:00", "韭菜");
        arrive("complaint", "Q-4", "2024-05-07T14:00:00+08:00", "韭菜");
        arrive("complaint", "Q-5", "2024-05-07T15:00:00+08:00", "韭菜");
        Detection fused = judgeLast().orElseThrow();
        // R: complaints P(N>=5 | 0.167) = 9.3296342547097519e-07, posts P(N>=3) = 6.8129700413616242e-04, the sample
        // 0.1535 (in X, not among the streams that must be unusual); X = 46.100695436574718,
        // pchisq(X, 8, lower.tail = FALSE) = 2.2744834920293984e-07.
        assertEquals(46.100695436574718, fused.detector().statistic(), 1e-9);
        assertEquals(2.2744834920293984e-07, fused.detector().pValue(), 1e-15);
        assertEquals(AlertLevel.ORANGE, fused.level(), "at most 1e-6");
        assertEquals(9, fused.evidence().size(), "every signal about the food in the window, the sample included");
        assertEquals(8.0, fused.detector().observed(), "the contributing streams' signals");
        assertEquals(2 * 0.5 / 21 * 7, fused.detector().expected(), 1e-12, "for each of the two streams");
    }

    @Test
    void aFoodScareOfHundredsOfSignalsKeepsItsFiguresFinite() throws Exception {
        longKnownKey();
        for (int i = 0; i < 250; i++) {
            arrive("complaint", "Q-" + i, OffsetDateTime.parse("2024-05-06T08:00:00+08:00").plusMinutes(i).toString(), "韭菜");
            arrive("opinion", "O-" + i, OffsetDateTime.parse("2024-05-06T08:00:00+08:00").plusMinutes(i).toString(), "韭菜");
        }
        Detection fused = judgeLast().orElseThrow();
        assertTrue(Double.isFinite(fused.detector().statistic()), "statistic " + fused.detector().statistic());
        assertEquals(0.0, fused.detector().pValue());
        String json = Json.MAPPER.writeValueAsString(fused.detector());
        assertTrue(Json.MAPPER.readTree(json).path("statistic").isNumber(), json);
    }

    @Test
    void threeSingleSignalsAboutAFoodRareInALongBaselineAreStillChance() {
        longKnownKey();
        arrive("sampling", "S-1", "2024-05-06T10:00:00+08:00", "韭菜", false);
        arrive("complaint", "Q-1", "2024-05-06T12:00:00+08:00", "韭菜");
        arrive("opinion", "O-1", "2024-05-06T15:00:00+08:00", "韭菜");
        // R: three tails of 0.0408 (E = 0.5/84*7); X = 19.192888960589059, P = 0.013861425790460949 > 0.001.
        assertEquals(Optional.empty(), judgeLast());
    }

    @Test
    void ordinaryHazardsNeverMakeRedButABannedSubstanceOrPeopleIllRaiseALevel() {
        // What was seen (issue 19): three streams with weight made RED whatever the hazard.
        longKnownKey();
        arrive("sampling", "S-1", "2024-05-05T10:00:00+08:00", "韭菜", false);
        for (int i = 1; i <= 3; i++) {
            arrive("complaint", "Q-" + i, "2024-05-06T1" + i + ":00:00+08:00", "韭菜");
            arrive("opinion", "O-" + i, "2024-05-07T1" + i + ":00:00+08:00", "韭菜");
        }
        Detection ordinary = judgeLast().orElseThrow();
        // R: X = 51.826182984811275, pchisq(X, 8, lower.tail = FALSE) = 1.818303216878874e-08.
        assertEquals(1.818303216878874e-08, ordinary.detector().pValue(), 1e-16);
        assertEquals(AlertLevel.ORANGE, ordinary.level(), "strong evidence of an ordinary hazard: ORANGE, not RED");

        arrivals.set(1, new RecentSignals.Notable("sampling", "S-1", OffsetDateTime.parse("2024-05-05T10:00:00+08:00"),
                "韭菜", "克百威检出", true));
        assertEquals(AlertLevel.RED, judgeLast().orElseThrow().level(), "a banned pesticide in the evidence");

        arrivals.clear();
        longKnownKey();
        arrive("illness", "C-1", "2024-05-05T10:00:00+08:00", "韭菜");
        arrive("complaint", "Q-1", "2024-05-06T10:00:00+08:00", "韭菜");
        arrive("complaint", "Q-2", "2024-05-06T11:00:00+08:00", "韭菜");
        arrive("complaint", "Q-3", "2024-05-06T12:00:00+08:00", "韭菜");
        Detection ill = judgeLast().orElseThrow();
        // R: X = 29.111906319170483, P = 3.0307306325406047e-04.
        assertEquals(3.0307306325406047e-04, ill.detector().pValue(), 1e-13);
        assertEquals(AlertLevel.ORANGE, ill.level(), "YELLOW by probability, one up as people are ill: " + ill.detector());
    }

    @Test
    void aStreamAtItsUsualRateDoesNotCountAsOneOfTheTwo() {
        // 韭菜 complaints are common here (two a week), posts about it are not: a burst of posts with the usual
        // complaints is the opinion detector's to judge, not a fusion of two streams.
        longKnownKey();
        LocalDate monday = LocalDate.parse("2024-02-12");
        for (int week = 0; week < 12; week++) {
            arrive("complaint", "QM-" + week, day(monday.plusWeeks(week), 10), "韭菜");
            arrive("complaint", "QW-" + week, day(monday.plusWeeks(week).plusDays(2), 10), "韭菜");
        }
        arrive("complaint", "Q-1", "2024-05-06T10:00:00+08:00", "韭菜");
        arrive("complaint", "Q-2", "2024-05-08T10:00:00+08:00", "韭菜");
        for (int i = 1; i <= 5; i++) {
            arrive("opinion", "O-" + i, "2024-05-08T1" + i + ":00:00+08:00", "韭菜");
        }
        assertEquals(Optional.empty(), judgeLast());
    }

    @Test
    void signalsOlderThanTheWindowKeepCountingInTheBaselineAndACorrectionTakesOneOff() {
        RecentSignals recent = RecentSignals.empty();
        RecentSignals.Notable old = new RecentSignals.Notable("complaint", "Q-OLD",
                OffsetDateTime.parse("2024-03-01T10:00:00+08:00"), "韭菜", "旧投诉");
        recent = recent.with(old, WEEK.multipliedBy(2), BASELINE, SHANGHAI);
        recent = recent.with(new RecentSignals.Notable("complaint", "Q-NEW", OffsetDateTime.parse("2024-05-01T10:00:00+08:00"),
                "韭菜", "新投诉"), WEEK.multipliedBy(2), BASELINE, SHANGHAI);
        long march1 = LocalDate.parse("2024-03-01").toEpochDay();
        assertEquals(1, recent.signals().size(), "the old one left the window's evidence");
        assertEquals(1, recent.countBetween("complaint", "韭菜", march1, march1 + 1, SHANGHAI), "and is counted on its day");
        assertEquals(march1, recent.since());
        RecentSignals utc = recent.with(new RecentSignals.Notable("complaint", "Q-UTC",
                OffsetDateTime.parse("2024-02-29T17:00:00Z"), "韭菜", "UTC写法"), WEEK.multipliedBy(2), BASELINE, SHANGHAI);
        assertEquals(2, utc.countBetween("complaint", "韭菜", march1, march1 + 1, SHANGHAI),
                "17:00 UTC on 29 February is 1 March in the service's zone");
        RecentSignals corrected = recent.without("Q-OLD", "complaint", "韭菜", old.at(), SHANGHAI);
        assertEquals(0, corrected.countBetween("complaint", "韭菜", march1, march1 + 1, SHANGHAI));
        assertEquals(1, corrected.signals().size());
        String longName = "有机韭菜".repeat(10);
        RecentSignals withLong = recent.with(new RecentSignals.Notable("complaint", "Q-LONG",
                OffsetDateTime.parse("2024-03-02T10:00:00+08:00"), longName, "长名"), WEEK.multipliedBy(2), BASELINE, SHANGHAI);
        long march2 = march1 + 1;
        assertEquals(1, withLong.earlier().values().stream().filter(days -> days.containsKey(march2)).count());
        assertEquals(0, withLong.without("Q-LONG", "complaint", longName, OffsetDateTime.parse("2024-03-02T10:00:00+08:00"),
                SHANGHAI).earlier().values().stream().filter(days -> days.containsKey(march2)).count(),
                "a correction finds the count of a food whose name was clipped");
        RecentSignals pruned = recent.with(new RecentSignals.Notable("complaint", "Q-LATER",
                OffsetDateTime.parse("2024-07-01T10:00:00+08:00"), "韭菜", "更晚"), WEEK.multipliedBy(2), BASELINE, SHANGHAI);
        assertEquals(0, pruned.countBetween("complaint", "韭菜", march1, march1 + 1, SHANGHAI),
                "more than window + baseline before the newest: dropped");
    }

    @Test
    void aValueWrittenBeforeTheBaselineReadsAsANewKey() throws Exception {
        ObjectMapper json = Json.MAPPER;
        RecentSignals read = json.readValue("""
                {"signals":[{"type":"complaint","id":"Q-1","at":"2024-05-06T10:00:00+08:00","food":"韭菜","summary":"x"}]}
                """, RecentSignals.class);
        assertEquals(1, read.signals().size());
        assertEquals(null, read.since());
        assertTrue(read.earlier().isEmpty(), "no day counts");
        RecentSignals written = read.with(new RecentSignals.Notable("opinion", "O-1",
                OffsetDateTime.parse("2024-05-06T12:00:00+08:00"), "韭菜", "y", null), WEEK.multipliedBy(2), BASELINE, SHANGHAI);
        assertEquals(written, json.readValue(json.writeValueAsString(written), RecentSignals.class), "round trip");
    }
}
