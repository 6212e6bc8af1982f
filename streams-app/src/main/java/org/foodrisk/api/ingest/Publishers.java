package org.foodrisk.api.ingest;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.foodrisk.runtime.FoodRiskSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The configured publishers and the check of a bearer token against them. The token is hashed
 * and compared with every configured hash in constant time (no early exit, no string equality),
 * and it is never kept or logged. Demo credentials ({@code demo-only: true}) count only on the
 * embedded broker, so the documented demo token opens nothing on a real cluster.
 */
@Singleton
public class Publishers {

    private static final Logger LOG = LoggerFactory.getLogger(Publishers.class);

    private final List<Publisher> publishers;

    @Inject
    public Publishers(Collection<PublisherConfig> configs, FoodRiskSettings settings) {
        this(configured(configs, settings.embedded()));
    }

    static List<Publisher> configured(Collection<PublisherConfig> configs, boolean embeddedBroker) {
        List<Publisher> publishers = new java.util.ArrayList<>();
        for (PublisherConfig config : configs) {
            Publisher publisher = Publisher.of(config);
            if (config.isDemoOnly() && !embeddedBroker) {
                LOG.warn("Publisher '{}' is a demo credential (demo-only: true): ignored against a real cluster",
                        config.getName());
                continue;
            }
            publishers.add(publisher);
        }
        LOG.info("HTTP ingestion publishers: {}", publishers.isEmpty() ? "none configured (every POST is refused)" : publishers);
        return publishers;
    }

    private Publishers(List<Publisher> publishers) {
        this.publishers = List.copyOf(publishers);
    }

    /** For tests. */
    public static Publishers of(List<Publisher> publishers) {
        return new Publishers(publishers);
    }

    public List<Publisher> all() {
        return publishers;
    }

    /**
     * The publisher an {@code Authorization} header belongs to.
     *
     * @return empty when the header is missing, not a bearer token, or no publisher's token
     */
    public Optional<Publisher> authenticate(String authorizationHeader) {
        String token = bearerToken(authorizationHeader);
        if (token == null) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        Publisher match = null;
        for (Publisher publisher : publishers) {
            // Every hash is compared, whatever matched before: the time does not tell which one did.
            if (MessageDigest.isEqual(presented, publisher.tokenSha256()) && match == null) {
                match = publisher;
            }
        }
        return Optional.ofNullable(match);
    }

    static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        if (trimmed.length() <= 7 || !trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = trimmed.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
