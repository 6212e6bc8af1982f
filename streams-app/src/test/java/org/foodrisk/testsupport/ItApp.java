package org.foodrisk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The properties of an integration test's application on the shared test broker: its own application id, data
 * directory and port, no demo, and its own records only (it starts at the end of the shared input topics). Users are
 * added with {@link #user}.
 */
public final class ItApp {

    private ItApp() {
    }

    /** @param name a word for the test ({@code consultations}), in the application id and the data directory */
    public static Map<String, String> properties(String name) {
        try {
            Map<String, String> p = new HashMap<>(Map.of(
                    "foodrisk.bootstrap-servers", TestKafka.bootstrapServers(),
                    "foodrisk.application-id", "foodrisk-" + name + "-it-" + UUID.randomUUID(),
                    "foodrisk.data-dir", Files.createTempDirectory("foodrisk-" + name + "-it").toString(),
                    "foodrisk.demo", "false",
                    "micronaut.server.port", String.valueOf(TestCredentials.freePort())));
            p.put("foodrisk.client-properties.main.consumer.auto.offset.reset", "latest");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user signing in with {@code token}; {@code unit} and {@code district} may be null. */
    public static void user(Map<String, String> p, String name, String token, String role, String unit, String district) {
        p.put("foodrisk.users." + name + ".token-sha256", TestCredentials.tokenSha256(token));
        p.put("foodrisk.users." + name + ".role", role);
        if (unit != null) {
            p.put("foodrisk.users." + name + ".unit", unit);
        }
        if (district != null) {
            p.put("foodrisk.users." + name + ".district", district);
        }
    }
}
