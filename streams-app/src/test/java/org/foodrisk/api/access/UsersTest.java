package org.foodrisk.api.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.foodrisk.api.access.AccessTestUsers.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configured users: found by their token only, checked at start, demo users only on the embedded broker; signed, expiring sessions. */
class UsersTest {

    @Test
    void aUserIsFoundByItsTokenAndByNothingElse() {
        UserConfig config = config("alice", "unit", "区市场监管局", "120114", "s3cret");
        Users users = Users.of(List.of(User.of(config)));
        User alice = users.authenticate("s3cret").orElseThrow();
        assertEquals(Role.UNIT, alice.role());
        assertEquals("区市场监管局", alice.unit());
        assertEquals("120114", alice.district());
        assertTrue(users.authenticate("s3cret ").isEmpty());
        assertTrue(users.authenticate(config.getTokenSha256()).isEmpty(), "the configured hash is not a token");
        assertTrue(users.authenticate(null).isEmpty());
        assertFalse(alice.toString().contains("s3cret"));
    }

    @Test
    void demoUsersCountOnlyOnTheEmbeddedBroker() {
        UserConfig demo = config("demo-analyst", "analyst", null, null, "demo-analyst");
        demo.setDemoOnly(true);
        UserConfig real = config("ana", "analyst", null, null, "real");
        Users embedded = Users.of(Users.configured(List.of(demo, real), true, null));
        Users cluster = Users.of(Users.configured(List.of(demo, real), false, null));
        assertTrue(embedded.authenticate("demo-analyst").isPresent());
        assertTrue(cluster.authenticate("demo-analyst").isEmpty());
        assertTrue(cluster.authenticate("real").isPresent());
    }

    @Test
    void thePeerTokenIsAReadOnlyUser() {
        Users users = Users.of(Users.configured(List.of(), false, "shared-between-instances"));
        User peer = users.authenticate("shared-between-instances").orElseThrow();
        assertEquals(Users.PEER, peer.name());
        assertFalse(peer.mayActOnAlerts());
        assertTrue(Users.of(Users.configured(List.of(), false, "")).authenticate("").isEmpty());
    }

    @Test
    void brokenEntriesStopTheStartWithTheKeyToFix() {
        UserConfig plainToken = config("x", "analyst", null, null, "t");
        plainToken.setTokenSha256("my-token");
        assertTrue(assertThrows(IllegalStateException.class, () -> User.of(plainToken)).getMessage()
                .contains("foodrisk.users.x.token-sha256"));
        assertTrue(assertThrows(IllegalStateException.class, () -> User.of(config("y", "unit", null, null, "t")))
                .getMessage().contains("foodrisk.users.y.unit"));
        assertTrue(assertThrows(IllegalStateException.class, () -> User.of(config("z", "boss", null, null, "t")))
                .getMessage().contains("foodrisk.users.z.role"));
        assertTrue(assertThrows(IllegalStateException.class, () -> User.of(config("w", "unit", "区市场监管局", "武清区", "t")))
                .getMessage().contains("foodrisk.users.w.district"));
    }

    @Test
    void aSessionNamesItsUserUntilItEndsAndNeverCarriesTheToken() {
        Instant signedIn = Instant.parse("2026-11-26T01:00:00Z");
        User alice = User.of(config("alice", "unit", "区市场监管局", "120114", "s3cret-token"));
        Users users = Users.of(List.of(alice), SessionCookies.configured(null, "peer", Duration.ofHours(8)));
        String cookie = users.startSession(alice, signedIn);
        assertTrue(cookie.matches("[A-Za-z0-9_-]+\\.[0-9]+\\.[A-Za-z0-9_-]+"), "a valid cookie value: " + cookie);
        assertFalse(cookie.contains("s3cret") || new String(Base64.getUrlDecoder().decode(cookie.split("\\.")[0]),
                StandardCharsets.UTF_8).contains("s3cret"), "the token is not in the cookie");
        assertEquals("alice", users.authenticateSession(cookie, signedIn.plus(Duration.ofHours(7))).orElseThrow().name());
        assertTrue(users.authenticateSession(cookie, signedIn.plus(Duration.ofHours(8))).isEmpty(), "ended after eight hours");
        assertTrue(users.authenticate(cookie).isEmpty(), "a cookie is not a token");
    }

    @Test
    void aSessionIsRefusedWhenForgedAlteredOrItsUserChanged() {
        Instant now = Instant.parse("2026-11-26T01:00:00Z");
        User alice = User.of(config("alice", "unit", "区市场监管局", "120114", "s3cret-token"));
        User admin = User.of(config("root", "admin", null, null, "admin-token"));
        SessionCookies sessions = SessionCookies.configured(null, "peer", Duration.ofHours(8));
        Users users = Users.of(List.of(alice, admin), sessions);
        String cookie = users.startSession(alice, now);
        String[] parts = cookie.split("\\.");
        String asRoot = Base64.getUrlEncoder().withoutPadding().encodeToString("root".getBytes()) + "." + parts[1] + "." + parts[2];
        assertTrue(users.authenticateSession(asRoot, now).isEmpty(), "another name with alice's signature");
        String later = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        assertTrue(users.authenticateSession(later, now.plus(Duration.ofHours(9))).isEmpty(), "a lengthened expiry");
        for (String junk : List.of("", "a.b", "a.b.c", "not base64!.1.x", cookie + ".x")) {
            assertTrue(users.authenticateSession(junk, now).isEmpty(), junk);
        }
        // Another deployment (another key) does not accept it; the same key on another instance does.
        assertTrue(Users.of(List.of(alice), SessionCookies.configured(null, "other-peer", Duration.ofHours(8)))
                .authenticateSession(cookie, now).isEmpty());
        assertTrue(Users.of(List.of(alice), SessionCookies.configured(null, "peer", Duration.ofHours(8)))
                .authenticateSession(cookie, now).isPresent(), "instances sharing the peer token share sessions");
        // The operator replaced alice's token: her sessions end with it.
        User aliceNewToken = User.of(config("alice", "unit", "区市场监管局", "120114", "new-token"));
        assertTrue(Users.of(List.of(aliceNewToken), sessions).authenticateSession(cookie, now).isEmpty());
        assertTrue(Users.of(List.of(admin), sessions).authenticateSession(cookie, now).isEmpty(), "alice removed");
    }

    @Test
    void aConfiguredSessionKeyMustBeLongAndTheLifetimePositive() {
        assertThrows(IllegalStateException.class, () -> SessionCookies.configured("short", null, Duration.ofHours(8)));
        assertThrows(IllegalStateException.class, () -> SessionCookies.configured(null, null, Duration.ZERO));
        assertEquals(Duration.ofHours(2), SessionCookies.configured("k".repeat(32), null, Duration.ofHours(2)).lifetime());
    }
}
