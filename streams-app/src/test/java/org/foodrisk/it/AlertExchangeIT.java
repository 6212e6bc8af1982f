package org.foodrisk.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.mirror.MirrorMaker;
import org.foodrisk.broker.LocalKraftBroker;
import org.foodrisk.kafka.Json;
import org.foodrisk.reference.Period;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.testsupport.HeadlessChromium;
import org.foodrisk.testsupport.ItApp;
import org.foodrisk.testsupport.StreamsDiagnosis;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 京津冀 预警交流 across two real clusters (issue 20): two local KRaft brokers, "tianjin" and "beijing", each with its
 * own foodrisk app, and MirrorMaker 2 between them run from the repository's documented configuration
 * (connectors/mirror-maker/foodrisk-exchange.properties; only the bootstrap servers and replication factors are the
 * test's). 武清's 区食安办 shares a 克伦特罗 alert from its page on tianjin's dashboard (headless Chromium); on beijing
 * it arrives marked with its origin — in the received-alerts API, as a {@code received} event on the live feed — and
 * its next version (签收 on tianjin) follows; beijing's analyst sees it in the feed's 外地交流预警 table and in the
 * city view (会商摘要 of 天津市（全市）, ranking and section 四), where a configured region is offered too. A record of an aborted transaction on tianjin's exchange topic never arrives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertExchangeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Path MM2_CONFIG = Path.of("..", "connectors", "mirror-maker", "foodrisk-exchange.properties");
    private static final String OFFICE = "it-exchange-office-" + UUID.randomUUID();
    private static final String MARKET = "it-exchange-market-" + UUID.randomUUID();
    private static final String ANALYST = "it-exchange-analyst-" + UUID.randomUUID();

    private final List<AutoCloseable> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalKraftBroker tianjin;
    private LocalKraftBroker beijing;
    private ApplicationContext tianjinApp;
    private ApplicationContext beijingApp;
    private MirrorMaker mirrorMaker;

    @BeforeAll
    void twoRegions() throws Exception {
        tianjin = LocalKraftBroker.start(Files.createTempDirectory("foodrisk-exchange-tianjin"), 0, Duration.ofSeconds(90));
        running.add(tianjin);
        beijing = LocalKraftBroker.start(Files.createTempDirectory("foodrisk-exchange-beijing"), 0, Duration.ofSeconds(90));
        running.add(beijing);
        // Both apps before MirrorMaker: each provisions its own exchange topic and the one its partner's alerts
        // will be mirrored to, so the topology runs before MirrorMaker has created anything.
        tianjinApp = app("exchange-tianjin", tianjin, "天津市", "beijing");
        beijingApp = app("exchange-beijing", beijing, "北京市", "tianjin");
        awaitTopic(beijing, "tianjin." + Topics.ALERT_EXCHANGE);
        mirrorMaker = new MirrorMaker(mirrorMakerConfig());
        mirrorMaker.start();
        running.add(mirrorMaker::stop);
    }

    @AfterAll
    void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private ApplicationContext app(String name, LocalKraftBroker broker, String region, String partner) {
        Map<String, String> p = ItApp.properties(name);
        p.put("foodrisk.bootstrap-servers", broker.bootstrapServers());
        p.put("foodrisk.exchange.region", region);
        p.put("foodrisk.exchange.partners", partner);
        // Fresh clusters: read the mirrored topic from its beginning, as a deployment does.
        p.remove("foodrisk.client-properties.main.consumer.auto.offset.reset");
        ItApp.user(p, "wq-office", OFFICE, "unit", "区食安办", "120114");
        ItApp.user(p, "wq-market", MARKET, "unit", "区市场监管局", "120114");
        ItApp.user(p, "analyst", ANALYST, "analyst", null, null);
        p.put("foodrisk.regions.huancheng.name", "环城四区");
        p.put("foodrisk.regions.huancheng.districts", "120110,120111,120112,120113");
        ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(p)).getApplicationContext();
        running.add(context::close);
        return context;
    }

    /** The repository's MirrorMaker 2 configuration, pointed at the two local single-broker clusters. */
    private Map<String, String> mirrorMakerConfig() throws Exception {
        Map<String, String> config = Utils.propsToStringMap(Utils.loadProps(MM2_CONFIG.toString()));
        assertEquals("tianjin, beijing", config.get("clusters"), "the documented configuration names both regions");
        config.put("tianjin.bootstrap.servers", tianjin.bootstrapServers());
        config.put("beijing.bootstrap.servers", beijing.bootstrapServers());
        config.replaceAll((key, value) -> key.endsWith("replication.factor") ? "1" : value);
        return config;
    }

    @Test
    void anAlertSharedInTianjinArrivesInBeijingMarkedWithItsOriginAndFollowsItsLaterVersions() throws Exception {
        List<String> feed = openFeed(beijingApp);
        String sampleId = "IT-EXCHANGE-" + UUID.randomUUID();
        writeAbortedThenCommitted();
        JsonNode alert = awaitAlert(sampleId);
        String alertId = alert.path("alertId").asText();

        assertEquals(403, post(tianjinApp, MARKET, "/api/v1/alerts/" + alertId + "/actions",
                "{\"action\":\"share\",\"note\":\"不是食安办\"}"), "only the office shares");
        try (HeadlessChromium chromium = HeadlessChromium.start(SCREENSHOTS)) {
            // 武清's office shares the alert from its page on tianjin's dashboard.
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            chromium.signIn(url(tianjinApp), OFFICE, PATIENCE);
            browser.get(url(tianjinApp) + "/dashboard/#/alert/" + alertId);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("act-share")));
            browser.findElement(By.id("exchange-note")).sendKeys("涉事猪肉来自外省屠宰场，请关注同批次产品。");
            browser.findElement(By.id("act-share")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("exchange-state"), "已通报交流：wq-office"));
            chromium.screenshot("30-exchange-shared");
        }

        JsonNode received = awaitReceived(alertId, r -> r.path("alert").path("version").asInt() >= 2);
        assertEquals("tianjin", received.path("origin").asText(), "the origin is the partner's MirrorMaker alias");
        assertEquals("天津市", received.path("originRegion").asText());
        assertEquals("wq-office", received.path("sharedBy").asText());
        assertEquals("涉事猪肉来自外省屠宰场，请关注同批次产品。", received.path("note").asText());
        assertEquals("武清区", received.path("alert").path("districtName").asText());
        assertEquals(alert.path("headline").asText(), received.path("alert").path("headline").asText());
        assertEquals(409, post(tianjinApp, OFFICE, "/api/v1/alerts/" + alertId + "/actions",
                "{\"action\":\"share\"}"), "shared once");

        awaitLine(feed, line -> line.startsWith("data:") && line.contains("\"origin\":\"tianjin\"")
                && line.contains("\"alertId\":\"" + alertId + "\""), "the shared alert on beijing's live feed");
        assertTrue(feed.stream().anyMatch(line -> line.replace(" ", "").equals("event:received")),
                "as a received event, not as one of beijing's own alerts: " + feed);

        assertEquals(202, post(tianjinApp, MARKET, "/api/v1/alerts/" + alertId + "/actions",
                "{\"action\":\"acknowledge\",\"unit\":\"区市场监管局\"}"));
        JsonNode later = awaitReceived(alertId, r -> r.path("alert").path("version").asInt() >= 3);
        assertEquals("处置中", later.path("alert").path("status").asText(), "the partner sees it taken up");

        String week = Period.weekOf(LocalDate.now(ZoneOffset.ofHours(8))).id();
        try (HeadlessChromium chromium = HeadlessChromium.start(SCREENSHOTS)) {
            // beijing's analyst: the feed's 外地交流预警 table, then the city view with its section 四.
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            chromium.signIn(url(beijingApp), ANALYST, PATIENCE);
            browser.get(url(beijingApp) + "/dashboard/#/feed");
            By row = By.cssSelector("tr[data-received-key='tianjin/" + alertId + "']");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "处置中"));
            String rowText = browser.findElement(row).getText();
            assertTrue(rowText.contains("外地") && rowText.contains("天津市（tianjin）")
                    && rowText.contains("请关注同批次产品"), rowText);
            assertTrue(browser.findElements(By.cssSelector("#alert-rows tr[data-alert-id='" + alertId + "']")).isEmpty(),
                    "not among beijing's own alerts");
            chromium.screenshot("31-exchange-received-feed");

            browser.get(url(beijingApp) + "/dashboard/#/summary?district=city&period=" + week);
            assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#summary-form select[name=district]")))
                    .getText().contains("环城四区"), "a configured region is offered beside the city");
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("summary-frame")));
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("四、外地交流预警"));
            String page = browser.findElement(By.tagName("body")).getText();
            assertTrue(page.contains("天津市食品安全风险会商摘要") && page.contains("二、各区风险排名"), page);
            assertTrue(page.contains("天津市（tianjin）") && page.contains(alert.path("headline").asText()), page);
            browser.switchTo().defaultContent();
            chromium.screenshot("32-exchange-city-summary");
        }
        String summary = get(beijingApp, ANALYST, "/api/v1/summaries/city/" + week + ".md").body();
        assertTrue(summary.contains("## 四、外地交流预警"), summary);
        assertTrue(summary.contains("天津市（tianjin）") && summary.contains(alert.path("headline").asText()), summary);

        JsonNode all = Json.MAPPER.readTree(get(beijingApp, ANALYST, "/api/v1/received-alerts").body()).path("receivedAlerts");
        assertTrue(all.toString().contains("\"alertId\":\"COMMITTED-" + runId + "\""), "the committed record arrived: " + all);
        assertFalse(all.toString().contains("ABORTED-" + runId), "never a record of an aborted transaction: " + all);
        assertEquals(0, countOrigin(tianjinApp, "tianjin"), "tianjin receives nothing of its own back");
    }

    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private int countOrigin(ApplicationContext app, String origin) throws Exception {
        return Json.MAPPER.readTree(get(app, ANALYST, "/api/v1/received-alerts?origin=" + origin).body())
                .path("receivedAlerts").size();
    }

    /**
     * On tianjin's exchange topic, in one partition: a record in a transaction that is aborted, then one in a
     * transaction that commits. MirrorMaker must copy the second and never the first.
     */
    private void writeAbortedThenCommitted() throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, tianjin.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-exchange-" + runId);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ALERT_EXCHANGE, 0, "ABORTED-" + runId, exchanged("ABORTED-" + runId))).get();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ALERT_EXCHANGE, 0, "COMMITTED-" + runId, exchanged("COMMITTED-" + runId))).get();
            producer.commitTransaction();
        }
    }

    private static String exchanged(String alertId) {
        return """
                {"originRegion":"天津市","alert":{"alertId":"%s","version":1,"status":"待处置","level":"YELLOW",
                 "kind":"sampling.failure","headline":"测试记录","firstDetectedAt":"%s","updatedAt":"%s"},
                 "sharedBy":"it","sharedAt":"%s"}
                """.formatted(alertId, now(), now(), now());
    }

    private JsonNode awaitAlert(String sampleId) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Instant nextPublish = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            if (Instant.now().isAfter(nextPublish)) {
                publishClenbuterol(sampleId);
                nextPublish = Instant.now().plusSeconds(15);
            }
            HttpResponse<String> page = get(tianjinApp, ANALYST, "/api/v1/alerts?district=120114&size=500");
            if (page.statusCode() == 200) {
                for (JsonNode alert : Json.MAPPER.readTree(page.body()).path("alerts")) {
                    if (alert.path("evidence").toString().contains(sampleId)) {
                        return alert;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no alert for " + sampleId
                + StreamsDiagnosis.of(tianjinApp.getBean(KafkaRuntime.class).streams()));
    }

    private JsonNode awaitReceived(String alertId, Predicate<JsonNode> until) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(beijingApp, ANALYST, "/api/v1/received-alerts/tianjin/" + alertId);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode received = Json.MAPPER.readTree(response.body());
                if (until.test(received)) {
                    return received;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("beijing did not receive " + alertId + " as expected; last: " + last
                + StreamsDiagnosis.of(beijingApp.getBean(KafkaRuntime.class).streams()));
    }

    private void publishClenbuterol(String sampleId) throws Exception {
        String sample = """
                {"sampleId":"%s","program":"区抽","agency":"区市场监管局","lab":"天津市食品安全检测技术研究院",
                 "labCode":"TJFS001","districtCode":"120114","districtName":"武清区","stage":"流通","foodCategory":"畜禽肉及副产品",
                 "foodName":"猪肉","sampledAt":"%s","verdict":"不合格",
                 "enterprise":{"name":"武清区某肉店","creditCode":"92120114MA05EX0001"},
                 "items":[{"item":"克伦特罗","hazardClass":"兽药残留","result":"1.6","unit":"μg/kg",
                           "limit":"不得检出","pass":false}]}
                """.formatted(sampleId, now());
        try (KafkaProducer<String, String> producer = TypedTopics.SAMPLING_RESULTS.asText().producer(Map.of(
                "bootstrap.servers", tianjin.bootstrapServers(), "acks", "all", "enable.idempotence", true))) {
            producer.send(TypedTopics.SAMPLING_RESULTS.asText().record(sampleId, sample)).get();
        }
    }

    private static String now() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusMinutes(5));
    }

    private static void awaitTopic(LocalKraftBroker broker, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline)) {
                if (admin.listTopics().names().get().contains(topic)) {
                    return;
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("MirrorMaker did not create " + topic);
    }

    /** beijing's live feed (GET /api/v1/alerts/stream), its lines collected as they come. */
    private List<String> openFeed(ApplicationContext app) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(uri(app, "/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + ANALYST).header("Accept", "text/event-stream").GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        return lines;
    }

    private static void awaitLine(List<String> lines, Predicate<String> wanted, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (lines.stream().anyMatch(wanted)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no " + what + " in " + lines);
    }

    private static String url(ApplicationContext app) {
        return "http://localhost:" + app.getBean(EmbeddedServer.class).getPort();
    }

    private URI uri(ApplicationContext app, String path) {
        return URI.create("http://localhost:" + app.getBean(EmbeddedServer.class).getPort() + path);
    }

    private HttpResponse<String> get(ApplicationContext app, String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(app, path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int post(ApplicationContext app, String token, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(app, path)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
