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

import java.time.DateTimeException;

/**
 * The net under {@link RequestedValues}: date arithmetic that overflows on a value no check foresaw
 * answers 400 with a reason, not 500 with the Java message (issue 14). Logged, as a hint that a check
 * is missing.
 */
@Produces
@Singleton
@Requires(classes = {DateTimeException.class, ExceptionHandler.class})
public class BadDatesHandler implements ExceptionHandler<DateTimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(BadDatesHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, DateTimeException exception) {
        LOG.info("{} {} answered 400: {}", request.getMethodName(), LogSafe.quote(request.getPath()),
                LogSafe.quote(exception.getMessage()));
        return ApiErrors.of(HttpStatus.BAD_REQUEST, "bad-request", "a date or time is out of the range this API answers for");
    }
}
