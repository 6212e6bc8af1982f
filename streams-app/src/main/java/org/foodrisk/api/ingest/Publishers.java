package org.foodrisk.api.ingest;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.foodrisk.api.access.HashedCredentials;
import org.foodrisk.runtime.FoodRiskSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The configured publishers and the check of a bearer token against them (hashed, compared in
 * constant time, never kept or logged: {@link HashedCredentials}). Demo credentials
 * ({@code demo-only: true}) count only on the embedded broker.
 */
@Singleton
public class Publishers {

    private static final Logger LOG = LoggerFactory.getLogger(Publishers.class);

    private final HashedCredentials<Publisher> publishers;

    @Inject
    public Publishers(Collection<PublisherConfig> configs, FoodRiskSettings settings) {
        this(configured(configs, settings.embedded()));
    }

    static List<Publisher> configured(Collection<PublisherConfig> configs, boolean embeddedBroker) {
        List<Publisher> publishers = HashedCredentials.honoured("Publisher", configs, Publisher::of, embeddedBroker);
        LOG.info("HTTP ingestion publishers: {}", publishers.isEmpty() ? "none configured (every POST is refused)" : publishers);
        return publishers;
    }

    private Publishers(List<Publisher> publishers) {
        this.publishers = HashedCredentials.of(publishers);
    }

    /** For tests. */
    public static Publishers of(List<Publisher> publishers) {
        return new Publishers(publishers);
    }

    public List<Publisher> all() {
        return publishers.all();
    }

    /**
     * The publisher an {@code Authorization} header belongs to.
     *
     * @return empty when the header is missing, not a bearer token, or no publisher's token
     */
    public Optional<Publisher> authenticate(String authorizationHeader) {
        return publishers.find(HashedCredentials.bearerToken(authorizationHeader));
    }
}
