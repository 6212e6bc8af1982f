package org.foodrisk.api.access;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The dashboard's session cookie: who signed in and until when, signed —
 * {@code <name>.<expires>.<signature>} (name base64url, expiry in epoch seconds, HMAC-SHA256
 * base64url).
 *
 * <p>Why not the token itself (as the first version did): a cookie that leaks (a shared computer,
 * a proxy log) then gives a session that ends, not the user's token for good; and sessions end
 * after {@code foodrisk.security.session-lifetime} (8 hours, a working day, by default), as a
 * government system's session timeout must. Why not a server-side session store: any instance
 * behind one address checks the cookie with the same key and the same configured users, with no
 * store to share. The signed text includes the user's configured token hash, so changing or
 * removing a user's hash ends that user's sessions at once, as before.
 *
 * <p>The key: {@code foodrisk.security.session-key} when set (every instance of a deployment the
 * same); else derived from the peer token, which the instances of a deployment already share;
 * else random at start — one instance, whose sessions end when it restarts.
 *
 * <p>Signing out ends the session for good, not only the browser's copy of the cookie (issue 14): the
 * cookie's signature goes on a deny list until the cookie would have expired. Each instance holds the
 * list in memory and tells the others through a Kafka topic ({@link SessionRevocations}), which every
 * instance reads from its start — so a cookie signed out on one instance is refused by all, and after
 * a restart. Changing the user's token hash ends every session of that user everywhere.
 */
public final class SessionCookies {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration lifetime;
    /** Signatures of signed-out cookies → their expiry (epoch seconds), dropped once expired. */
    private final ConcurrentMap<String, Long> signedOut = new ConcurrentHashMap<>();

    private SessionCookies(byte[] key, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException("foodrisk.security.session-lifetime must be positive, not " + lifetime);
        }
        this.key = key.clone();
        this.lifetime = lifetime;
    }

    /** The key as configured: the session key, else derived from the peer token, else random. */
    public static SessionCookies configured(String sessionKey, String peerToken, Duration lifetime) {
        if (sessionKey != null && !sessionKey.isBlank()) {
            if (sessionKey.strip().length() < 32) {
                throw new IllegalStateException("foodrisk.security.session-key must be at least 32 characters (openssl rand -hex 32)");
            }
            return new SessionCookies(sessionKey.strip().getBytes(StandardCharsets.UTF_8), lifetime);
        }
        if (peerToken != null && !peerToken.isBlank()) {
            // Not the peer token itself: a session signature must not help anyone guess it.
            return new SessionCookies(hmac("foodrisk session key".getBytes(StandardCharsets.UTF_8),
                    peerToken.strip().getBytes(StandardCharsets.UTF_8)), lifetime);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new SessionCookies(random, lifetime);
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The cookie value for a user who signed in at {@code now}. */
    public String issue(User user, Instant now) {
        long expires = now.plus(lifetime).getEpochSecond();
        String name = ENCODER.encodeToString(user.name().getBytes(StandardCharsets.UTF_8));
        return name + "." + expires + "." + ENCODER.encodeToString(signature(user, expires));
    }

    /**
     * The user of a cookie value: empty when it is malformed, expired, signed with another key, or
     * names a user who is gone or whose token hash has changed since.
     */
    public Optional<User> verify(String value, Function<String, Optional<User>> userByName, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.strip().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String name = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            long expires = Long.parseLong(parts[1]);
            byte[] presented = DECODER.decode(parts[2]);
            if (now.getEpochSecond() >= expires || signedOut.containsKey(parts[2])) {
                return Optional.empty();
            }
            return userByName.apply(name).filter(user -> MessageDigest.isEqual(presented, signature(user, expires)));
        } catch (IllegalArgumentException malformed) { // not base64, not a number
            return Optional.empty();
        }
    }

    /** A signed-out session as instances tell each other: the cookie's signature and its expiry. */
    public record Revocation(String signature, long expiresEpochSecond) {
    }

    /**
     * Ends the session of a cookie that is still valid, on this instance; the answer is what to tell
     * the other instances ({@link SessionRevocations}). Anything else is ignored (empty), so that no
     * one fills the list with made-up values.
     */
    public Optional<Revocation> revoke(String value, Function<String, Optional<User>> userByName, Instant now) {
        if (verify(value, userByName, now).isEmpty()) {
            return Optional.empty();
        }
        String[] parts = value.strip().split("\\.", -1);
        Revocation revocation = new Revocation(parts[2], Long.parseLong(parts[1]));
        deny(revocation, now);
        return Optional.of(revocation);
    }

    /**
     * Refuses a cookie signed out on another instance (or before a restart) until it would have
     * expired. Only a valid-looking signature of a cookie not yet expired takes a place in the list.
     */
    public void deny(Revocation revocation, Instant now) {
        if (revocation.expiresEpochSecond() <= now.getEpochSecond() || revocation.signature() == null
                || !revocation.signature().matches("[A-Za-z0-9_-]{43}")) {
            return;
        }
        signedOut.values().removeIf(expires -> now.getEpochSecond() >= expires);
        signedOut.put(revocation.signature(), revocation.expiresEpochSecond());
    }

    private byte[] signature(User user, long expires) {
        String text = user.name() + "\n" + expires + "\n" + HexFormat.of().formatHex(user.tokenSha256());
        return hmac(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
