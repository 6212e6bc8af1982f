package org.foodrisk.api;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;

/**
 * Headers that tell browsers to confine the dashboard and the API's answers, on every response —
 * refusals and static files included (issue 14). Ordered first, so that its response filter also
 * runs when a later filter (access, ingestion) answers by itself.
 *
 * <p>The policy fits the dashboard as it is: every script and style sheet comes from this server
 * (ECharts bundled), no inline script. Inline <em>styles</em> stay allowed because ECharts writes
 * style attributes into its tooltips; styles cannot run code. No page of another origin may frame
 * the dashboard (click-jacking of the action buttons) — its own summary frame may — no MIME sniffing of JSON into HTML, and no Referer leaves
 * with alert ids in it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            // 'self', not 'none': the dashboard shows the printable 会商 summary in a frame of its own.
            "frame-ancestors 'self'");

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "SAMEORIGIN");

    @ResponseFilter
    public void addTo(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        HEADERS.forEach((name, value) -> {
            if (!headers.contains(name)) {
                headers.add(name, value);
            }
        });
    }
}
