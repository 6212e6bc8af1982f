package org.foodrisk.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.foodrisk.api.access.ApiErrors;
import org.foodrisk.ingest.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The last net of the HTTP API: an exception no other handler claims answers 500 with a reference
 * number and nothing of the Java exception (issue 14: Micronaut's default answer quotes the
 * exception's message, which can carry file paths, store names or the caller's own input). The
 * reference is in the log line with the stack trace, so an operator can find the cause from what the
 * user reports.
 *
 * <p>Micronaut picks the handler of the closest exception type, so its own handlers (bad JSON,
 * conversion errors, missing arguments: 400s; {@code HttpStatusException}: its status) and
 * {@link BadDatesHandler} still answer first; only what nothing foresaw lands here.
 */
@Produces
@Singleton
@Requires(classes = {Exception.class, ExceptionHandler.class})
public class UnexpectedFailureHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        String reference = UUID.randomUUID().toString();
        LOG.error("{} {} failed unexpectedly (reference {})", request.getMethodName(), LogSafe.quote(request.getPath()),
                reference, exception);
        return ApiErrors.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the server failed to answer; an operator can find the cause in the log under reference " + reference);
    }
}
