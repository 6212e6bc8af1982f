package org.foodrisk.api.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.foodrisk.ingest.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * The gate of every HTTP request: finds the user behind the presented token (bearer header or
 * session cookie) and applies {@link AccessRules} — 401 or 403 with a reason, before any
 * controller runs. The user it found is handed on as a request attribute ({@link #userOf}).
 * Tokens and cookies are never logged; refusals are, with the user's name.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AccessFilter {

    private static final String USER = "foodrisk.user";
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);

    private final Users users;
    private final AccessRules rules;
    private final CrossOriginGuard crossOrigin;

    public AccessFilter(Users users, SecuritySettings settings) {
        this.users = users;
        this.rules = new AccessRules(settings.metricsPublic());
        this.crossOrigin = new CrossOriginGuard(settings.allowedOriginsOrNone());
    }

    /** The signed-in user of a request that passed this filter. */
    public static Optional<User> userOf(HttpRequest<?> request) {
        return request.getAttribute(USER, User.class);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        // The Authorization header, when there is one, is the credential; else the session cookie.
        User user = (Credentials.hasAuthorizationHeader(request)
                ? Credentials.bearerToken(request).flatMap(users::authenticate)
                : Credentials.sessionCookie(request).flatMap(cookie -> users.authenticateSession(cookie, Instant.now())))
                .orElse(null);
        if (user != null) {
            request.setAttribute(USER, user);
        }
        boolean byCookie = !Credentials.hasAuthorizationHeader(request) && Credentials.sessionCookie(request).isPresent();
        Optional<CrossOriginGuard.Refusal> foreign = crossOrigin.check(request.getMethodName(), byCookie,
                request.getHeaders().get(HttpHeaders.CONTENT_TYPE), request.getHeaders().get(HttpHeaders.ORIGIN),
                request.getHeaders().get("Sec-Fetch-Site"), ownOrigin(request));
        if (foreign.isPresent()) {
            LOG.info("{} {} refused: {}", request.getMethodName(), LogSafe.quote(request.getPath()), foreign.get().reason());
            return ApiErrors.of(foreign.get().status(), foreign.get().error(), foreign.get().reason());
        }
        AccessRules.Decision decision = rules.decide(request.getMethodName(), request.getPath(), user);
        return switch (decision.verdict()) {
            case PUBLIC, ALLOWED -> null;
            case UNAUTHENTICATED -> {
                boolean given = Credentials.presentsCredentials(request);
                LOG.info("{} {} refused: {} credentials", request.getMethodName(), LogSafe.quote(request.getPath()),
                        given ? "unknown or malformed" : "no");
                yield given
                        ? ApiErrors.unauthorized("the token is not valid, or the session has ended (sign in again)", true)
                        : ApiErrors.unauthorized(decision.reason(), false);
            }
            case FORBIDDEN -> {
                LOG.info("{} {} by {} refused: {}", request.getMethodName(), LogSafe.quote(request.getPath()), user.name(),
                        LogSafe.quote(decision.reason()));
                yield ApiErrors.forbidden(decision.reason());
            }
        };
    }

    /** scheme://host[:port] of this request as the browser addressed it (its Host header). */
    private static String ownOrigin(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return (request.isSecure() ? "https" : "http") + "://" + (host == null ? "" : host.strip());
    }
}
