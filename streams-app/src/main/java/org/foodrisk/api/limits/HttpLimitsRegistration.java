package org.foodrisk.api.limits;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import jakarta.inject.Singleton;
import org.foodrisk.api.access.AccessRules;
import org.foodrisk.api.ingest.IngestController;

/**
 * Registers the {@link HttpLimitsCustomizer} with Micronaut's Netty server when the server's
 * customizer registry is created (Micronaut's documented way to reach the pipeline).
 */
@Singleton
@Requires(beans = NettyServerCustomizer.Registry.class)
final class HttpLimitsRegistration implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final HttpLimitSettings settings;
    private final HttpRefusals refusals;

    HttpLimitsRegistration(HttpLimitSettings settings, HttpRefusals refusals) {
        this.settings = settings;
        this.refusals = refusals;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new HttpLimitsCustomizer(settings,
                new OpenConnections(settings.maxConnections(), settings.maxConnectionsPerAddress()),
                new RequestRates(settings.requestsPerSecondPerAddress(), System::currentTimeMillis),
                new BodyLimits(IngestController.PATHS, AccessRules.SESSION, settings.signInMaxBodyBytes(),
                        settings.maxBodyBytes()),
                refusals));
        return registry;
    }
}
