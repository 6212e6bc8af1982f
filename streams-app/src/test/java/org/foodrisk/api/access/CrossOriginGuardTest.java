package org.foodrisk.api.access;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cookie-authenticated writes only from the server's own pages (issue 14: a same-site page posted a comment). */
class CrossOriginGuardTest {

    private static final String OWN = "http://localhost:8080";
    private final CrossOriginGuard guard = new CrossOriginGuard(List.of("https://foodrisk.example.gov.cn"));

    private Optional<CrossOriginGuard.Refusal> post(String contentType, String origin, String secFetchSite) {
        return guard.check("POST", true, contentType, origin, secFetchSite, OWN);
    }

    @Test
    void aPageOnAnotherPortOfTheSameHostIsRefused() {
        CrossOriginGuard.Refusal refusal = post("application/json", "http://localhost:9999", null).orElseThrow();
        assertEquals(HttpStatus.FORBIDDEN, refusal.status());
        assertTrue(refusal.reason().contains("localhost:9999"), refusal.reason());
    }

    @Test
    void theServersOwnPagesAndConfiguredOriginsMayWrite() {
        assertTrue(post("application/json", "http://localhost:8080", null).isEmpty());
        assertTrue(post("application/json; charset=utf-8", "HTTP://LOCALHOST:8080/", "same-origin").isEmpty());
        assertTrue(post("application/json", "https://foodrisk.example.gov.cn", "cross-site").isEmpty(), "configured");
    }

    @Test
    void withoutOriginSecFetchSiteMustSaySameOrigin() {
        assertTrue(post("application/json", null, "same-origin").isEmpty());
        assertTrue(post("application/json", null, "none").isEmpty());
        assertEquals(HttpStatus.FORBIDDEN, post("application/json", null, "same-site").orElseThrow().status());
        assertEquals(HttpStatus.FORBIDDEN, post("application/json", null, null).orElseThrow().status());
    }

    @Test
    void aBodyThatDoesNotSayJsonIsRefusedWith415() {
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, post(null, OWN, null).orElseThrow().status());
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, post("text/plain", OWN, null).orElseThrow().status());
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                post("application/x-www-form-urlencoded", OWN, null).orElseThrow().status());
    }

    @Test
    void signOutNeedsTheOriginButNoBody() {
        assertTrue(guard.check("DELETE", true, null, OWN, null, OWN).isEmpty());
        assertEquals(HttpStatus.FORBIDDEN, guard.check("DELETE", true, null, "http://evil:1", null, OWN).orElseThrow().status());
    }

    @Test
    void readsAndBearerTokenRequestsAreNotConcerned() {
        assertTrue(guard.check("GET", true, null, "http://evil:1", null, OWN).isEmpty());
        assertTrue(guard.check("POST", false, null, null, null, OWN).isEmpty(), "a foreign page cannot add Authorization");
    }
}
