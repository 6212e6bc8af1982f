package org.foodrisk.api.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.foodrisk.api.access.AccessTestUsers.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configured users: found by their token only, checked at start, demo users only on the embedded broker. */
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
    void theSessionCookieCarriesAnyTokenAsAValidCookieValue() {
        String token = "a token; with, \"odd\" chars=/+";
        String cookie = Credentials.cookieValue(token);
        assertTrue(cookie.matches("[A-Za-z0-9_-]+"), cookie);
        assertEquals(token, Credentials.tokenOfCookie(cookie));
        assertEquals(null, Credentials.tokenOfCookie("not base64 !"));
    }
}
