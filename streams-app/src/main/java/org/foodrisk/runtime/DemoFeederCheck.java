package org.foodrisk.runtime;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says so when demo data was asked for ({@code foodrisk.demo=true}) but cannot come: the demo feeder is not part
 * of the service (module {@code demo-feeder}, put on the classpath by {@code ./run.sh}), so a service started
 * another way with the flag set would otherwise feed nothing without a word. Not when the flag is only the
 * embedded default: the service's own tests start it embedded without the feeder on purpose.
 */
@Singleton
public class DemoFeederCheck implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeederCheck.class);
    /** By name: the feeder's module depends on the service, not the other way round. */
    public static final String FEEDER_CLASS = "org.foodrisk.demo.feeder.DemoFeeder";

    private final FoodRiskSettings settings;

    public DemoFeederCheck(FoodRiskSettings settings) {
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (Boolean.TRUE.equals(settings.demo()) && !feederPresent()) {
            LOG.warn("foodrisk.demo=true, but the demo feeder ({}) is not on the classpath: no demo data will be "
                    + "published. ./run.sh puts it there (module demo-feeder).", FEEDER_CLASS);
        }
    }

    /** Whether the feeder's class file is on the classpath (looked up, not loaded). */
    public static boolean feederPresent() {
        return DemoFeederCheck.class.getClassLoader().getResource(FEEDER_CLASS.replace('.', '/') + ".class") != null;
    }
}
