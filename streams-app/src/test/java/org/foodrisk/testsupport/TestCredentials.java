package org.foodrisk.testsupport;

import org.foodrisk.api.access.HashedCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HexFormat;

/** What the integration tests need to configure an application: token hashes as the yml holds them, free ports. */
public final class TestCredentials {

    private TestCredentials() {
    }

    /** The {@code token-sha256} value of a user or publisher with this token (the app's own hashing). */
    public static String tokenSha256(String token) {
        return HexFormat.of().formatHex(HashedCredentials.sha256(token));
    }

    /** A port free at the time of the call, for an application's HTTP server. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
