package org.foodrisk.api.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in for the dashboard: {@code POST /api/v1/session} with {@code {"token": "…"}} answers who
 * the user is and sets the session cookie (see {@link SessionCookies} for what it holds and why);
 * {@code GET} answers the current user or 401; {@code DELETE} ends the session and clears the cookie. Failed sign-ins
 * are limited per client address ({@link SignInThrottle}: 429 with Retry-After).
 */
@Controller(AccessRules.SESSION)
public class SessionController {

    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);

    /** Who is signed in; unit and district are null for analysts and admins. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SignedInUser(String name, String role, String unit, String district) {

        static SignedInUser of(User user) {
            return new SignedInUser(user.name(), user.role().word(), user.unit(), user.district());
        }
    }

    private final Users users;
    private final SecuritySettings settings;
    private final SignInThrottle throttle;
    private final Optional<SessionRevocations> revocations;

    public SessionController(Users users, SecuritySettings settings, SignInThrottle throttle,
                             Optional<SessionRevocations> revocations) {
        this.users = users;
        this.revocations = revocations;
        this.settings = settings;
        this.throttle = throttle;
    }

    @Post
    public HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, Object> body) {
        String address = request.getRemoteAddress().getHostString(); // never null, no reverse lookup
        Instant now = Instant.now();
        long wait = throttle.retryAfterSeconds(address, now);
        if (wait > 0) {
            LOG.warn("sign-in from {} refused: too many failed sign-ins", address);
            return ApiErrors.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-failures",
                    "too many failed sign-ins from this address; try again in " + wait + " s")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
        }
        if (!(body.get("token") instanceof String token) || token.isBlank()) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "bad-request", "the body must be {\"token\": \"<your token>\"}");
        }
        Optional<User> user = users.authenticate(token.strip());
        if (user.isEmpty()) {
            throttle.failed(address, now);
            LOG.info("sign-in from {} refused: unknown token", address);
            return ApiErrors.unauthorized("the token is not valid", true);
        }
        LOG.info("{} signed in from {}", user.get(), address);
        return HttpResponse.ok(SignedInUser.of(user.get()))
                .cookie(sessionCookie(users.startSession(user.get(), now)));
    }

    @Get
    public HttpResponse<?> current(HttpRequest<?> request) {
        return AccessFilter.userOf(request)
                .<HttpResponse<?>>map(user -> HttpResponse.ok(SignedInUser.of(user)))
                .orElseGet(() -> ApiErrors.unauthorized("not signed in", Credentials.presentsCredentials(request)));
    }

    @Delete
    public HttpResponse<?> signOut(HttpRequest<?> request) {
        // Ends the session on the server too: a copy of the cookie (another tab, a proxy log) is no longer valid.
        // Every instance is told (SessionRevocations), so a load balancer's other instances refuse it too.
        Credentials.sessionCookie(request).flatMap(cookie -> users.endSession(cookie, Instant.now()))
                .ifPresent(revoked -> revocations.ifPresent(shared -> shared.publish(revoked)));
        return HttpResponse.noContent().cookie(sessionCookie("").maxAge(0));
    }

    private Cookie sessionCookie(String value) {
        return Cookie.of(Credentials.SESSION_COOKIE, value)
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .path("/")
                .secure(settings.secureCookie());
    }
}
