package org.foodrisk.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.RecordIntake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.io.IOException;

/**
 * One HTTP ingestion request, without HTTP: the limits, who may publish what, intake of every
 * record by the topology's own {@link RecordIntake} (so HTTP refuses exactly what the topology
 * would dead-letter), then the accepted records written and their acknowledgements awaited.
 *
 * <p>A request that publishes as someone else is refused whole (403): nothing of it is written.
 * Otherwise the valid records of a batch are written even when others are refused.
 */
public final class Ingestion {

    /**
     * Where accepted records go (the Kafka producer; a fake in unit tests), with the publisher the
     * credential makes them ({@link Publisher#publisherOf}), which the producer writes in the
     * {@value org.foodrisk.ingest.Provenance#HEADER} header.
     */
    public interface Sink {
        Future<RecordMetadata> send(String topic, String key, byte[] value, String publisher);
    }

    /** What to answer. */
    public sealed interface Outcome {
    }

    /** Per-record results: 200 when a record was written, 400 when none was valid, 503 when none could be written. */
    public record Answer(int status, List<RecordResult> results) implements Outcome {
        public long accepted() {
            return results.stream().filter(RecordResult::isAccepted).count();
        }
    }

    /** The request as a whole is refused (403, 413); nothing of it was written. */
    public record Refusal(int status, String error, String reason) implements Outcome {
    }

    /** The largest record a contract topic accepts (max.message.bytes 1 MiB, less room for the key and headers). */
    static final int MAX_RECORD_BYTES = 1_000_000;

    /** Reads a record only to find its id and identity when intake refused it: no duplicate-key check. */
    private static final ObjectMapper LENIENT = new ObjectMapper();

    private final RecordIntake intake;
    private final IngestSettings settings;
    private final Sink sink;

    public Ingestion(RecordIntake intake, IngestSettings settings, Sink sink) {
        this.intake = intake;
        this.settings = settings;
        this.sink = sink;
    }

    public Outcome ingest(Publisher publisher, InputTopic input, byte[] body, long nowMillis) throws InterruptedException {
        if (body.length > settings.maxBodyBytes()) {
            return tooLarge(body.length);
        }
        String notAllowed = IngestPolicy.refuseInput(publisher, input);
        if (notAllowed != null) {
            return new Refusal(403, "forbidden", notAllowed);
        }
        RequestBody.Split split = RequestBody.split(body, settings.maxBatch());
        if (split instanceof RequestBody.Malformed malformed) {
            return new Answer(400, List.of(RecordResult.rejected(0, null, malformed.error(), malformed.reason())));
        }
        if (split instanceof RequestBody.TooMany tooMany) {
            return new Refusal(413, "batch-too-large", "a batch holds at most " + tooMany.limit() + " records");
        }
        RequestBody.Records records = (RequestBody.Records) split;

        List<RecordResult> results = new ArrayList<>();
        List<IntakeResult.Accepted> accepted = new ArrayList<>();
        List<Integer> acceptedIndex = new ArrayList<>();
        for (int i = 0; i < records.records().size(); i++) {
            byte[] record = records.records().get(i);
            JsonNode lenient = lenient(record);
            String id = idOf(input, lenient);
            if (record.length > MAX_RECORD_BYTES) {
                results.add(RecordResult.rejected(i, id, "too-large", "the record has " + record.length
                        + " bytes; a record may have at most " + MAX_RECORD_BYTES));
                continue;
            }
            IntakeResult result = intake.accept(input, null, record, nowMillis);
            JsonNode judged = result instanceof IntakeResult.Accepted ok ? ok.normalized() : lenient;
            String asSomeoneElse = IngestPolicy.refuseIdentity(publisher, input, judged);
            if (asSomeoneElse != null) {
                return new Refusal(403, "forbidden", (records.batch() ? "record " + i + ": " : "") + asSomeoneElse
                        + "; nothing of this request was written");
            }
            if (result instanceof IntakeResult.Accepted ok) {
                accepted.add(ok);
                acceptedIndex.add(i);
                results.add(null); // filled in once written
            } else {
                IntakeResult.Rejected rejected = (IntakeResult.Rejected) result;
                results.add(RecordResult.rejected(i, id, rejected.error(), rejected.reason()));
            }
        }

        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (int k = 0; k < accepted.size(); k++) {
            IntakeResult.Accepted ok = accepted.get(k);
            sends.add(sink.send(input.topic(), ok.id(), records.records().get(acceptedIndex.get(k)),
                    publisher.publisherOf(input, ok.normalized())));
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        boolean anyWritten = false;
        boolean anyNotWritten = false;
        for (int k = 0; k < sends.size(); k++) {
            int index = acceptedIndex.get(k);
            String id = accepted.get(k).id();
            try {
                RecordMetadata written = sends.get(k).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                results.set(index, RecordResult.accepted(index, id, written.partition(), written.offset()));
                anyWritten = true;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                results.set(index, RecordResult.rejected(index, id, "not-written", "the broker did not acknowledge the "
                        + "record within " + settings.sendTimeout().toSeconds() + " s (" + cause.getClass().getSimpleName()
                        + "); send it again: the same id is never counted twice"));
                anyNotWritten = true;
            }
        }
        int status = anyWritten ? 200 : anyNotWritten ? 503 : 400;
        return new Answer(status, List.copyOf(results));
    }

    private Refusal tooLarge(long length) {
        return new Refusal(413, "too-large", "the body has " + length + " bytes; at most " + settings.maxBodyBytes()
                + " are accepted (send a smaller batch)");
    }

    /** The 413 for a Content-Length above the limit, before the body is read. */
    public Refusal tooLargeByHeader(long contentLength) {
        return tooLarge(contentLength);
    }

    private static JsonNode lenient(byte[] record) {
        try {
            return LENIENT.readTree(record);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String idOf(InputTopic input, JsonNode record) {
        if (record == null || !record.isObject()) {
            return null;
        }
        JsonNode id = record.get(input.idField());
        return id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
    }

}
