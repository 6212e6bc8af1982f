package org.foodrisk.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.HeadlessChromium;
import org.foodrisk.testsupport.ItApp;
import org.foodrisk.testsupport.TestCredentials;
import org.foodrisk.testsupport.TestKafka;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import io.micronaut.http.MutableHttpRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.foodrisk.reference.Period;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.testsupport.StreamsDiagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 核查处置 cases in the whole application on the real broker (issue 15): a 不合格 result of 监督抽检
 * published on the sampling topic — twice — becomes one case of the unit of its stage and district; the
 * API lets only that unit's member act (an analyst, another unit, another district: 403); the member
 * takes it to 已处置 and the unit's 核查处置率 changes; a case left open past its (configured, short)
 * deadline turns overdue on the wall clock and counts against 按时完成率. Then the same in a headless
 * Chromium: a member of 武清's 区市场监管局 takes a case from 待核查 to 已处置 on the dashboard's 核查处置 page
 * and sees the unit's rates change; both 会商 summaries' section 六 follow. Screenshots in
 * target/dashboard-screenshots.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisposalCasesIT implements TestPropertyProvider {

    private static final String ANALYST = "it-disposal-analyst-" + UUID.randomUUID();
    private static final String WQ_MARKET = "it-disposal-wq-market-" + UUID.randomUUID();
    private static final String XQ_MARKET = "it-disposal-xq-market-" + UUID.randomUUID();
    private static final String XQ_AGRICULTURE = "it-disposal-xq-agri-" + UUID.randomUUID();
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    KafkaRuntime runtime;

    @Override
    public Map<String, String> getProperties() {
        try {
            Map<String, String> p = new HashMap<>(Map.of(
                    "foodrisk.bootstrap-servers", TestKafka.bootstrapServers(),
                    "foodrisk.application-id", "foodrisk-disposal-it-" + UUID.randomUUID(),
                    "foodrisk.data-dir", Files.createTempDirectory("foodrisk-disposal-it").toString(),
                    "foodrisk.demo", "false",
                    "micronaut.server.port", String.valueOf(TestCredentials.freePort())));
            ItApp.user(p, "it-analyst", ANALYST, "analyst", null, null);
            ItApp.user(p, "wq-market", WQ_MARKET, "unit", "区市场监管局", "120114");
            ItApp.user(p, "xq-market", XQ_MARKET, "unit", "区市场监管局", "120111");
            ItApp.user(p, "xq-agri", XQ_AGRICULTURE, "unit", "区农业农村委", "120111");
            // 省抽 cases of this app are due 20 s after the lab's report, and open cases are checked every 5 s:
            // overdue on the wall clock within the test's time. The other programs keep the statutory 90 days.
            p.put("foodrisk.disposal.deadlines.省抽", "PT20S");
            p.put("foodrisk.detect.overdue-check-every", "PT5S");
            // This test's own records only: the app starts at the end of the shared broker's input topics.
            p.put("foodrisk.client-properties.main.consumer.auto.offset.reset", "latest");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    @Test
    void aFailedResultBecomesOneCaseThatOnlyItsUnitTakesToDisposedAndTheRatesFollow() throws Exception {
        awaitStoresQueryable();
        String a = "IT-XQ-A-" + UUID.randomUUID();
        String b = "IT-XQ-B-" + UUID.randomUUID();
        String late = "IT-XQ-LATE-" + UUID.randomUUID();
        String passed = "IT-XQ-OK-" + UUID.randomUUID();
        String sampledAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(3).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String reportedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        publish(sample(a, "西青区", "流通", "区抽", true, sampledAt, reportedAt));
        publish(sample(a, "西青区", "流通", "区抽", true, sampledAt, reportedAt)); // twice: one case
        publish(sample(b, "西青区", "餐饮", "区抽", true, sampledAt, reportedAt));
        publish(sample(passed, "西青区", "流通", "区抽", false, sampledAt, reportedAt));
        JsonNode caseA = awaitCase(a, c -> true, sample(a, "西青区", "流通", "区抽", true, sampledAt, reportedAt));
        awaitCase(b, c -> true, sample(b, "西青区", "餐饮", "区抽", true, sampledAt, reportedAt));
        assertEquals("区市场监管局", caseA.path("unit").asText());
        assertEquals("待核查", caseA.path("state").asText());
        assertEquals(1, caseA.path("version").asInt(), "published twice, opened once: " + caseA);
        assertTrue(caseA.path("planTitle").asText().contains("西青区"), caseA.toString());

        JsonNode listed = Json.MAPPER.readTree(read(ANALYST, "/api/v1/disposal-cases?district=120111&unit="
                + URLEncoder.encode("区市场监管局", StandardCharsets.UTF_8)));
        assertEquals(2, count(listed.path("cases"), a, b), listed.toString());
        assertEquals(0, count(listed.path("cases"), passed, passed), "合格 opens no case");

        String dispose = "{\"action\":\"dispose\",\"measures\":[\"召回\",\"立案\"],\"note\":\"已责令召回，立案调查\"}";
        assertEquals(403, status(act(a, dispose), ANALYST), "an analyst reads only");
        assertEquals(403, status(act(a, dispose), XQ_AGRICULTURE), "another unit of the district");
        assertEquals(403, status(act(a, dispose), WQ_MARKET), "the same unit of another district");
        assertEquals(403, status(act(a, "{\"action\":\"accept\",\"unit\":\"区农业农村委\"}"), XQ_MARKET),
                "a member acts in its own unit's name only");
        assertEquals(400, status(act(a, "{\"action\":\"dispose\",\"measures\":[\"销毁\"]}"), XQ_MARKET), "not a measure");

        JsonNode before = unitRates("120111", "区市场监管局");
        assertEquals(0.0, before.path("rates").path("handlingRate").asDouble(), before.toString());
        assertTrue(summaryMarkdown("120111").contains("| 区市场监管局 | 2 | 0 | 0 | 0 | 0.0% | — |"),
                "the 会商 summary's section 六 before");

        assertEquals(202, status(act(a, "{\"action\":\"accept\"}"), XQ_MARKET));
        awaitCase(a, c -> "核查中".equals(c.path("state").asText()), null);
        assertEquals(202, status(act(a, dispose), XQ_MARKET));
        JsonNode disposed = awaitCase(a, c -> "已处置".equals(c.path("state").asText()), null);
        assertEquals("[\"召回\",\"立案\"]", disposed.path("measures").toString());
        assertEquals("xq-market", disposed.path("actions").get(1).path("by").asText(), "by is the signed-in user");

        JsonNode after = unitRates("120111", "区市场监管局");
        assertEquals(2, after.path("rates").path("received").asInt(), after.toString());
        assertEquals(50.0, after.path("rates").path("handlingRate").asDouble(), "核查处置率 1 of 2: " + after);
        assertEquals(100.0, after.path("rates").path("onTimeRate").asDouble(), "B is open but not late yet: " + after);
        JsonNode handlingTarget = after.path("targets").get(0);
        assertEquals("核查处置率", handlingTarget.path("metric").asText(), after.toString());
        assertFalse(handlingTarget.path("met").asBoolean(), "西青 2021 18.: 100 % — not met at 50 %");
        String summary = summaryMarkdown("120111");
        assertTrue(summary.contains("| 区市场监管局 | 2 | 1 | 1 | 0 | 50.0% | 100.0% |"), summary);
        assertTrue(summary.contains("核查处置率 ≥100%，本区 50.0%，未达到"), summary);

        // A 省抽 case of this app is due 20 s after its report: left open, it turns overdue on the wall clock
        // and counts against 按时完成率 (before issue 15 an open overdue case counted nowhere).
        publish(sample(late, "西青区", "流通", "省抽", true, sampledAt, reportedAt));
        JsonNode overdue = awaitCase(late, c -> c.path("overdue").asBoolean(),
                sample(late, "西青区", "流通", "省抽", true, sampledAt, reportedAt));
        assertEquals("待核查", overdue.path("state").asText());
        JsonNode withLate = unitRates("120111", "区市场监管局");
        assertEquals(1, withLate.path("rates").path("openOverdue").asInt(), withLate.toString());
        assertEquals(50.0, withLate.path("rates").path("onTimeRate").asDouble(), "1 in time of 1 disposed + 1 overdue");
    }

    @Test
    void aUnitMemberTakesACaseToDisposedOnTheDashboardAndTheUnitsRatesChange() throws Exception {
        awaitStoresQueryable();
        String sampleId = "IT-WQ-" + UUID.randomUUID();
        String sampledAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(4).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String reportedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String record = sample(sampleId, "武清区", "流通", "区抽", true, sampledAt, reportedAt);
        publish(record);
        awaitCase(sampleId, c -> true, record);

        try (HeadlessChromium chromium = HeadlessChromium.start(SCREENSHOTS)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            browser.get(server.getURL() + "/dashboard/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(WQ_MARKET);
            browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
            browser.get(server.getURL() + "/dashboard/#/disposal?district=120114");

            By row = By.cssSelector("#disposal-cases tr[data-case-id='" + sampleId + "']");
            By state = By.cssSelector("#disposal-cases tr[data-case-id='" + sampleId + "'] .case-state");
            By handling = By.cssSelector("#disposal-unit-rates tr[data-unit='区市场监管局'] .handling-rate");
            wait.until(ExpectedConditions.textToBe(state, "待核查"));
            assertEquals("0.0%", browser.findElement(handling).getText(), "one case received, none disposed");
            chromium.screenshot("7-disposal-open");

            clickIn(wait, row, "button.accept");
            wait.until(ExpectedConditions.textToBe(state, "核查中"));
            clickIn(wait, row, "input[name=measure][value='控制产品']");
            clickIn(wait, row, "input[name=measure][value='召回']");
            wait.ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(row).findElement(By.cssSelector("input.note")).sendKeys("已封存并责令召回");
                return true;
            });
            clickIn(wait, row, "button.dispose");
            wait.until(ExpectedConditions.textToBe(state, "已处置"));
            wait.until(ExpectedConditions.textToBe(handling, "100.0%"));
            assertTrue(browser.findElement(row).getText().contains("控制产品、召回"), browser.findElement(row).getText());
            assertTrue(browser.findElement(row).findElements(By.cssSelector("button")).isEmpty(), "nothing left to do");
            chromium.screenshot("8-disposal-disposed");

            JsonNode stored = Json.MAPPER.readTree(read(ANALYST, "/api/v1/disposal-cases/" + sampleId));
            assertEquals("wq-market", stored.path("actions").get(1).path("by").asText());
            String summary = summaryMarkdown("120114");
            assertTrue(summary.contains("| 区市场监管局 | 1 | 1 | 1 | 0 | 100.0% | 100.0% |"), summary);
            assertTrue(summary.contains("本区计划未设定核查处置率、按时完成率目标。"), summary);
        }
    }

    private static void clickIn(WebDriverWait wait, By row, String css) {
        // The page re-renders after every action: find the row again each time.
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(row).findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    private static String sample(String sampleId, String district, String stage, String program, boolean failed,
                                 String sampledAt, String reportedAt) {
        return """
                {"sampleId":"%s","program":"%s","agency":"区市场监管局","lab":"天津市食品安全检测技术研究院",
                 "labCode":"TJFS001","districtName":"%s","stage":"%s","foodCategory":"食用农产品",
                 "foodSubcategory":"蔬菜","foodName":"韭菜","sampledAt":"%s","reportedAt":"%s","verdict":"%s",
                 "enterprise":{"name":"%s某蔬菜摊","creditCode":"92120111MA05DISP01"},
                 "items":[%s]}
                """.formatted(sampleId, program, district, stage, sampledAt, reportedAt, failed ? "不合格" : "合格", district,
                failed ? """
                        {"item":"腐霉利","hazardClass":"农药残留","result":"0.8","unit":"mg/kg","limit":"0.2","pass":false}"""
                        : "");
    }

    private static void publish(String record) throws Exception {
        String sampleId = Json.MAPPER.readTree(record).path("sampleId").asText();
        Topic<String, String> samplingResults = TypedTopics.SAMPLING_RESULTS.asText();
        try (KafkaProducer<String, String> producer = samplingResults.producer(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "acks", "all", "enable.idempotence", true))) {
            producer.send(samplingResults.record(sampleId, record)).get();
        }
    }

    /** Until the case stores answer (Kafka Streams running, its partitions assigned). */
    private void awaitStoresQueryable() throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (status(HttpRequest.GET("/api/v1/disposal-cases"), ANALYST) == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the case store never became queryable");
    }

    /**
     * The case once it satisfies {@code until}. With auto.offset.reset=latest a record published in the moment
     * the app's consumer takes its partitions can be passed over: {@code republish} (the same record, which opens
     * no second case) is sent again every 15 s while the case has not come.
     */
    private JsonNode awaitCase(String caseId, Predicate<JsonNode> until, String republish) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Instant nextPublish = Instant.now().plusSeconds(15);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> found = tryRead("/api/v1/disposal-cases/" + caseId);
            if (found.isPresent()) {
                last = found.get();
                if (until.test(last)) {
                    return last;
                }
            } else if (republish != null && Instant.now().isAfter(nextPublish)) {
                publish(republish);
                nextPublish = Instant.now().plusSeconds(15);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("case " + caseId + " did not get there; last seen: " + last + "; last refusal: " + lastRefusal
                + StreamsDiagnosis.of(runtime.streams()));
    }

    /** This week's 会商 summary of the district, as the meeting reads it. */
    private String summaryMarkdown(String district) {
        String week = Period.weekOf(LocalDate.now(ZoneOffset.ofHours(8))).id();
        return read(ANALYST, "/api/v1/summaries/" + district + "/" + week + ".md");
    }

    private JsonNode unitRates(String district, String unit) throws Exception {
        JsonNode standing = Json.MAPPER.readTree(read(ANALYST, "/api/v1/disposal-rates?district=" + district));
        for (JsonNode row : standing.path("byUnit")) {
            if (unit.equals(row.path("unit").asText())) {
                return row;
            }
        }
        throw new AssertionError("no rates of " + unit + " in " + standing);
    }

    private Optional<JsonNode> tryRead(String path) throws Exception {
        try {
            return Optional.of(Json.MAPPER.readTree(read(ANALYST, path)));
        } catch (HttpClientResponseException e) {
            lastRefusal = e.getStatus().getCode() + " " + e.getResponse().getBody(String.class).orElse("");
            return Optional.empty();
        }
    }

    /** What the API last answered instead of a case, for the failure message. */
    private volatile String lastRefusal;

    private String read(String token, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token));
    }

    private static HttpRequest<String> act(String caseId, String body) {
        return HttpRequest.POST("/api/v1/disposal-cases/" + caseId + "/actions", body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private int status(HttpRequest<?> request, String token) {
        try {
            return http.toBlocking().exchange(((MutableHttpRequest<?>) request).bearerAuth(token))
                    .getStatus().getCode();
        } catch (HttpClientResponseException refused) {
            return refused.getStatus().getCode();
        }
    }

    private static int count(JsonNode cases, String first, String second) {
        int n = 0;
        for (JsonNode c : cases) {
            String id = c.path("caseId").asText();
            if (id.equals(first) || id.equals(second)) {
                n++;
            }
        }
        return n;
    }
}
