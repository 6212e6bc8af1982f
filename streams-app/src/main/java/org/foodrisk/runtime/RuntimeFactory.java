package org.foodrisk.runtime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.PlanRouter;
import org.foodrisk.topology.TopologySettings;

import java.time.ZoneId;

/** Beans that are plain objects of the domain packages. */
@Factory
class RuntimeFactory {

    @Singleton
    PlanCatalog planCatalog() {
        return PlanCatalog.bundled();
    }

    @Singleton
    PlanRouter planRouter(PlanCatalog catalog) {
        return new PlanRouter(catalog);
    }

    @Singleton
    TopologySettings topologySettings(@Value("${foodrisk.zone:Asia/Shanghai}") String zone) {
        return TopologySettings.defaults().withZone(ZoneId.of(zone));
    }
}
