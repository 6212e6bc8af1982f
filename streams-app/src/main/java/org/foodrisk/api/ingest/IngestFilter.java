package org.foodrisk.api.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.foodrisk.api.access.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * The gate of the ingestion endpoints, before the body is read: the bearer token (401), the
 * publisher's request rate (429 with Retry-After) and a declared Content-Length above the limit
 * (413). The publisher it found is handed to {@link IngestController} as a request attribute.
 * The token itself is never logged nor kept.
 */
@ServerFilter(value = {IngestController.SAMPLING_RESULTS, IngestController.ILLNESS_REPORTS,
        IngestController.COMPLAINTS, IngestController.OPINION_SIGNALS}, methods = HttpMethod.POST)
public class IngestFilter {

    static final String PUBLISHER = "foodrisk.publisher";
    static final String REALM = ApiErrors.REALM;

    private static final Logger LOG = LoggerFactory.getLogger(IngestFilter.class);

    private final Publishers publishers;
    private final RateLimiter limiter;
    private final IngestSettings settings;

    public IngestFilter(Publishers publishers, RateLimiter limiter, IngestSettings settings) {
        this.publishers = publishers;
        this.limiter = limiter;
        this.settings = settings;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Optional<Publisher> found = publishers.authenticate(authorization);
        if (found.isEmpty()) {
            boolean given = authorization != null;
            LOG.info("{} {} refused: {} bearer token", request.getMethodName(), request.getPath(),
                    given ? "unknown or malformed" : "no");
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", given
                    ? "the bearer token is not valid" : "an Authorization: Bearer <token> header is required")
                    .header(HttpHeaders.WWW_AUTHENTICATE, given ? REALM + ", error=\"invalid_token\"" : REALM);
        }
        Publisher publisher = found.get();
        long retryAfter = limiter.retryAfterSeconds(publisher);
        if (retryAfter > 0) {
            LOG.info("{} {} by {} refused: more than {} requests a minute", request.getMethodName(), request.getPath(),
                    publisher, limiter.limitOf(publisher));
            return error(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "at most " + limiter.limitOf(publisher)
                    + " requests a minute; try again in " + retryAfter + " s")
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        long length = request.getContentLength();
        if (length > settings.maxBodyBytes()) {
            LOG.info("{} {} by {} refused: body of {} bytes", request.getMethodName(), request.getPath(), publisher, length);
            return error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", "the body has " + length + " bytes; at most "
                    + settings.maxBodyBytes() + " are accepted (send a smaller batch)");
        }
        request.setAttribute(PUBLISHER, publisher);
        return null;
    }

    static MutableHttpResponse<Map<String, String>> error(HttpStatus status, String error, String reason) {
        return ApiErrors.of(status, error, reason);
    }
}
