package org.foodrisk.runtime;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.topology.ComplaintRepeatSettings;
import org.foodrisk.topology.TopologySettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings as the service builds them from Micronaut's configuration ({@link RuntimeFactory}), with the
 * keys the README, docs and integration tests name — without starting the service.
 */
class DetectSettingsConfigurationTest {

    private static TopologySettings configured(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build()) {
            Environment environment = context.getEnvironment().start();
            return new RuntimeFactory().topologySettings(
                    environment.getProperty("foodrisk.zone", String.class).orElse("Asia/Shanghai"),
                    environment.getProperty("foodrisk.deadlines.red", String.class).orElse("PT24H/P7D"),
                    environment.getProperty("foodrisk.deadlines.orange", String.class).orElse("PT48H/P15D"),
                    environment.getProperty("foodrisk.deadlines.yellow", String.class).orElse("PT72H/P30D"),
                    environment.getProperty("foodrisk.deadlines.blue", String.class).orElse("none"),
                    environment.getProperty("foodrisk.exchange.region", String.class).orElse("天津市"),
                    List.of(), environment);
        }
    }

    @Test
    void theDocumentedKeysReachTheirConcerns() {
        TopologySettings settings = configured(Map.of(
                "foodrisk.zone", "Asia/Urumqi",
                "foodrisk.deadlines.red", "PT12H/P3D",
                "foodrisk.disposal.deadlines.区抽", "P30D",
                "foodrisk.detect.cluster-gap", "PT48H",
                "foodrisk.detect.levels.cluster-red-cases", "30",
                "foodrisk.detect.count-method-options.min-sigma", "1",
                "foodrisk.detect.default-pass-rates.饮料", "98.5",
                "foodrisk.detect.time.idle-after", "PT30M",
                "foodrisk.detect.overdue-check-every", "PT5S",
                "foodrisk.detect.complaint-window", "P10D"));
        assertEquals(ZoneId.of("Asia/Urumqi"), settings.zone());
        OffsetDateTime at = OffsetDateTime.parse("2026-12-01T00:00:00+08:00");
        assertEquals(at.plusHours(12), settings.deadlines().deadlinesFor(AlertLevel.RED, at, null).acknowledgeBy());
        assertEquals(at.plusDays(3), settings.deadlines().deadlinesFor(AlertLevel.RED, at, null).closeBy());
        assertEquals(at.plusHours(48), settings.deadlines().deadlinesFor(AlertLevel.ORANGE, at, null).acknowledgeBy());
        assertEquals(Duration.ofDays(30), settings.disposal().allowance("区抽"));
        assertEquals(Duration.ofDays(90), settings.disposal().allowance("国抽"));
        assertEquals(Duration.ofHours(48), settings.illnessCluster().clusterGap());
        assertEquals(30, settings.levels().clusterRedCases());
        assertEquals("1", settings.counts().countMethodOptions().get("min-sigma"));
        assertEquals(98.5, settings.failureRate().defaultPassRates().get("饮料"));
        assertEquals(Duration.ofMinutes(30), settings.time().idleAfter());
        assertEquals(Duration.ofSeconds(5), settings.overdueCheckEvery());
        // A detector that wires itself: its record is registered by its builder, not a component.
        assertEquals(Duration.ofDays(10), settings.part(ComplaintRepeatSettings.class).complaintWindow());
    }

    @Test
    void aMisspeltKeyStopsTheStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> configured(Map.of("foodrisk.detect.cluster-gaps", "PT48H")));
        assertTrue(e.getMessage().contains("cluster-gap"), e.getMessage());
    }

    @Test
    void withoutConfigurationTheDefaults() {
        TopologySettings settings = configured(Map.of());
        TopologySettings defaults = TopologySettings.defaults();
        assertEquals(defaults.with(settings.deadlines()).with(settings.disposal()), settings);
    }
}
