package org.foodrisk.api.access;

/** What every configured credential has in application.yml, whatever else it carries. */
public interface CredentialConfig {

    /** The key under its prefix (foodrisk.publishers.&lt;name&gt;, foodrisk.users.&lt;name&gt;). */
    String getName();

    /** The hex SHA-256 of the token (printf '%s' "$TOKEN" | sha256sum), never the token. */
    String getTokenSha256();

    /** A documented demo credential: honoured only on the embedded broker, never against a real cluster. */
    boolean isDemoOnly();
}
