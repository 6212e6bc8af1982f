package org.foodrisk.topology;

import org.foodrisk.detect.LevelPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.foodrisk.plan.PlanCatalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsOverridesTest {

    @Test
    void detectorSettingsAndLevelThresholdsAreConfigurable() {
        TopologySettings base = TopologySettings.defaults();
        TopologySettings settings = SettingsOverrides.apply(base, Map.of(
                "cluster-gap", "PT48H",
                "count-method", "ears-c1",
                "failure-rate-min-samples", 30,
                "levels.cluster-red-cases", "30",
                "default-pass-rates.饮料", "98.5"));
        assertEquals(Duration.ofHours(48), settings.illnessCluster().clusterGap());
        assertEquals("ears-c1", settings.counts().countMethod());
        assertEquals(30, settings.failureRate().failureRateMinSamples());
        assertEquals(30, settings.levels().clusterRedCases());
        assertEquals(98.5, settings.failureRate().defaultPassRates().get("饮料"));
        assertEquals(99.0, settings.failureRate().defaultPassRates().get("乳制品"), "the other defaults stay");
        assertEquals(LevelPolicy.defaults().clusterOrangeCases(), settings.levels().clusterOrangeCases());
        org.junit.jupiter.api.Assertions.assertSame(base.deadlines(), settings.deadlines(), "deadlines are configured apart");
        assertEquals(TopologySettings.defaults().zone(), settings.zone());
    }

    /** Issue 19: the pooled model is one setting away, with its own options and its defaults when none are given. */
    @Test
    void thePooledModelIsChosenWithItsOwnOptions() {
        TopologySettings pooled = SettingsOverrides.apply(TopologySettings.defaults(), Map.of("count-method", "pooled-nb"));
        assertTrue(pooled.counts().pooled());
        assertEquals(0.001, pooled.counts().pooledOptions().alpha());
        assertEquals(14, pooled.counts().pooledOptions().minPeriods());
        TopologySettings tuned = SettingsOverrides.apply(TopologySettings.defaults(), Map.of("count-method", "pooled-nb",
                "count-method-options.alpha", "0.0005", "count-method-options.downweight", "2.58"));
        assertEquals(0.0005, tuned.counts().pooledOptions().alpha());
        assertEquals(2.58, tuned.counts().pooledOptions().terms().downweightAbove());
        assertEquals("ears-c2", tuned.counts().perSeriesDailyMethod().name(), "syndromes and the chart keep EARS C2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SettingsOverrides.apply(
                TopologySettings.defaults(), Map.of("count-method", "pooled-nb", "count-method-options.min-sigma", "1")));
        assertTrue(e.getMessage().contains("min-sigma"), e.getMessage());
    }

    @Test
    void theWeeklyPooledModelIsChosenWithItsOwnOptions() {
        TopologySettings weekly = SettingsOverrides.apply(TopologySettings.defaults(),
                Map.of("weekly-count-method", "pooled-nb"));
        assertTrue(weekly.counts().weeklyPooled() && !weekly.counts().pooled());
        assertEquals(104, weekly.counts().weeklyPooledOptions().window());
        assertEquals(4, weekly.counts().weeklyPooledOptions().minPeriods());
        assertEquals(null, CountAberrationRules.weekly(weekly.counts(), weekly.levels()),
                "the weekly Farrington no longer judges food categories");
        TopologySettings tuned = SettingsOverrides.apply(TopologySettings.defaults(), Map.of("weekly-count-method",
                "pooled-nb", "weekly-count-method-options.min-periods", "6", "weekly-count-method-options.alpha", "0.01"));
        assertEquals(6, tuned.counts().weeklyPooledOptions().minPeriods());
        assertEquals(0.01, tuned.counts().weeklyPooledOptions().alpha());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SettingsOverrides.apply(
                TopologySettings.defaults(), Map.of("weekly-count-method", "pooled-nb",
                        "weekly-count-method-options.threshold-method", "nbPlugin")));
        assertTrue(e.getMessage().contains("threshold-method"), e.getMessage());
    }

    @Test
    void aMisspeltSettingStopsTheStartNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                SettingsOverrides.apply(TopologySettings.defaults(), Map.of("levels.cluster-red-case", "30")));
        assertTrue(e.getMessage().contains("cluster-red-cases"), e.getMessage());
    }

    /**
     * Issue 19: R's C3 bound starts from the day's own count, so its alarm says only that the two days before
     * exceeded their C2 bounds — not what an analyst reads "C3 alarm" as (Hutwagner et al. 2003). The backtest
     * keeps it for comparison with R; the service refuses it, naming what to use.
     */
    @Test
    void earsC3IsRefusedInTheServiceSayingWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                SettingsOverrides.apply(TopologySettings.defaults(), Map.of("count-method", "ears-c3")));
        assertTrue(e.getMessage().contains("ears-c3") && e.getMessage().contains("ears-c2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () ->
                SettingsOverrides.apply(TopologySettings.defaults(), Map.of("weekly-count-method", "ears-c3")));
    }

    /** glrnb's chart needs its state from period to period, which the day close does not keep (yet). */
    @Test
    void glrnbIsRefusedInTheServiceSayingWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                SettingsOverrides.apply(TopologySettings.defaults(), Map.of("weekly-count-method", "glrnb")));
        assertTrue(e.getMessage().contains("backtest") && e.getMessage().contains("state"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () ->
                SettingsOverrides.apply(TopologySettings.defaults(), Map.of("cluster-min-cases", "two")));
    }

    @Test
    void countMethodOptionsAreConfigurableInProductionAndChecked() {
        TopologySettings settings = SettingsOverrides.apply(TopologySettings.defaults(), Map.of(
                "count-method-options.min-sigma", "1",
                "count-method-options.alpha", "0.005",
                "weekly-count-method-options.threshold-method", "nbPlugin"));
        assertEquals("1", settings.counts().countMethodOptions().get("min-sigma"));
        assertEquals("0.005", settings.counts().countMethodOptions().get("alpha"));
        assertEquals("nbPlugin", settings.counts().weeklyCountMethodOptions().get("threshold-method"));
        // The production path builds the methods from them (and refuses what a method does not take).
        FoodRiskTopology.build(settings, PlanCatalog.bundled());
        TopologySettings misspelt = SettingsOverrides.apply(TopologySettings.defaults(),
                Map.of("count-method-options.min-sigmas", "1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                FoodRiskTopology.build(misspelt, PlanCatalog.bundled()));
        assertTrue(e.getMessage().contains("--min-sigmas") && e.getMessage().contains("--min-sigma]")
                && e.getMessage().contains("--baseline"), e.getMessage());
    }

    @Test
    void theDefaultOptionsBelongToTheDefaultMethod() {
        assertEquals("ears-c2", TopologySettings.defaults().counts().countMethod());
        assertEquals("0.5", TopologySettings.defaults().counts().countMethodOptions().get("min-sigma"));
        TopologySettings cusum = SettingsOverrides.apply(TopologySettings.defaults(), Map.of("count-method", "cusum"));
        assertEquals(Map.of(), cusum.counts().countMethodOptions(), "cusum takes no min-sigma: R's defaults");
        FoodRiskTopology.build(cusum, PlanCatalog.bundled());
        TopologySettings rDefaults = SettingsOverrides.apply(TopologySettings.defaults(),
                Map.of("count-method-options.min-sigma", "0", "count-baseline", "consecutive-days"));
        assertEquals("0", rDefaults.counts().countMethodOptions().get("min-sigma"));
        assertEquals("consecutive-days", rDefaults.counts().countBaseline());
        assertThrows(IllegalArgumentException.class, () -> FoodRiskTopology.build(
                SettingsOverrides.apply(TopologySettings.defaults(), Map.of("count-baseline", "weekdays")),
                PlanCatalog.bundled()));
    }

    /**
     * Every key of the one 33-component record that preceded the records by concern (2026-12-06), with a
     * value that is not its default: each is still known, and lands where its name says.
     */
    private static final Map<String, String> EVERY_KEY = Map.ofEntries(
            Map.entry("future-tolerance", "PT2H"),
            Map.entry("failure-rate-window", "P14D"),
            Map.entry("failure-rate-min-samples", "30"),
            Map.entry("failure-rate-alpha", "0.05"),
            Map.entry("default-pass-rates.饮料", "98.5"),
            Map.entry("default-pass-rate", "96.0"),
            Map.entry("repeat-offender-window", "P60D"),
            Map.entry("repeat-offender-min-failures", "3"),
            Map.entry("cluster-gap", "PT48H"),
            Map.entry("cluster-min-cases", "3"),
            Map.entry("cluster-exposure-window", "PT36H"),
            Map.entry("complaint-window", "P10D"),
            Map.entry("complaint-min-count", "4"),
            Map.entry("opinion-alpha", "0.05"),
            Map.entry("opinion-min-posts", "5"),
            Map.entry("rumour-min-reach", "50000"),
            Map.entry("fusion-window", "P3D"),
            Map.entry("fusion-min-signals", "4"),
            Map.entry("fusion-alpha", "0.0005"),
            Map.entry("fusion-stream-alpha", "0.05"),
            Map.entry("fusion-baseline", "P56D"),
            Map.entry("overdue-check-every", "PT5S"),
            Map.entry("count-method", "ears-c1"),
            Map.entry("count-method-options.alpha", "0.005"),
            Map.entry("count-history-days", "35"),
            Map.entry("count-min-events", "4"),
            Map.entry("count-baseline", "consecutive-days"),
            Map.entry("day-close-grace", "PT12H"),
            Map.entry("weekly-count-method", "none"),
            Map.entry("weekly-count-method-options.threshold-method", "nbPlugin"),
            Map.entry("levels.failure-rate-yellow-p", "0.02"),
            Map.entry("levels.failure-rate-orange-p", "0.002"),
            Map.entry("levels.count-yellow-exceedance", "2.5"),
            Map.entry("levels.opinion-yellow-exceedance", "1.6"),
            Map.entry("levels.opinion-orange-exceedance", "3.5"),
            Map.entry("levels.cluster-orange-cases", "6"),
            Map.entry("levels.cluster-red-cases", "30"),
            Map.entry("levels.complaint-yellow-count", "4"),
            Map.entry("levels.complaint-orange-count", "6"),
            Map.entry("levels.rumour-orange-reach", "2000000"),
            Map.entry("levels.fusion-orange-p", "1e-7"),
            Map.entry("food-hazard.cusum-days", "21"),
            Map.entry("food-hazard.baseline-days", "300"),
            Map.entry("food-hazard.baseline-gap-days", "10"),
            Map.entry("food-hazard.odds-ratio", "5.0"),
            Map.entry("food-hazard.threshold", "3.5"),
            Map.entry("food-hazard.prior-weight", "40.0"),
            Map.entry("food-hazard.episode-gap-days", "20"),
            Map.entry("time.tick-every", "PT30M"),
            Map.entry("time.idle-after", "PT30M"),
            Map.entry("time.upstream-tasks", "4"),
            Map.entry("time.rejudge-horizon", "P7D"),
            Map.entry("time.close-slice", "PT2S"),
            Map.entry("count-alert-budget", "0.25"));

    @Test
    void everyKeyOfTheFormerOneRecordStillWorks() {
        TopologySettings settings = SettingsOverrides.apply(TopologySettings.defaults(), Map.copyOf(EVERY_KEY));
        assertEquals(Duration.ofHours(2), settings.futureTolerance());
        assertEquals(new FailureRateSettings(Duration.ofDays(14), 30, 0.05,
                Map.of("食用农产品", 97.0, "乳制品", 99.0, "婴幼儿配方食品", 99.0, "饮料", 98.5), 96.0), settings.failureRate());
        assertEquals(new RepeatOffenderSettings(Duration.ofDays(60), 3), settings.repeatOffender());
        assertEquals(new IllnessClusterSettings(Duration.ofHours(48), 3, Duration.ofHours(36)), settings.illnessCluster());
        assertEquals(new ComplaintRepeatSettings(Duration.ofDays(10), 4), settings.part(ComplaintRepeatSettings.class));
        assertEquals(new OpinionSettings(0.05, 5, 50_000), settings.opinion());
        assertEquals(new FusionSettings(Duration.ofDays(3), 4, 0.0005, 0.05, Duration.ofDays(56)), settings.fusion());
        assertEquals(Duration.ofSeconds(5), settings.overdueCheckEvery());
        assertEquals(new CountAberrationSettings("ears-c1", Map.of("min-sigma", "0.5", "alpha", "0.005"), 35, 4, "consecutive-days", "none",
                Map.of("threshold-method", "nbPlugin"), 0.25), settings.counts());
        assertEquals(Duration.ofHours(12), settings.dayCloseGrace());
        assertEquals(new LevelPolicy(0.02, 0.002, 2.5, 1.6, 3.5, 6, 30, 4, 6, 2_000_000, 1e-7), settings.levels());
        assertEquals(new FoodHazardSettings(21, 300, 10, 5.0, 3.5, 40.0, 20), settings.foodHazard());
        assertEquals(new TimeModel(Duration.ofMinutes(30), Duration.ofMinutes(30), 4, Duration.ofDays(7),
                Duration.ofSeconds(2)), settings.time());
        assertEquals(TopologySettings.defaults().zone(), settings.zone());
        // The keys configure nothing else: each one changed one value, none is left at its default.
        TopologySettings base = TopologySettings.defaults();
        EVERY_KEY.forEach((key, value) -> assertTrue(!SettingsOverrides.apply(base, Map.of(key, value)).equals(base), key));
        assertEquals(base, SettingsOverrides.apply(base, Map.of("cluster-gap", "PT72H")), "a default written out");
    }

    @Test
    void theKeysOfTheConcernsUnderFoodriskDetectAreDistinct() {
        // Unwrapped concerns share one level: a component named like another concern's would be ambiguous.
        Set<String> names = new HashSet<>();
        for (RecordComponent component : TopologySettings.class.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                for (RecordComponent inner : component.getType().getRecordComponents()) {
                    assertTrue(names.add(inner.getName()), inner.getName());
                }
            } else {
                assertTrue(names.add(component.getName()), component.getName());
            }
        }
    }

    @Test
    void aConcernIsReplacedByItsType() {
        FusionSettings fusion = new FusionSettings(Duration.ofDays(2), 2, 0.01, 0.1, Duration.ofDays(28));
        TopologySettings settings = TopologySettings.defaults().with(fusion);
        org.junit.jupiter.api.Assertions.assertSame(fusion, settings.fusion());
        assertEquals(TopologySettings.defaults().failureRate(), settings.failureRate());
        assertEquals(ZoneId.of("UTC"), settings.with(ZoneId.of("UTC")).zone());
        assertThrows(IllegalArgumentException.class, () -> settings.with(Duration.ofDays(1)), "three durations");
        assertThrows(IllegalArgumentException.class, () -> settings.with("a string"));
    }
}
