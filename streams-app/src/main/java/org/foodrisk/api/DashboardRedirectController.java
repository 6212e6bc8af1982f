package org.foodrisk.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

/** The service's root leads to the analysts' dashboard at /dashboard/. */
@Controller
@Hidden
public class DashboardRedirectController {

    private static final URI DASHBOARD = URI.create("/dashboard/");

    @Get
    public HttpResponse<?> root() {
        return HttpResponse.seeOther(DASHBOARD);
    }
}
