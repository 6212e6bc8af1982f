package org.foodrisk.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.testsupport.ReadsFromTheEnd;
import org.foodrisk.testsupport.StreamsDiagnosis;
import org.foodrisk.testsupport.TestCredentials;
import org.foodrisk.testsupport.TestKafka;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topology.DeadLetterTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code curl} example of README.md and docs/*.md, run against the whole application on the real
 * test broker (issue 16: examples went stale unnoticed — dated weeks that were empty a week later, a
 * routing example that answered 400).
 *
 * <p>How the examples are run:
 * <ul>
 *   <li>Read from the documents by {@link DocumentedCurlExamples}: every curl command of a shell code block or
 *   of an inline code span, with the shell's quoting and line continuations; {@code $(date …)} computed in the
 *   service's zone (Asia/Shanghai), so "last week" is the week the service cuts, on the day of the run. Also
 *   every concrete {@code `GET /path`} of the text (the API table, prose — a reader tries those too; sent with
 *   the demo analyst's token, as every /api/v1 request needs a user; rows with {@code {placeholders}} or empty
 *   {@code ?a=&b=} parameter lists are descriptions, not requests) and every browser address
 *   {@code http://localhost:8080/…} (the dashboard, the Swagger UI).</li>
 *   <li>Sent by {@link CurlCommand} with {@code java.net.http.HttpClient}, reading curl's options the way curl
 *   does — not by running curl: the build machines need not have it. {@code localhost:8080} (also inside
 *   headers, e.g. an {@code Origin}) becomes this app's port; an example addressing anything else fails.</li>
 *   <li>The documented tokens are used as written: this app honours the demo users and the demo lab
 *   ({@code demo-analyst}, {@code demo-unit-120114}, {@code demo-admin}, {@code demo-lab-TJFS001}) by
 *   switching their {@code demo-only} off, the hashes staying application.yml's. Demo credentials are
 *   otherwise ignored on a broker that is not the embedded one, and the shared test broker is not (the
 *   embedded one would be a second broker on port 9092 beside the other tests). So the commands are the
 *   reader's, unchanged, and a token the README names that the yml no longer matches fails here.</li>
 *   <li>{@code <alertId>} is the first alert of the last alert list an example answered (the README signs in,
 *   lists a RED alert of 武清区, then acts on it). Another {@code <placeholder>} fails until it is taught.</li>
 * </ul>
 *
 * <p>What is asserted: the answer is 2xx, unless the example's own trailing comment starts with the status it
 * expects ({@code # 202; 403 for …} expects 202; an example refused on purpose writes {@code # 401 …}); and where
 * the documents show or describe the answer ({@link #DESCRIBED}: the alert list, the summary's markdown heading,
 * routing's fields, ingestion's per-record results, the sign-in answer and cookie, the heat map's cells, the
 * Kafka Streams state in /health), that it is there. Before the examples, this test publishes — in arrival
 * order, as a lab would — one 不合格 result: 克伦特罗 in 酱牛肉 of 武清区, sampled on the day "7 days ago" (the
 * README's summary week) and reported an hour ago, which makes a RED critical-hazard alert for the alert
 * lists, the action, the heat map and last week's summary. The app reads only its own records
 * ({@code auto.offset.reset=latest}, as DashboardBrowserIT and DisposalCasesIT).
 *
 * <p>Not run: the examples listed in {@link #NOT_RUNNABLE}, each with why (today only the live feed
 * {@code GET /api/v1/alerts/stream}, whose answer never ends). Outside the documents
 * read here: connectors/README.md's curl addresses a Kafka Connect worker's REST API (port 8083), not this
 * service; docs/contract.md has no curl command today, but is read, so one added there is run too.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeExamplesIT implements TestPropertyProvider {

    private static final Path REPOSITORY = Path.of("..");
    /** The service's zone (foodrisk.zone): the days and weeks of the examples and of the summaries. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("readme.patience", 180));
    private static final String ANALYST_TOKEN = "demo-analyst";
    private static final Pattern DOCUMENTED_ADDRESS = Pattern.compile("(?<![\\w.-])(?:localhost|127\\.0\\.0\\.1):8080(?!\\d)");
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z][A-Za-z0-9]*)>");
    private static final Pattern EXPECTED_STATUS = Pattern.compile("^(\\d{3})\\b");

    /**
     * Examples this test cannot run, by a piece of their command, with the reason. Keep it empty where possible:
     * an entry that matches no example fails the test, so the list cannot outlive the example.
     */
    private static final Map<String, String> NOT_RUNNABLE = Map.of(
            "GET /api/v1/alerts/stream", "server-sent events: the answer never ends (DashboardBrowserIT watches the"
                    + " feed deliver an alert live)");

    private final String sampleId = "IT-README-" + UUID.randomUUID();
    /** The day the README's {@code $(date -d '7 days ago' …)} names: this test's sample is taken on it. */
    private final LocalDate sampledOn = LocalDate.now(ZONE).minusDays(7);

    @Inject
    EmbeddedServer server;

    @Inject
    KafkaRuntime runtime;

    @Override
    public Map<String, String> getProperties() {
        try {
            Map<String, String> properties = new HashMap<>(Map.of(
                    "foodrisk.bootstrap-servers", TestKafka.bootstrapServers(),
                    "foodrisk.application-id", "foodrisk-readme-it-" + UUID.randomUUID(),
                    "foodrisk.data-dir", Files.createTempDirectory("foodrisk-readme-it").toString(),
                    "foodrisk.demo", "false",
                    "micronaut.server.port", String.valueOf(TestCredentials.freePort())));
            // The README's own tokens (see the class comment): the demo users and lab of application.yml.
            for (String user : List.of("demo-analyst", "demo-admin", "demo-unit-120114")) {
                properties.put("foodrisk.users." + user + ".demo-only", "false");
            }
            properties.put("foodrisk.publishers.demo-lab.demo-only", "false");
            // This test's own records only: the app starts at the end of the shared broker's input topics.
            properties.put("foodrisk.client-properties.main.consumer.auto.offset.reset", "latest");
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyCurlExampleOfTheDocumentsAnswersAsTheyDescribe() throws Exception {
        List<DocumentedCurlExamples.Example> examples = new ArrayList<>();
        examples.addAll(DocumentedCurlExamples.of(REPOSITORY.resolve("README.md"), "README.md", ZONE, ANALYST_TOKEN));
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                examples.addAll(DocumentedCurlExamples.of(doc, "docs/" + doc.getFileName(), ZONE, ANALYST_TOKEN));
            }
        }
        // A floor, so that a broken extraction (no example found) cannot pass: the documents had 10 curl commands
        // and 13 request lines and addresses on 2026-12-06.
        assertTrue(examples.size() >= 20, "examples found: " + examples);
        for (String listed : NOT_RUNNABLE.keySet()) {
            assertTrue(examples.stream().anyMatch(e -> e.asWritten().contains(listed)),
                    "NOT_RUNNABLE lists '" + listed + "', which no documented example contains any more");
        }

        publishTheSampleTheExamplesShow();

        Map<String, Map<String, String>> cookieJars = new HashMap<>();
        Map<String, String> placeholders = new HashMap<>();
        List<String> failures = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (DocumentedCurlExamples.Example example : examples) {
            Optional<String> notRunnable = NOT_RUNNABLE.entrySet().stream()
                    .filter(e -> example.asWritten().contains(e.getKey())).map(Map.Entry::getValue).findFirst();
            if (notRunnable.isPresent()) {
                report.add(example.where() + " NOT RUN: " + notRunnable.get());
                continue;
            }
            try {
                report.add(example.where() + " " + run(example, cookieJars, placeholders));
            } catch (AssertionError | RuntimeException failed) {
                failures.add(example.where() + ": " + example.asWritten() + "\n    → " + failed.getMessage());
                report.add(example.where() + " FAILED");
            }
        }
        System.out.println("ReadmeExamplesIT, " + examples.size() + " documented examples:\n  "
                + String.join("\n  ", report));
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + examples.size() + " documented examples do not"
                    + " answer as documented:\n" + String.join("\n", failures));
        }
    }

    /** Runs one example and checks its answer; what was sent and checked, for the report. */
    private String run(DocumentedCurlExamples.Example example, Map<String, Map<String, String>> cookieJars,
                       Map<String, String> placeholders) throws Exception {
        List<String> words = new ArrayList<>();
        for (String word : example.words()) {
            words.add(filledIn(DOCUMENTED_ADDRESS.matcher(word).replaceAll("localhost:" + server.getPort()), placeholders));
        }
        CurlCommand.Exchange exchange = CurlCommand.run(words, cookieJars);
        String sent = exchange.method() + " " + exchange.uri().getRawPath()
                + (exchange.uri().getRawQuery() == null ? "" : "?" + exchange.uri().getRawQuery());
        assertEquals(server.getPort(), exchange.uri().getPort(),
                "the example addresses " + exchange.uri() + ", not the documented localhost:8080");
        String answer = exchange.status() + " " + abbreviated(exchange.response().body());
        Matcher expected = EXPECTED_STATUS.matcher(example.outcome() == null ? "" : example.outcome());
        if (expected.find()) {
            assertEquals(Integer.parseInt(expected.group(1)), exchange.status(),
                    sent + ": the example's comment says " + expected.group(1) + "; answered " + answer);
        } else {
            assertTrue(exchange.status() / 100 == 2, sent + ": answered " + answer
                    + " (an example refused on purpose says so in its comment, e.g. '# 401 without a token')");
        }
        List<String> checked = new ArrayList<>();
        for (DescribedAnswer described : DESCRIBED) {
            if (described.method().equals(exchange.method()) && described.path().matcher(exchange.uri().getPath()).matches()) {
                try {
                    described.check().accept(exchange, new Context(placeholders, sampledOn, example));
                } catch (AssertionError | RuntimeException wrong) {
                    throw new AssertionError(sent + ": " + described.what() + " — " + wrong.getMessage()
                            + "; answered " + answer, wrong);
                }
                checked.add(described.what());
            }
        }
        return sent + " → " + exchange.status() + (checked.isEmpty() ? " (status only)" : "; " + String.join("; ", checked));
    }

    private static String filledIn(String word, Map<String, String> placeholders) {
        Matcher placeholder = PLACEHOLDER.matcher(word);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = placeholders.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException("placeholder <" + placeholder.group(1) + "> has no value here: "
                        + (placeholders.isEmpty() ? "none is known" : "known are " + placeholders)
                        + " (teach ReadmeExamplesIT where it comes from)");
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    private static String abbreviated(String body) {
        String flat = body == null ? "" : body.replace('\n', ' ');
        return flat.length() > 600 ? flat.substring(0, 600) + "…" : flat;
    }

    // ---- What the documents say the answers hold ----------------------------------------------------------------

    private record Context(Map<String, String> placeholders, LocalDate sampledOn, DocumentedCurlExamples.Example example) {
    }

    private record DescribedAnswer(String what, String method, Pattern path,
                                   BiConsumer<CurlCommand.Exchange, Context> check) {
        DescribedAnswer(String what, String method, String path, BiConsumer<CurlCommand.Exchange, Context> check) {
            this(what, method, Pattern.compile(path), check);
        }
    }

    private static final List<DescribedAnswer> DESCRIBED = List.of(
            new DescribedAnswer("alert list {total, page, size, alerts}, most severe first, as filtered",
                    "GET", "/api/v1/alerts", ReadmeExamplesIT::alertList),
            new DescribedAnswer("/health shows the Kafka Streams state (README Quick start)",
                    "GET", "/health", (exchange, context) -> {
                        JsonNode health = json(exchange);
                        assertEquals("UP", health.path("status").asText(), "status");
                        assertTrue(health.toString().contains("\"state\":\"RUNNING\""),
                                "no Kafka Streams state in the answer: the details are shown to analysts and admins only");
                    }),
            new DescribedAnswer("probe status", "GET", "/health/(readiness|liveness)",
                    (exchange, context) -> assertEquals("UP", json(exchange).path("status").asText())),
            new DescribedAnswer("会商 summary: markdown (.md or Accept) with its heading naming district and period, else JSON",
                    "GET", "/api/v1/summaries/\\d+/[^/]+", ReadmeExamplesIT::summary),
            new DescribedAnswer("routing {planId, plan, tasks, candidates} (planNote only for another plan), tasks with reasons",
                    "GET", "/api/v1/routing", (exchange, context) -> {
                        JsonNode routing = json(exchange);
                        for (String field : List.of("planId", "plan", "tasks", "candidates")) {
                            assertTrue(routing.has(field), "no " + field);
                        }
                        assertTrue(routing.path("tasks").size() > 0, "no responsible task");
                        for (JsonNode task : routing.path("tasks")) {
                            assertTrue(task.path("reasons").size() > 0, "a task without reasons: " + task);
                        }
                        assertTrue(routing.path("candidates").size() > 0, "no candidate clause");
                    }),
            new DescribedAnswer("one result per record {index, id, status: accepted|rejected, …}, accepted ones written",
                    "POST", "/api/v1/(sampling-results|illness-reports|complaints|opinion-signals)",
                    ReadmeExamplesIT::ingestionResults),
            new DescribedAnswer("sign-in answers {name, role, unit, district} and sets the foodrisk_session cookie",
                    "POST", "/api/v1/session", (exchange, context) -> {
                        JsonNode who = json(exchange);
                        for (String field : List.of("name", "role", "unit", "district")) {
                            assertTrue(who.has(field), "no " + field);
                        }
                        String cookie = exchange.response().headers().allValues("Set-Cookie").stream()
                                .filter(c -> c.startsWith("foodrisk_session=")).findFirst().orElse("");
                        String attributes = cookie.toLowerCase(Locale.ROOT); // attribute names ignore case
                        assertTrue(attributes.contains("httponly") && attributes.contains("samesite=strict"), "cookie: " + cookie);
                    }),
            new DescribedAnswer("the Swagger UI page", "GET", "/dashboard/api-docs.html",
                    (exchange, context) -> assertTrue(exchange.contentType().startsWith("text/html")
                            && exchange.response().body().contains("swagger-ui"), "not the Swagger UI")),
            new DescribedAnswer("heat-map cells {districtCode, foodCategory, level, openAlerts}, this test's alert among them",
                    "GET", "/api/v1/risk-matrix", (exchange, context) -> {
                        boolean found = false;
                        for (JsonNode cell : json(exchange)) {
                            found |= cell.path("districtCode").asText().equals("120114")
                                    && cell.path("foodCategory").asText().equals("肉制品")
                                    && cell.path("level").asText().equals("RED") && cell.path("openAlerts").asInt() >= 1;
                        }
                        assertTrue(found, "no open RED cell 武清区 × 肉制品");
                    }));

    private static void alertList(CurlCommand.Exchange exchange, Context context) {
        JsonNode page = json(exchange);
        JsonNode alerts = page.path("alerts");
        assertTrue(page.has("total") && alerts.isArray(), "not an alert page");
        assertTrue(alerts.size() > 0, "no alert, though this test's RED alert of 武清区 is open");
        Map<String, String> query = query(exchange.uri());
        int previous = Integer.MAX_VALUE;
        for (JsonNode alert : alerts) {
            int severity = List.of("BLUE", "YELLOW", "ORANGE", "RED").indexOf(alert.path("level").asText());
            assertTrue(severity <= previous, "not most severe first");
            previous = severity;
            if (query.containsKey("level")) {
                assertEquals(query.get("level"), alert.path("level").asText(), "level filter");
            }
            if (query.containsKey("district")) {
                assertEquals(query.get("district"), alert.path("districtCode").asText(), "district filter");
            }
        }
        if (query.containsKey("size")) {
            assertTrue(alerts.size() <= Integer.parseInt(query.get("size")), "more alerts than size");
        }
        context.placeholders().put("alertId", alerts.get(0).path("alertId").asText());
    }

    private static void summary(CurlCommand.Exchange exchange, Context context) {
        String path = exchange.uri().getPath();
        Matcher period = Pattern.compile("/api/v1/summaries/(\\d+)/(\\d{4})-(W?)(\\d{2})(\\.\\w+)?").matcher(path);
        assertTrue(period.matches(), "not a summary path: " + path);
        String accept = exchange.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Accept"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        boolean markdown = ".md".equals(period.group(5)) || accept.contains("text/markdown");
        if (!markdown) {
            if (period.group(5) == null && !accept.contains("text/html")) {
                json(exchange); // "JSON by default"; its fields are not shown in the documents
            }
            return;
        }
        assertTrue(exchange.contentType().startsWith("text/markdown"), "Content-Type " + exchange.contentType());
        String text = exchange.response().body();
        int year = Integer.parseInt(period.group(2));
        int number = Integer.parseInt(period.group(4));
        boolean week = !period.group(3).isEmpty();
        // As the README's sample: "# 武清区食品安全风险会商摘要（2026年第48周）"
        String heading = text.lines().findFirst().orElse("");
        String expected = week ? "（" + year + "年第" + number + "周）" : "（" + year + "年" + number + "月）";
        assertTrue(heading.startsWith("# ") && heading.contains("食品安全风险会商摘要") && heading.endsWith(expected),
                "heading '" + heading + "', expected it to end with " + expected);
        if ("120114".equals(period.group(1))) {
            assertTrue(heading.contains("武清区"), "heading " + heading);
            LocalDate day = context.sampledOn();
            boolean holdsTheSample = week
                    ? day.get(IsoFields.WEEK_BASED_YEAR) == year && day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == number
                    : day.getYear() == year && day.getMonthValue() == number;
            if (holdsTheSample) {
                assertTrue(text.contains("克伦特罗"), "the period's RED 克伦特罗 alert of 武清区 is not in the summary");
            }
        }
    }

    private static void ingestionResults(CurlCommand.Exchange exchange, Context context) {
        JsonNode results = json(exchange);
        JsonNode sent;
        try {
            sent = Json.MAPPER.readTree(exchange.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(results.isArray(), "not a list of results");
        assertEquals(sent.isArray() ? sent.size() : 1, results.size(), "one result per record");
        int accepted = 0;
        for (JsonNode result : results) {
            for (String field : List.of("index", "id", "status")) {
                assertTrue(result.has(field), "a result without " + field + ": " + result);
            }
            String status = result.path("status").asText();
            assertTrue(status.equals("accepted") || status.equals("rejected"), "status " + status);
            if (status.equals("accepted")) {
                accepted++;
                assertTrue(result.has("partition") && result.has("offset"), "accepted but not written: " + result);
            } else {
                assertTrue(result.hasNonNull("error") && result.hasNonNull("reason"), "rejected without a reason: " + result);
            }
        }
        assertTrue(accepted > 0, "no record of the example accepted");
    }

    private static JsonNode json(CurlCommand.Exchange exchange) {
        try {
            return Json.MAPPER.readTree(exchange.response().body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return query;
    }

    // ---- The data the examples show ---------------------------------------------------------------------------

    /**
     * A lab's 不合格 result of 武清区: 克伦特罗 in 酱牛肉 sampled on the README's "7 days ago", reported an hour ago —
     * a RED critical-hazard alert the examples list, act on, map and summarise. Waits until the API shows it.
     */
    private void publishTheSampleTheExamplesShow() throws Exception {
        awaitAlertsQueryable();
        ReadsFromTheEnd.await(runtime.streams(), PATIENCE, List.of(TypedTopics.SAMPLING_RESULTS));
        // RFC 3339 wants the seconds, which OffsetDateTime.toString() leaves out when they are 0.
        String sampledAt = sampledOn.atTime(9, 30).atOffset(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String reportedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String sample = """
                {"sampleId":"%s","program":"区抽","agency":"区市场监管局","lab":"天津市食品安全检测技术研究院",
                 "labCode":"TJFS001","districtName":"武清区","stage":"流通","foodCategory":"肉制品",
                 "foodName":"酱牛肉","sampledAt":"%s","reportedAt":"%s","verdict":"不合格",
                 "enterprise":{"name":"武清区某熟食店","creditCode":"92120222MA05RE0001"},
                 "items":[{"item":"克伦特罗","hazardClass":"兽药残留","result":"1.6","unit":"μg/kg",
                           "limit":"不得检出","pass":false}]}
                """.formatted(sampleId, sampledAt, reportedAt);
        publish(sample);
        Instant deadline = Instant.now().plus(PATIENCE);
        Instant republish = Instant.now().plusSeconds(15);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> alerts = get("/api/v1/alerts?district=120114&level=RED");
            last = alerts.statusCode() + " " + abbreviated(alerts.body());
            if (alerts.statusCode() == 200 && alerts.body().contains(sampleId)) {
                return;
            }
            if (Instant.now().isAfter(republish)) {
                // Insurance against a record passed over while the consumer took its partitions: the same record
                // again is a re-delivery, counted once.
                publish(sample);
                republish = Instant.now().plusSeconds(15);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no alert for " + sampleId + " within " + PATIENCE + "; last answer " + last
                + "; " + recordsNaming(sampleId) + StreamsDiagnosis.of(runtime.streams()));
    }

    /** For the failure message: the dead letters and alerts on the broker that name the record. */
    private static String recordsNaming(String id) {
        StringBuilder out = new StringBuilder();
        // Both topics as text, which one consumer reads alike: the message quotes what is on them.
        try (KafkaConsumer<String, String> consumer = TypedTopics.ALERTS.asText().consumer(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "group.id", "readme-it-diagnosis-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed"))) {
            consumer.subscribe(List.of(DeadLetterTopic.DEAD_LETTERS.name(), TypedTopics.ALERTS.name()));
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(id)) {
                        JsonNode value = Json.MAPPER.readTree(record.value());
                        // a dead letter's reason, not the record it carries
                        String shown = value.has("sourceTopic") ? value.path("error") + " " + value.path("reason") : record.value();
                        out.append(record.topic()).append(": ").append(abbreviated(shown)).append("; ");
                    }
                }
            }
        } catch (RuntimeException | IOException e) {
            out.append("reading the dead letters and alerts failed: ").append(e);
        }
        return out.isEmpty() ? "no dead letter or alert names it" : out.toString();
    }

    private void awaitAlertsQueryable() throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (get("/api/v1/alerts").statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the alert store never became queryable" + StreamsDiagnosis.of(runtime.streams()));
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return CurlCommand.client().send(HttpRequest.newBuilder(URI.create(server.getURL() + pathAndQuery))
                        .header("Authorization", "Bearer " + ANALYST_TOKEN).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void publish(String record) throws Exception {
        String id = Json.MAPPER.readTree(record).path("sampleId").asText();
        Topic<String, String> samplingResults = TypedTopics.SAMPLING_RESULTS.asText();
        try (KafkaProducer<String, String> producer = samplingResults.producer(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "acks", "all", "enable.idempotence", true))) {
            producer.send(samplingResults.record(id, record)).get();
        }
    }
}
