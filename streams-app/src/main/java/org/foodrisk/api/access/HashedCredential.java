package org.foodrisk.api.access;

/**
 * A configured credential known only by the SHA-256 of its token: an HTTP publisher or a user.
 *
 * @see HashedCredentials
 */
public interface HashedCredential {

    /** The configuration name, used in logs (never the token). */
    String name();

    /** The 32 bytes of the token's SHA-256. */
    byte[] tokenSha256();
}
