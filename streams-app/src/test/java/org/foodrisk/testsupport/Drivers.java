package org.foodrisk.testsupport;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.runtime.KafkaClientConfig;
import org.foodrisk.runtime.StreamsProperties;
import org.foodrisk.topology.FoodRiskTopology;
import org.foodrisk.topology.TopologySettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.foodrisk.operations.OutputCounters;

/** The foodrisk topology in a TopologyTestDriver, with its own state directory and default settings. */
public final class Drivers {

    private Drivers() {
    }

    public static TopologyTestDriver topology(String applicationId) {
        return topology(applicationId, Instant.now(), PlanCatalog.bundled());
    }

    public static TopologyTestDriver topology(String applicationId, Instant wallClock) {
        return topology(applicationId, wallClock, PlanCatalog.bundled());
    }

    public static TopologyTestDriver topology(String applicationId, Instant wallClock, PlanCatalog catalog) {
        return topology(applicationId, wallClock, catalog, TopologySettings.defaults());
    }

    public static TopologyTestDriver topology(String applicationId, Instant wallClock, PlanCatalog catalog,
                                              TopologySettings settings) {
        return topology(applicationId, wallClock, catalog, settings, OutputCounters.NONE);
    }

    /** With the alerts and dead letters written told to {@code counters} (operations metrics). */
    public static TopologyTestDriver topology(String applicationId, Instant wallClock,
                                              OutputCounters counters) {
        return topology(applicationId, wallClock, PlanCatalog.bundled(), TopologySettings.defaults(), counters);
    }

    /** With objects the processors read from the configuration (e.g. an {@code InputBacklog}). */
    public static TopologyTestDriver topology(String applicationId, Instant wallClock, PlanCatalog catalog,
                                              TopologySettings settings, Map<String, Object> configObjects) {
        return topology(applicationId, wallClock, catalog, settings, OutputCounters.NONE,
                configObjects);
    }

    private static TopologyTestDriver topology(String applicationId, Instant wallClock, PlanCatalog catalog,
                                               TopologySettings settings, OutputCounters counters) {
        return topology(applicationId, wallClock, catalog, settings, counters, Map.of());
    }

    private static TopologyTestDriver topology(String applicationId, Instant wallClock, PlanCatalog catalog,
                                               TopologySettings settings, OutputCounters counters,
                                               Map<String, Object> configObjects) {
        // The service's properties; a TopologyTestDriver connects to nothing, so the servers are a placeholder.
        Properties props = StreamsProperties.shared(new KafkaClientConfig("unused:9092", Map.of()), applicationId, counters);
        // A state directory per driver: tests run side by side and must not share stores.
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("ttd").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.putAll(configObjects);
        return new TopologyTestDriver(FoodRiskTopology.build(settings, catalog, counters), props, wallClock);
    }
}
