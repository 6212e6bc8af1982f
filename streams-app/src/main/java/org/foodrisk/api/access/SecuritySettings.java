package org.foodrisk.api.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Access settings of the HTTP API (application.yml, prefix {@code foodrisk.security}).
 *
 * @param metricsPublic whether /prometheus answers without credentials (scrapers sit inside the network)
 * @param secureCookie  whether the session cookie is marked Secure (set true when served over HTTPS)
 * @param peerToken     a token shared by the instances of one deployment, with which an instance
 *                      reads another's store when no user's request is behind the read (the
 *                      scheduled 会商 summaries, and dashboard users' reads); read-only. Empty = only
 *                      requests with a bearer token are forwarded.
 * @param sessionKey      the key that signs the dashboard's session cookies ({@link SessionCookies}); the
 *                        same on every instance. Empty = derived from the peer token, else random at start.
 * @param sessionLifetime how long a dashboard sign-in lasts (also ended by closing the browser)
 * @param allowedOrigins  origins besides the request's own (scheme://host[:port]) whose pages may make
 *                        cookie-authenticated writes ({@link CrossOriginGuard}) — e.g. the public https
 *                        address when a TLS proxy forwards plain http. Empty = the request's own only.
 */
@ConfigurationProperties("foodrisk.security")
public record SecuritySettings(
        @Bindable(defaultValue = "true") boolean metricsPublic,
        @Bindable(defaultValue = "false") boolean secureCookie,
        @Nullable String peerToken,
        @Nullable String sessionKey,
        @Bindable(defaultValue = "PT8H") Duration sessionLifetime,
        @Nullable List<String> allowedOrigins) {

    public List<String> allowedOriginsOrNone() {
        return allowedOrigins == null ? List.of() : allowedOrigins;
    }
}
