package org.foodrisk.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Alert ids are derived from the detection's dedup key, so that every instance, every replay and
 * every restart gives the same risk the same id — the property that makes "one alert per key"
 * hold across crashes, and lets actions (keyed by alertId) meet their alert on one partition.
 */
public final class AlertIds {

    private AlertIds() {
    }

    public static String of(String dedupKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
            return "FR-" + HexFormat.of().formatHex(digest, 0, 8).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
