package org.foodrisk.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

/**
 * The service's root leads to the analysts' dashboard at /dashboard/; the usual addresses of API
 * documentation ({@code /swagger}, {@code /swagger-ui}, {@code /api-docs}) lead to Swagger UI over the
 * OpenAPI document (issue 16: {@code /swagger} answered 401 and there was no UI).
 */
@Controller
@Hidden
public class DashboardRedirectController {

    private static final URI DASHBOARD = URI.create("/dashboard/");
    public static final String API_DOCS = "/dashboard/api-docs.html";

    @Get
    public HttpResponse<?> root() {
        return HttpResponse.seeOther(DASHBOARD);
    }

    @Get(uris = {"/swagger", "/swagger-ui", "/api-docs"})
    public HttpResponse<?> apiDocs() {
        return HttpResponse.seeOther(URI.create(API_DOCS));
    }
}
