package org.foodrisk.api.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;

import java.util.Map;

/**
 * /health for anyone, its details (bootstrap servers, the last failure, stall state) for operators
 * only — analysts and admins ({@link Role#seesOperationalDetails}), issue 14. Load balancers and
 * probes need the status and the HTTP code, nothing more; unit members and anonymous callers get
 * just that.
 *
 * <p>Why a filter rather than {@code endpoints.health.details-visible: AUTHENTICATED}: Micronaut
 * decides that on its own principal, which this application does not use (users are found by
 * {@link AccessFilter}), and binds it before our filter runs. So the endpoint computes the details
 * for every caller and this filter takes them out of the answer for everyone but operators.
 */
@ServerFilter({"/health", "/health/**"})
public class HealthDetailsFilter {

    @ResponseFilter
    public void statusOnlyUnlessOperator(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean operator = AccessFilter.userOf(request).map(user -> user.role().seesOperationalDetails()).orElse(false);
        if (!operator) {
            response.body(Map.of("status", statusOf(response)));
        }
    }

    private static String statusOf(MutableHttpResponse<?> response) {
        Object body = response.getBody().orElse(null);
        if (body instanceof HealthResult result) {
            return result.getStatus().getName();
        }
        return response.getStatus() == HttpStatus.OK ? "UP" : "DOWN";
    }
}
