package org.foodrisk;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.foodrisk.runtime.EmbeddedBroker;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.util.concurrent.TimeUnit;

/**
 * The foodrisk service: Kafka Streams topology, HTTP API (OpenAPI at /swagger/foodrisk-0.1.yml, Swagger UI
 * at /dashboard/api-docs.html). Every route but health, sign-in and the documents takes a bearer token
 * (or the dashboard's session cookie): the document says so, so that Swagger UI offers "Authorize".
 */
@OpenAPIDefinition(info = @Info(title = "foodrisk", version = "0.1",
        description = "Food-safety risk monitoring and early warning: alerts, actions, summaries, plans, ingestion"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A user's or publisher's token (foodrisk.users.*, foodrisk.publishers.*)")
public class Application {

    public static void main(String[] args) {
        ApplicationContext context = Micronaut.run(Application.class, args);
        context.findBean(EmbeddedBroker.class).ifPresent(broker -> {
            // The embedded broker stops last, after every Kafka client of the context has closed (issue 16).
            // JVM shutdown hooks run side by side: this one waits for Micronaut's to have closed the context.
            broker.closeAfterContext();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (context.isRunning() && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                broker.close();
            }, "embedded-broker-shutdown"));
        });
    }
}
