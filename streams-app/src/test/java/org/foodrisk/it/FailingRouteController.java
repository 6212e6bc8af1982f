package org.foodrisk.it;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * A route that fails as no handler foresaw, for the application test only: it shows what a user is
 * told when the server breaks (issue 14: never the Java message). Present only when the test sets
 * {@code foodrisk.it.failing-route}.
 */
@Controller("/api/v1/it-failure")
@Requires(property = "foodrisk.it.failing-route", value = "true")
class FailingRouteController {

    static final String SECRET = "state directory /var/lib/foodrisk/secret-store";

    @Get
    String fail() {
        throw new IllegalStateException("cannot open " + SECRET);
    }
}
