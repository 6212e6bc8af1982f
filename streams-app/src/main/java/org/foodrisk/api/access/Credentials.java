package org.foodrisk.api.access;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a request carries a user's token: the {@code Authorization: Bearer <token>} header (API
 * clients) or the {@value #SESSION_COOKIE} cookie set by {@code POST /api/v1/session} (the
 * dashboard).
 *
 * <p>The cookie holds the token itself (base64url, so that any token is a valid cookie value).
 * Why not a server-side session or a signed session id: any instance behind one address checks
 * it against the same configured hashes, with no session store and no extra secret to share
 * between instances, and removing a user's hash from the configuration ends its sessions at once.
 * What protects it: HttpOnly (page scripts cannot read it), SameSite=Strict (other sites' pages
 * cannot make the browser send it, so no cross-site request forgery of the action POST), no
 * Max-Age (gone when the browser closes), Secure when {@code foodrisk.security.secure-cookie}.
 */
public final class Credentials {

    public static final String SESSION_COOKIE = "foodrisk_session";

    private Credentials() {
    }

    /** The token the request presents, from the bearer header if there is one, else from the session cookie. */
    public static Optional<String> presentedToken(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return Optional.ofNullable(HashedCredentials.bearerToken(authorization));
        }
        return request.getCookies().findCookie(SESSION_COOKIE).map(Cookie::getValue).map(Credentials::tokenOfCookie);
    }

    /** True when the request presents any credential (valid or not): it decides between "missing" and "wrong". */
    public static boolean presentsCredentials(HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaders.AUTHORIZATION)
                || request.getCookies().findCookie(SESSION_COOKIE).isPresent();
    }

    static String cookieValue(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    static String tokenOfCookie(String value) {
        try {
            String token = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
            return token.isEmpty() ? null : token;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
