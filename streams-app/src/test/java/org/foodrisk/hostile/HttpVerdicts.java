package org.foodrisk.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.foodrisk.api.ingest.Ingestion;
import org.foodrisk.kafka.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the answer to one HTTP request of the corpus against what the corpus expects, whether the
 * answer came over HTTP (status and JSON body) or from {@link Ingestion} directly: the status; for
 * a request refused as a whole, its error code and reason; otherwise one result per record, each
 * refused record "rejected" with its error code and a reason, each valid one "accepted" with where
 * it was written.
 */
public final class HttpVerdicts {

    /** A record the API accepted, and where it says it wrote it. */
    public record Written(Mutation record, String topic, int partition, long offset) {
    }

    /** The problems found (empty when the answer is right) and the records written. */
    public record Checked(List<String> problems, List<Written> written) {
    }

    private HttpVerdicts() {
    }

    static List<String> check(HostileCorpus.HttpCase request, Ingestion.Outcome outcome, Tally tally) {
        if (outcome instanceof Ingestion.Refusal refusal) {
            return check(request, refusal.status(), Json.MAPPER.valueToTree(
                    Map.of("error", refusal.error(), "reason", refusal.reason())), tally).problems();
        }
        Ingestion.Answer answer = (Ingestion.Answer) outcome;
        return check(request, answer.status(), Json.MAPPER.valueToTree(answer.results()), tally).problems();
    }

    public static Checked check(HostileCorpus.HttpCase request, int status, JsonNode body, Tally tally) {
        List<String> problems = new ArrayList<>();
        List<Written> written = new ArrayList<>();
        String where = "HTTP #" + request.seq() + " " + request.attack() + " " + request.input().shortName();
        if (status != request.status()) {
            problems.add(where + ": status " + status + ", expected " + request.status() + ": " + abbreviate(body));
        }
        if (request.requestError() != null) {
            boolean right = body.isObject() && request.requestError().equals(body.path("error").asText())
                    && !body.path("reason").asText().isBlank();
            if (!right) {
                problems.add(where + ": expected the whole request refused with " + request.requestError() + ": "
                        + abbreviate(body));
            }
            request.records().forEach(r -> tally.count(r.attack(), true, body.path("error").asText(null)));
            return new Checked(problems, written);
        }
        if (!body.isArray() || body.size() != request.records().size()) {
            problems.add(where + ": expected " + request.records().size() + " result(s): " + abbreviate(body));
            request.records().forEach(r -> tally.count(r.attack(), true, "(no answer)"));
            return new Checked(problems, written);
        }
        for (int i = 0; i < body.size(); i++) {
            Mutation expected = request.records().get(i);
            JsonNode result = body.get(i);
            boolean rejected = "rejected".equals(result.path("status").asText());
            tally.count(expected.attack(), rejected, rejected ? result.path("error").asText(null) : null);
            if (result.path("index").asInt(-1) != i) {
                problems.add(where + " record " + i + ": answered with index " + result.path("index"));
            } else if (expected.refused()) {
                if (!rejected || result.path("reason").asText().isBlank()) {
                    problems.add(where + " record " + i + ": expected rejected with a reason: " + abbreviate(result));
                } else if (expected.error() != null && !expected.error().equals(result.path("error").asText())) {
                    problems.add(where + " record " + i + ": error " + result.path("error").asText() + ", expected "
                            + expected.error() + ": " + abbreviate(result));
                }
            } else if (!"accepted".equals(result.path("status").asText()) || !result.path("offset").isNumber()
                    || !expected.id().equals(result.path("id").asText())) {
                problems.add(where + " record " + i + ": expected accepted as " + expected.id() + ": " + abbreviate(result));
            } else {
                written.add(new Written(expected, request.input().topic(), result.path("partition").asInt(),
                        result.path("offset").asLong()));
            }
        }
        return new Checked(problems, written);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
