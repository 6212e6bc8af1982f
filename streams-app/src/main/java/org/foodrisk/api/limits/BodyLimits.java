package org.foodrisk.api.limits;

import java.util.Collection;
import java.util.Set;

/**
 * The largest body each route may receive, decided from the request line alone (before a byte of
 * the body is read). Only the ingestion API takes large bodies, and only from a publisher whose
 * token its filter checked first; there Micronaut's {@code max-request-size} (= the documented
 * ingestion limit) applies. The public sign-in reads a token of a few dozen bytes; everything else
 * (alert actions, unknown paths) gets a small default. A path spelled differently from the routes
 * (encoded, with a query) falls to the default, never to the large limit.
 */
public final class BodyLimits {

    /** No limit here: Micronaut's max-request-size is the one that applies. */
    public static final long SERVER_LIMIT = Long.MAX_VALUE;

    private final Set<String> largeBodyPaths;
    private final String signInPath;
    private final long signInMaxBytes;
    private final long defaultMaxBytes;

    public BodyLimits(Collection<String> largeBodyPaths, String signInPath, long signInMaxBytes, long defaultMaxBytes) {
        this.largeBodyPaths = Set.copyOf(largeBodyPaths);
        this.signInPath = signInPath;
        this.signInMaxBytes = signInMaxBytes;
        this.defaultMaxBytes = defaultMaxBytes;
    }

    /** @param uri the request target as sent (path, maybe a query) */
    public long maxBytes(String uri) {
        String path = pathOf(uri);
        if (largeBodyPaths.contains(path)) {
            return SERVER_LIMIT;
        }
        return path.equals(signInPath) ? signInMaxBytes : defaultMaxBytes;
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        // Micronaut routes "/x/" like "/x": the limit must too.
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
