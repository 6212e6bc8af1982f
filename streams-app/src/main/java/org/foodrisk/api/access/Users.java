package org.foodrisk.api.access;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.foodrisk.runtime.FoodRiskSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.time.Duration;

/**
 * The configured users of the query API and dashboard, found by their token (see
 * {@link HashedCredentials}: hashed, constant-time, never kept or logged). The instances' shared
 * peer token, when configured, is one more read-only user named {@value #PEER}.
 */
@Singleton
public class Users {

    public static final String PEER = "peer-instance";

    private static final Logger LOG = LoggerFactory.getLogger(Users.class);

    private final HashedCredentials<User> users;
    private final SessionCookies sessions;

    @Inject
    public Users(Collection<UserConfig> configs, FoodRiskSettings settings, SecuritySettings security) {
        this(configured(configs, settings.embedded(), security.peerToken()),
                SessionCookies.configured(security.sessionKey(), security.peerToken(), security.sessionLifetime()));
    }

    static List<User> configured(Collection<UserConfig> configs, boolean embeddedBroker, String peerToken) {
        List<User> users = new ArrayList<>(HashedCredentials.honoured("User", configs, User::of, embeddedBroker));
        LOG.info("HTTP API users: {}", users.isEmpty() ? "none configured (every request for data is refused)" : users);
        if (peerToken != null && !peerToken.isBlank()) {
            users.add(new User(PEER, Role.ANALYST, null, null, HashedCredentials.sha256(peerToken.strip())));
        }
        return users;
    }

    private Users(List<User> users, SessionCookies sessions) {
        this.users = HashedCredentials.of(users);
        this.sessions = sessions;
    }

    /** For tests: sessions signed with a random key, lasting eight hours. */
    public static Users of(List<User> users) {
        return of(users, SessionCookies.configured(null, null, Duration.ofHours(8)));
    }

    /** For tests. */
    public static Users of(List<User> users, SessionCookies sessions) {
        return new Users(users, sessions);
    }

    /** The user whose token this is (a bearer token, or the token given at sign-in). */
    public Optional<User> authenticate(String token) {
        return users.find(token);
    }

    /** The session cookie value for a user who has just signed in. */
    public String startSession(User user, Instant now) {
        return sessions.issue(user, now);
    }

    /** The user of a session cookie that is still valid ({@link SessionCookies#verify}). */
    public Optional<User> authenticateSession(String cookieValue, Instant now) {
        return sessions.verify(cookieValue, this::byName, now);
    }

    /**
     * Signs out: the session of this cookie ends now, whatever the browser keeps ({@link SessionCookies#revoke});
     * the answer, when the cookie was valid, is what the other instances must be told.
     */
    public Optional<SessionCookies.Revocation> endSession(String cookieValue, Instant now) {
        return sessions.revoke(cookieValue, this::byName, now);
    }

    /** A session signed out elsewhere ends here too. */
    public void denySession(SessionCookies.Revocation revocation, Instant now) {
        sessions.deny(revocation, now);
    }

    public Duration sessionLifetime() {
        return sessions.lifetime();
    }

    private Optional<User> byName(String name) {
        return users.all().stream().filter(user -> user.name().equals(name)).findFirst();
    }
}
