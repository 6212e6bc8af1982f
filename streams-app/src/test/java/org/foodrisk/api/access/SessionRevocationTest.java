package org.foodrisk.api.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing out ends the session, not only the browser's copy of the cookie (issue 14). */
class SessionRevocationTest {

    private static final Instant NOW = Instant.parse("2024-05-10T02:00:00Z");

    @Test
    void aSignedOutCookieNoLongerAuthenticates() {
        Users users = Users.of(List.of(AccessTestUsers.WUQING_MARKET));
        String cookie = users.startSession(AccessTestUsers.WUQING_MARKET, NOW);
        String later = users.startSession(AccessTestUsers.WUQING_MARKET, NOW.plusSeconds(5));
        assertTrue(users.authenticateSession(cookie, NOW.plusSeconds(10)).isPresent());
        users.endSession(cookie, NOW.plusSeconds(10));
        assertTrue(users.authenticateSession(cookie, NOW.plusSeconds(11)).isEmpty(), "a copy of the cookie is dead too");
        assertTrue(users.authenticateSession(later, NOW.plusSeconds(11)).isPresent(), "another sign-in stays");
    }

    @Test
    void madeUpCookiesAreNotListed() {
        SessionCookies cookies = SessionCookies.configured(null, null, Duration.ofHours(8));
        cookies.revoke("bm9ib2R5.99999999999.AAAA", name -> Optional.empty(), NOW); // ignored, no error
        cookies.revoke(null, name -> Optional.empty(), NOW);
    }
}
