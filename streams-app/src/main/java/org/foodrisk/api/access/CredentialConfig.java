package org.foodrisk.api.access;

/**
 * What every configured credential has in application.yml, whatever else it carries (users,
 * publishers): its name under the prefix, the hash of its token, and whether it is a demo
 * credential. The subclasses add their own properties and the {@code @EachProperty} prefix.
 */
public abstract class CredentialConfig {

    private final String name;
    private String tokenSha256;
    private boolean demoOnly;

    protected CredentialConfig(String name) {
        this.name = name;
    }

    /** The key under its prefix (foodrisk.publishers.&lt;name&gt;, foodrisk.users.&lt;name&gt;). */
    public String getName() {
        return name;
    }

    /** The hex SHA-256 of the token (printf '%s' "$TOKEN" | sha256sum), never the token. */
    public String getTokenSha256() {
        return tokenSha256;
    }

    public void setTokenSha256(String tokenSha256) {
        this.tokenSha256 = tokenSha256;
    }

    /** A documented demo credential: honoured only on the embedded broker, never against a real cluster. */
    public boolean isDemoOnly() {
        return demoOnly;
    }

    public void setDemoOnly(boolean demoOnly) {
        this.demoOnly = demoOnly;
    }
}
