package org.foodrisk.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The service's settings (application.yml, prefix {@code foodrisk}). The Kafka client properties
 * ({@code foodrisk.client-properties.*}) are read by {@link ClientProperties}, not bound here.
 *
 * @param bootstrapServers Kafka to use; empty means "start the embedded local broker"
 * @param dataDir          where the embedded broker and the Kafka Streams state live
 * @param applicationId    Kafka Streams application.id (consumer group, internal topic prefix)
 * @param demo             replay generated demo traffic; null = only with the embedded broker. Read by
 *                         {@code org.foodrisk.demo.feeder.DemoFeeder} (module demo-feeder), which is
 *                         not in the service: run.sh puts it on the classpath; without it nothing is fed
 * @param demoDayEvery     the demo's backfill pace: one generated day per this much wall-clock time
 * @param advertisedHost   the host other instances reach this one's HTTP API at (interactive queries)
 */
@ConfigurationProperties("foodrisk")
public record FoodRiskSettings(
        @Nullable String bootstrapServers,
        @Bindable(defaultValue = "data") String dataDir,
        @Bindable(defaultValue = "foodrisk") String applicationId,
        @Nullable Boolean demo,
        @Bindable(defaultValue = "PT1S") Duration demoDayEvery,
        @Bindable(defaultValue = "9092") int embeddedPort,
        @Bindable(defaultValue = "1") int streamThreads,
        @Bindable(defaultValue = "localhost") String advertisedHost) {

    public boolean embedded() {
        return bootstrapServers == null || bootstrapServers.isBlank();
    }

    public boolean demoEnabled() {
        return demo != null ? demo : embedded();
    }
}
