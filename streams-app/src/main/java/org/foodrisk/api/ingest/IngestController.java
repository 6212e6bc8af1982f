package org.foodrisk.api.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.RecordIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;

/**
 * POST /api/v1/sampling-results, /illness-reports, /complaints, /opinion-signals — the four
 * contract inputs for publishers without Kafka. The body is one record or a JSON array of
 * records; the answer lists every record's fate once the broker acknowledged the written ones
 * (acks=all), so "accepted" means durable. Authentication, rate and declared size are checked by
 * {@link IngestFilter} first.
 *
 * <p>Re-sending is harmless: a record is keyed by its id, and the topology counts an id once (the
 * same content again is a re-delivery and dropped; new content under the same id is a correction
 * that replaces the earlier version — when it comes from the same publisher: every written record
 * carries its credential's publisher in a Kafka header, and new content under an id another
 * publisher owns is dead-lettered). A publisher that got no answer, a 503, or a "not-written"
 * result simply sends the same records again.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class IngestController {

    static final String SAMPLING_RESULTS = "/api/v1/sampling-results";
    static final String ILLNESS_REPORTS = "/api/v1/illness-reports";
    static final String COMPLAINTS = "/api/v1/complaints";
    static final String OPINION_SIGNALS = "/api/v1/opinion-signals";
    /** The ingestion endpoints: guarded by publishers' tokens ({@link IngestFilter}), not by users'. */
    public static final List<String> PATHS = List.of(SAMPLING_RESULTS, ILLNESS_REPORTS, COMPLAINTS,
            OPINION_SIGNALS);

    private static final Logger LOG = LoggerFactory.getLogger(IngestController.class);

    private final Ingestion ingestion;

    public IngestController(RecordIntake intake, IngestSettings settings, IngestProducer producer) {
        this.ingestion = new Ingestion(intake, settings, producer::send);
    }

    @Post(uri = SAMPLING_RESULTS, consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> samplingResults(HttpRequest<?> request, @Nullable @Body byte[] body) throws InterruptedException {
        return ingest(InputTopic.SAMPLING_RESULTS, request, body);
    }

    @Post(uri = ILLNESS_REPORTS, consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> illnessReports(HttpRequest<?> request, @Nullable @Body byte[] body) throws InterruptedException {
        return ingest(InputTopic.ILLNESS_REPORTS, request, body);
    }

    @Post(uri = COMPLAINTS, consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> complaints(HttpRequest<?> request, @Nullable @Body byte[] body) throws InterruptedException {
        return ingest(InputTopic.COMPLAINTS, request, body);
    }

    @Post(uri = OPINION_SIGNALS, consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> opinionSignals(HttpRequest<?> request, @Nullable @Body byte[] body) throws InterruptedException {
        return ingest(InputTopic.OPINION_SIGNALS, request, body);
    }

    private HttpResponse<?> ingest(InputTopic input, HttpRequest<?> request, byte[] body) throws InterruptedException {
        Publisher publisher = request.getAttribute(IngestFilter.PUBLISHER, Publisher.class).orElse(null);
        if (publisher == null) {
            // The filter always sets it; this guards against a route the filter does not cover.
            return IngestFilter.error(HttpStatus.UNAUTHORIZED, "unauthorized", "an Authorization: Bearer <token> header is required")
                    .header("WWW-Authenticate", IngestFilter.REALM);
        }
        // An empty body arrives as null (hence @Nullable: otherwise Micronaut answers its own 400
        // before this API can say "empty-body" in its own format).
        byte[] bytes = body == null ? new byte[0] : body;
        Ingestion.Outcome outcome = ingestion.ingest(publisher, input, bytes, System.currentTimeMillis());
        if (outcome instanceof Ingestion.Refusal refusal) {
            LOG.info("POST {} by {} refused ({}): {}", request.getPath(), publisher, refusal.status(), refusal.error());
            return IngestFilter.error(HttpStatus.valueOf(refusal.status()), refusal.error(), refusal.reason());
        }
        Ingestion.Answer answer = (Ingestion.Answer) outcome;
        LOG.info("POST {} by {}: {} record(s), {} accepted", request.getPath(), publisher, answer.results().size(),
                answer.accepted());
        return HttpResponse.status(HttpStatus.valueOf(answer.status())).body(answer.results());
    }
}
