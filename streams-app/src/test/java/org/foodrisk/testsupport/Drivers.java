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
        return topology(applicationId, wallClock, catalog, settings, org.foodrisk.operations.OutputCounters.NONE);
    }

    /** With the alerts and dead letters written told to {@code counters} (operations metrics). */
    public static TopologyTestDriver topology(String applicationId, Instant wallClock,
                                              org.foodrisk.operations.OutputCounters counters) {
        return topology(applicationId, wallClock, PlanCatalog.bundled(), TopologySettings.defaults(), counters);
    }

    private static TopologyTestDriver topology(String applicationId, Instant wallClock, PlanCatalog catalog,
                                               TopologySettings settings, org.foodrisk.operations.OutputCounters counters) {
        // The service's properties; a TopologyTestDriver connects to nothing, so the servers are a placeholder.
        Properties props = StreamsProperties.shared(new KafkaClientConfig("unused:9092", Map.of()), applicationId, counters);
        // A state directory per driver: tests run side by side and must not share stores.
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("ttd").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopologyTestDriver(FoodRiskTopology.build(settings, catalog, counters), props, wallClock);
    }
}
