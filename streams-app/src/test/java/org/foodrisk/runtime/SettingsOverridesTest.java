package org.foodrisk.runtime;

import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.topology.TopologySettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsOverridesTest {

    @Test
    void detectorSettingsAndLevelThresholdsAreConfigurable() {
        TopologySettings base = TopologySettings.defaults();
        TopologySettings settings = SettingsOverrides.apply(base, Map.of(
                "cluster-gap", "PT48H",
                "count-method", "ears-c3",
                "failure-rate-min-samples", 30,
                "levels.cluster-red-cases", "30",
                "default-pass-rates.饮料", "98.5"));
        assertEquals(Duration.ofHours(48), settings.clusterGap());
        assertEquals("ears-c3", settings.countMethod());
        assertEquals(30, settings.failureRateMinSamples());
        assertEquals(30, settings.levels().clusterRedCases());
        assertEquals(98.5, settings.defaultPassRates().get("饮料"));
        assertEquals(99.0, settings.defaultPassRates().get("乳制品"), "the other defaults stay");
        assertEquals(LevelPolicy.defaults().clusterOrangeCases(), settings.levels().clusterOrangeCases());
        org.junit.jupiter.api.Assertions.assertSame(base.deadlines(), settings.deadlines(), "deadlines are configured apart");
        assertEquals(TopologySettings.defaults().zone(), settings.zone());
    }

    @Test
    void aMisspeltSettingStopsTheStartNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                SettingsOverrides.apply(TopologySettings.defaults(), Map.of("levels.cluster-red-case", "30")));
        assertTrue(e.getMessage().contains("cluster-red-cases"), e.getMessage());
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
        assertEquals("1", settings.countMethodOptions().get("min-sigma"));
        assertEquals("0.005", settings.countMethodOptions().get("alpha"));
        assertEquals("nbPlugin", settings.weeklyCountMethodOptions().get("threshold-method"));
        // The production path builds the methods from them (and refuses what a method does not take).
        org.foodrisk.topology.FoodRiskTopology.build(settings, org.foodrisk.plan.PlanCatalog.bundled());
        TopologySettings misspelt = SettingsOverrides.apply(TopologySettings.defaults(),
                Map.of("count-method-options.min-sigmas", "1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                org.foodrisk.topology.FoodRiskTopology.build(misspelt, org.foodrisk.plan.PlanCatalog.bundled()));
        assertTrue(e.getMessage().contains("--min-sigmas") && e.getMessage().contains("--min-sigma]")
                && e.getMessage().contains("--baseline"), e.getMessage());
    }

    @Test
    void theDefaultOptionsBelongToTheDefaultMethod() {
        assertEquals("ears-c2", TopologySettings.defaults().countMethod());
        assertEquals("0.5", TopologySettings.defaults().countMethodOptions().get("min-sigma"));
        TopologySettings cusum = SettingsOverrides.apply(TopologySettings.defaults(), Map.of("count-method", "cusum"));
        assertEquals(Map.of(), cusum.countMethodOptions(), "cusum takes no min-sigma: R's defaults");
        org.foodrisk.topology.FoodRiskTopology.build(cusum, org.foodrisk.plan.PlanCatalog.bundled());
        TopologySettings rDefaults = SettingsOverrides.apply(TopologySettings.defaults(),
                Map.of("count-method-options.min-sigma", "0", "count-baseline", "consecutive-days"));
        assertEquals("0", rDefaults.countMethodOptions().get("min-sigma"));
        assertEquals("consecutive-days", rDefaults.countBaseline());
        assertThrows(IllegalArgumentException.class, () -> org.foodrisk.topology.FoodRiskTopology.build(
                SettingsOverrides.apply(TopologySettings.defaults(), Map.of("count-baseline", "weekdays")),
                org.foodrisk.plan.PlanCatalog.bundled()));
    }
}
