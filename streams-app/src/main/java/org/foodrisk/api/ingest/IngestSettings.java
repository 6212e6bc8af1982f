package org.foodrisk.api.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits of the HTTP ingestion API (application.yml, prefix {@code foodrisk.ingest}).
 *
 * @param maxBodyBytes      largest request body; larger → 413
 * @param maxBatch          most records in one JSON array; more → 413
 * @param requestsPerMinute requests a publisher may make a minute (token bucket); more → 429
 * @param sendTimeout       how long to wait for the broker's acknowledgement
 */
@ConfigurationProperties("foodrisk.ingest")
public record IngestSettings(
        @Bindable(defaultValue = "1048576") int maxBodyBytes,
        @Bindable(defaultValue = "500") int maxBatch,
        @Bindable(defaultValue = "600") int requestsPerMinute,
        @Bindable(defaultValue = "PT30S") Duration sendTimeout) {
}
