package org.foodrisk.broker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the local broker JVM started by {@link LocalKraftBroker}.
 *
 * <p>It runs {@code kafka.Kafka} (the broker's own main) and watches its standard input: the
 * parent keeps that pipe open for as long as it lives, so when the parent dies — even by
 * {@code kill -9}, when no shutdown hook runs — the pipe closes and the broker shuts itself
 * down instead of lingering as an orphan that holds the port and the data directory.
 */
public final class KraftBrokerMain {

    private KraftBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(KraftBrokerMain::exitWhenParentGone, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void exitWhenParentGone() {
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // The parent never writes; anything read is ignored.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as end of stream: the parent is gone.
        }
        System.exit(0);
    }
}
