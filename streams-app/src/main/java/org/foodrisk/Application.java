package org.foodrisk;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

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
        Micronaut.run(Application.class, args);
    }
}
