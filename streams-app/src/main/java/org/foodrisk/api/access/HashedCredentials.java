package org.foodrisk.api.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configured credentials and the check of a presented token against them — shared by the
 * ingestion publishers and the users of the query API and dashboard. The token is hashed and
 * compared with every configured hash in constant time (no early exit, no string equality), and
 * it is never kept or logged. Demo credentials ({@code demo-only: true}) count only on the
 * embedded broker, so a documented demo token opens nothing on a real cluster.
 *
 * @param <T> the kind of credential (publisher, user)
 */
public final class HashedCredentials<T extends HashedCredential> {

    private static final Logger LOG = LoggerFactory.getLogger(HashedCredentials.class);

    private final List<T> credentials;

    private HashedCredentials(List<T> credentials) {
        this.credentials = List.copyOf(credentials);
    }

    public static <T extends HashedCredential> HashedCredentials<T> of(List<T> credentials) {
        return new HashedCredentials<>(credentials);
    }

    /**
     * The configured credentials that count here: each checked by {@code check} (which throws on a
     * broken one, so that a typo stops the start rather than locking someone out later), demo
     * credentials dropped unless the broker is the embedded one.
     */
    public static <C extends CredentialConfig, T extends HashedCredential> List<T> honoured(
            String what, Collection<C> configs, Function<C, T> check, boolean embeddedBroker) {
        List<T> honoured = new ArrayList<>();
        for (C config : configs) {
            T credential = check.apply(config);
            if (config.isDemoOnly() && !embeddedBroker) {
                LOG.warn("{} '{}' is a demo credential (demo-only: true): ignored against a real cluster", what,
                        config.getName());
                continue;
            }
            honoured.add(credential);
        }
        return honoured;
    }

    public List<T> all() {
        return credentials;
    }

    /** The credential whose token this is; empty for null or an unknown token. */
    public Optional<T> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        T match = null;
        for (T credential : credentials) {
            // Every hash is compared, whatever matched before: the time does not tell which one did.
            if (MessageDigest.isEqual(presented, credential.tokenSha256()) && match == null) {
                match = credential;
            }
        }
        return Optional.ofNullable(match);
    }

    /** The token of an {@code Authorization: Bearer <token>} header; null when missing or another scheme. */
    public static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        if (trimmed.length() <= 7 || !trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = trimmed.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The configured hex SHA-256 as bytes.
     *
     * @param where the configuration key prefix, for the message (foodrisk.users.alice)
     * @throws IllegalStateException when it is not 64 hex digits (for example the token itself by mistake)
     */
    public static byte[] parseSha256Hex(String where, String hex) {
        String normalized = hex == null ? "" : hex.trim().toLowerCase(Locale.ROOT);
        if (!normalized.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException(where + ".token-sha256 must be the 64 hex digits of the token's SHA-256");
        }
        return HexFormat.of().parseHex(normalized);
    }
}
