package org.foodrisk.api.access;

import io.micronaut.http.HttpStatus;

import org.foodrisk.ingest.LogSafe;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses cookie-authenticated writes that a page of another origin could have made the browser send
 * (issue 14: a page on another port of the same host posted a comment as a signed-in unit member —
 * SameSite=Strict separates sites, not origins, and a body without Content-Type was read as JSON).
 *
 * <p>A write carried by the session cookie (not by an Authorization header, which a foreign page
 * cannot add) must come from the request's own origin or a configured one: its {@code Origin} header
 * must be one of them, or — when a browser sends no Origin — {@code Sec-Fetch-Site} must be
 * {@code same-origin} or {@code none} (typed by the user). A request with neither header is not from a
 * browser that protects its users this way, and is refused too. A POST, PUT or PATCH must also say
 * {@code Content-Type: application/json}: an HTML form cannot send that without a CORS preflight,
 * which this server never grants.
 */
public final class CrossOriginGuard {

    /** Why a write is refused: 403 or 415, with a reason. */
    public record Refusal(HttpStatus status, String error, String reason) {
    }

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final Set<String> SAME_ORIGIN_FETCH = Set.of("same-origin", "none");

    private final List<String> allowedOrigins;

    public CrossOriginGuard(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(CrossOriginGuard::normalized).toList();
    }

    /**
     * @param method        the HTTP method
     * @param byCookie      whether the session cookie (not an Authorization header) is the credential
     * @param contentType   the Content-Type header, or null
     * @param origin        the Origin header, or null
     * @param secFetchSite  the Sec-Fetch-Site header, or null
     * @param ownOrigin     the request's own origin, scheme://host[:port] as the Host header names it
     */
    public Optional<Refusal> check(String method, boolean byCookie, String contentType, String origin,
                                   String secFetchSite, String ownOrigin) {
        if (!byCookie || !UNSAFE.contains(method)) {
            return Optional.empty();
        }
        if (origin != null && !origin.isBlank()) {
            String given = normalized(origin);
            if (!given.equals(normalized(ownOrigin)) && !allowedOrigins.contains(given)) {
                return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "cross-origin",
                        "a signed-in write must come from this server's own pages (Origin " + LogSafe.quote(origin)
                                + " is not " + ownOrigin + ")"));
            }
        } else if (secFetchSite == null || !SAME_ORIGIN_FETCH.contains(secFetchSite.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "cross-origin",
                    "a signed-in write needs an Origin header of this server, or Sec-Fetch-Site same-origin"
                            + " (send Authorization: Bearer <token> from programs)"));
        }
        if (WITH_BODY.contains(method) && !isJson(contentType)) {
            return Optional.of(new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "a signed-in write must say Content-Type: application/json"));
        }
        return Optional.empty();
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    /** scheme://host[:port] in lower case, without a default port or a trailing slash. */
    static String normalized(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException malformed) {
            return "invalid:" + origin; // equals no real origin
        }
    }
}
