package org.foodrisk.api.access;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/** Refusals of the HTTP API, one shape everywhere: {@code {"error": "<code>", "reason": "<for a person>"}}. */
public final class ApiErrors {

    /** What a 401 names, so that clients know to send a bearer token (RFC 6750). */
    public static final String REALM = "Bearer realm=\"foodrisk\"";

    private ApiErrors() {
    }

    public static MutableHttpResponse<Map<String, String>> of(HttpStatus status, String error, String reason) {
        return HttpResponse.<Map<String, String>>status(status).body(Map.of("error", error, "reason", reason));
    }

    /**
     * @param invalidToken a token was presented but is not valid (RFC 6750 error="invalid_token"),
     *                     rather than no token at all
     */
    public static MutableHttpResponse<Map<String, String>> unauthorized(String reason, boolean invalidToken) {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", reason)
                .header("WWW-Authenticate", invalidToken ? REALM + ", error=\"invalid_token\"" : REALM);
    }

    public static MutableHttpResponse<Map<String, String>> forbidden(String reason) {
        return of(HttpStatus.FORBIDDEN, "forbidden", reason);
    }
}
