package org.foodrisk.broker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: Ctrl-C (or a SIGTERM to ./run.sh's process group) stopped the embedded broker at the same
 * moment as the app, whose Kafka clients then logged ~50–90 connection warnings while closing. The
 * broker now runs in a session (and process group) of its own, out of reach of such group signals;
 * the app stops it after its clients, with close().
 */
class LocalKraftBrokerSessionIT {

    @Test
    void theBrokerIsOutOfReachOfTheAppsGroupSignalsAndStopsOnClose(@TempDir Path dir) throws Exception {
        LocalKraftBroker broker = LocalKraftBroker.start(dir.resolve("broker"), 0, Duration.ofSeconds(90));
        try {
            String[] own = stat(Path.of("/proc/self/stat"));
            String[] brokers = stat(Path.of("/proc/" + broker.pid() + "/stat"));
            assertTrue(brokers[0].contains("java"), "the pid is the broker JVM itself (setsid execs in place): " + brokers[0]);
            assertNotEquals(own[3], brokers[3], "another process group: a group signal to the app misses it");
            assertNotEquals(own[4], brokers[4], "another session: the terminal's Ctrl-C misses it");
            assertEquals(String.valueOf(broker.pid()), brokers[4], "it leads its own session");
        } finally {
            broker.close();
        }
        assertFalse(broker.isAlive(), "close() stops it");
    }

    /** /proc/<pid>/stat after the command name: [name, state, ppid, pgrp, session, …]. */
    private static String[] stat(Path file) throws Exception {
        String text = Files.readString(file);
        int close = text.lastIndexOf(')');
        String name = text.substring(text.indexOf('(') + 1, close);
        String[] rest = text.substring(close + 2).split(" ");
        return new String[]{name, rest[0], rest[1], rest[2], rest[3]};
    }
}
