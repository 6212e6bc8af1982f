package org.foodrisk.broker;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the broker JVM's classpath file written by the build (see streams-app/pom.xml). */
final class BrokerClasspath {

    static final String PROPERTY = "foodrisk.broker.classpath-file";

    private BrokerClasspath() {
    }

    static Path locate() {
        String configured = System.getProperty(PROPERTY, System.getenv("FOODRISK_BROKER_CLASSPATH_FILE"));
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured))
                : List.of(Path.of("target/broker.classpath"), Path.of("streams-app/target/broker.classpath"));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("No broker classpath file at " + candidates
                        + ": build first (mvn -pl streams-app -am package) or set -D" + PROPERTY));
    }

    /** The jar or classes directory holding {@link KraftBrokerMain}. */
    static String ownCodeLocation() {
        try {
            return Path.of(KraftBrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
