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
}
