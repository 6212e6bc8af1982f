package org.foodrisk.api.access;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.util.Optional;

/**
 * Where a request carries its credential: the {@code Authorization: Bearer <token>} header (API
 * clients), or the {@value #SESSION_COOKIE} cookie that {@code POST /api/v1/session} sets for the
 * dashboard — a signed, expiring statement of who signed in ({@link SessionCookies}), never the
 * token. What protects the cookie besides: HttpOnly (page scripts cannot read it),
 * SameSite=Strict (other sites' pages cannot make the browser send it; pages of other origins of
 * the same site can, which {@link CrossOriginGuard} refuses), no Max-Age (gone when the browser closes), Secure when
 * {@code foodrisk.security.secure-cookie}.
 */
public final class Credentials {

    public static final String SESSION_COOKIE = "foodrisk_session";

    private Credentials() {
    }

    /** The bearer token of the request's Authorization header; empty without one (or with another scheme). */
    public static Optional<String> bearerToken(HttpRequest<?> request) {
        return Optional.ofNullable(HashedCredentials.bearerToken(request.getHeaders().get(HttpHeaders.AUTHORIZATION)));
    }

    /** True when the request has an Authorization header: then it is the credential, not the cookie. */
    public static boolean hasAuthorizationHeader(HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
    }

    /** The session cookie's value, if the request carries one. */
    public static Optional<String> sessionCookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(SESSION_COOKIE).map(Cookie::getValue);
    }

    /** True when the request presents any credential (valid or not): it decides between "missing" and "wrong". */
    public static boolean presentsCredentials(HttpRequest<?> request) {
        return hasAuthorizationHeader(request) || request.getCookies().findCookie(SESSION_COOKIE).isPresent();
    }
}
