package org.foodrisk.api.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Connection and request limits of the HTTP server that Micronaut has no setting for
 * (application.yml, prefix {@code foodrisk.http}). Micronaut's own settings do the rest:
 * {@code micronaut.server.idle-timeout} closes connections that neither read nor write, and
 * {@code micronaut.server.max-request-size} caps every body (it follows the ingestion limit).
 *
 * @param maxConnections             open connections of the whole server; more are closed at once
 *                                   (keeps file descriptors and buffer memory bounded)
 * @param maxConnectionsPerAddress   open connections from one client address; more are closed at once
 * @param requestsPerSecondPerAddress requests one client address may start in a second; more → 429
 *                                   (0 = no limit)
 * @param requestReadTimeout         a request (head and body) must have arrived this long after its
 *                                   first byte, else the connection is closed: a slow sender does not
 *                                   hold a connection by trickling bytes that keep it from being idle
 * @param maxBodyBytes               largest body on every route but the ingestion API; larger → 413
 * @param signInMaxBodyBytes         largest body of the public sign-in ({@code POST /api/v1/session})
 */
@ConfigurationProperties("foodrisk.http")
public record HttpLimitSettings(
        @Bindable(defaultValue = "2000") int maxConnections,
        @Bindable(defaultValue = "32") int maxConnectionsPerAddress,
        @Bindable(defaultValue = "100") int requestsPerSecondPerAddress,
        @Bindable(defaultValue = "PT60S") Duration requestReadTimeout,
        @Bindable(defaultValue = "65536") long maxBodyBytes,
        @Bindable(defaultValue = "4096") long signInMaxBodyBytes) {
}
