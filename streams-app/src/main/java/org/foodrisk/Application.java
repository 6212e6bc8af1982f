package org.foodrisk;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The foodrisk service: Kafka Streams topology, HTTP API (OpenAPI at /swagger/foodrisk-0.1.yml). */
@OpenAPIDefinition(info = @Info(title = "foodrisk", version = "0.1",
        description = "Food-safety risk monitoring and early warning: alerts, actions, summaries, plans, ingestion"))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
