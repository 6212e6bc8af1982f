package org.foodrisk.api.access;

import com.fasterxml.jackson.annotation.JsonInclude;
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

import java.util.Map;
import java.util.Optional;

/**
 * Sign-in for the dashboard: {@code POST /api/v1/session} with {@code {"token": "…"}} answers who
 * the user is and sets the session cookie (see {@link Credentials} for what it holds and why);
 * {@code GET} answers the current user or 401; {@code DELETE} clears the cookie.
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

    public SessionController(Users users, SecuritySettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Post
    public HttpResponse<?> signIn(@Body Map<String, Object> body) {
        if (!(body.get("token") instanceof String token) || token.isBlank()) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "bad-request", "the body must be {\"token\": \"<your token>\"}");
        }
        Optional<User> user = users.authenticate(token.strip());
        if (user.isEmpty()) {
            LOG.info("sign-in refused: unknown token");
            return ApiErrors.unauthorized("the token is not valid", true);
        }
        LOG.info("{} signed in", user.get());
        return HttpResponse.ok(SignedInUser.of(user.get()))
                .cookie(sessionCookie(Credentials.cookieValue(token.strip())));
    }

    @Get
    public HttpResponse<?> current(HttpRequest<?> request) {
        return AccessFilter.userOf(request)
                .<HttpResponse<?>>map(user -> HttpResponse.ok(SignedInUser.of(user)))
                .orElseGet(() -> ApiErrors.unauthorized("not signed in", Credentials.presentsCredentials(request)));
    }

    @Delete
    public HttpResponse<?> signOut() {
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
