package org.foodrisk.runtime;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo does not ship in the service (issue 17), and the service looks for the feeder under its real name. */
class DemoFeederCheckTest {

    @Test
    void theServiceAloneHasNoDemoFeeder() {
        assertFalse(DemoFeederCheck.feederPresent(), "the demo feeder is part of the service's classpath again");
    }

    @Test
    void theNameLookedForIsTheFeedersInItsModule() {
        // By file, from this module's directory (Maven runs tests there): the service cannot depend on the feeder.
        Path source = Path.of("..", "demo-feeder", "src", "main", "java",
                DemoFeederCheck.FEEDER_CLASS.replace('.', '/') + ".java");
        assertTrue(Files.isRegularFile(source), source.toAbsolutePath().toString());
    }
}
