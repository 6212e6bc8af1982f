package org.foodrisk.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.testsupport.HeadlessChromium;
import org.foodrisk.testsupport.ItApp;
import org.foodrisk.testsupport.ItHttp;
import org.foodrisk.testsupport.StreamsDiagnosis;
import org.foodrisk.testsupport.TestKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 消费提示 from a confirmed alert on the real broker and the dashboard (issue 20): a 克伦特罗 result of 西青 raises
 * a RED alert; while it is 待处置 nothing may be drafted (409), and an analyst never may (403); once a unit has
 * taken it up, a member of 西青's 区食安办 drafts a 消费提示 from the alert page in headless Chromium, edits its title
 * on the 风险交流 page, and may not approve it herself (refused, a dead letter); a second member approves it there,
 * and the notice shows who approved it and when. After approval nothing changes (409).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunicationsIT implements TestPropertyProvider {

    private static final String ANALYST = "it-comm-analyst-" + UUID.randomUUID();
    private static final String ADMIN = "it-comm-admin-" + UUID.randomUUID();
    private static final String OFFICE_A = "it-comm-office-a-" + UUID.randomUUID();
    private static final String OFFICE_B = "it-comm-office-b-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    KafkaRuntime runtime;

    private ItHttp web;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = ItApp.properties("communications");
        ItApp.user(p, "it-analyst", ANALYST, "analyst", null, null);
        ItApp.user(p, "it-admin", ADMIN, "admin", null, null);
        ItApp.user(p, "office-a", OFFICE_A, "unit", "区食安办", "120111");
        ItApp.user(p, "office-b", OFFICE_B, "unit", "区食安办", "120111");
        return p;
    }

    @BeforeAll
    void client() {
        web = new ItHttp(http);
    }

    @Test
    void aConfirmedAlertBecomesAnApprovedConsumerNoticeOnlyThroughASecondPersonOfTheOffice() throws Exception {
        String sampleId = "IT-COMM-" + UUID.randomUUID();
        JsonNode alert = awaitAlert(sampleId);
        String alertId = alert.path("alertId").asText();
        String drafts = "/api/v1/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8) + "/communications";
        assertEquals(403, web.status(ItHttp.post(drafts, "{\"kind\":\"消费提示\"}"), ANALYST));
        assertEquals(409, web.status(ItHttp.post(drafts, "{\"kind\":\"消费提示\"}"), OFFICE_A), "待处置: not confirmed yet");

        String unit = alert.path("planTasks").get(0).path("leadUnits").get(0).asText();
        assertEquals(202, web.status(ItHttp.post("/api/v1/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8) + "/actions",
                "{\"action\":\"acknowledge\",\"unit\":\"" + unit + "\",\"at\":\"" + now() + "\"}"), ADMIN));
        awaitJson("/api/v1/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8), a -> "处置中".equals(a.path("status").asText()));

        try (HeadlessChromium chromium = HeadlessChromium.start(SCREENSHOTS)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            chromium.signIn(server.getURL().toString(), OFFICE_A, PATIENCE);
            browser.get(server.getURL() + "/dashboard/#/alert/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("draft-communication"))).click();
            By article = By.cssSelector("article.communication");
            wait.until(ExpectedConditions.visibilityOfElementLocated(article));
            String id = browser.findElement(article).getAttribute("data-communication-id");
            assertEquals("关于酱牛肉的消费提示", browser.findElement(By.cssSelector(".notice-title")).getText());
            assertTrue(browser.findElement(By.cssSelector(".notice-advice")).getText().contains("检疫合格证明"),
                    "兽药残留 advice");
            assertEquals("草稿", browser.findElement(By.cssSelector(".communication-status")).getText());

            browser.findElement(By.cssSelector(".edit-box summary")).click();
            WebElement title = browser.findElement(By.cssSelector(".edit-form input[name=title]"));
            title.clear();
            title.sendKeys("关于选购熟肉制品的消费提示");
            browser.findElement(By.cssSelector(".edit-form input[name=note]")).sendKeys("标题改为品类");
            browser.findElement(By.cssSelector(".edit-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice-title"), "关于选购熟肉制品的消费提示"));
            assertTrue(browser.findElement(By.cssSelector("button.approve")).getText().contains("须由他人批准"));
            chromium.screenshot("13-communication-draft");

            // The author's own approval reaches the topic and is refused there; the draft stays a draft.
            assertEquals(202, web.status(ItHttp.post("/api/v1/communications/" + id + "/approve", "{}"), OFFICE_A));

            browser.findElement(By.id("sign-out")).click();
            chromium.signIn(server.getURL().toString(), OFFICE_B, PATIENCE);
            browser.get(server.getURL() + "/dashboard/#/communications?district=120111");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                    "article[data-communication-id='" + id + "'] button.approve"))).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector(
                    "article[data-communication-id='" + id + "'] .communication-status"), "已批准"));
            assertTrue(browser.findElement(By.cssSelector("article[data-communication-id='" + id + "'] .approval"))
                    .getText().startsWith("office-b 于 "));
            chromium.screenshot("14-communication-approved");

            JsonNode approved = Json.MAPPER.readTree(web.read(ANALYST, "/api/v1/communications/" + id));
            assertEquals("office-b", approved.path("approvedBy").asText());
            assertEquals(List.of("draft", "edit", "approve"), approved.path("history").findValuesAsText("action"),
                    "the author's own approval is not in the history: " + approved);
            assertEquals("office-a", approved.path("history").get(1).path("by").asText());
            assertEquals(409, web.status(ItHttp.post("/api/v1/communications/" + id + "/edit", "{\"title\":\"改\"}"), OFFICE_A),
                    "nothing changes after approval");
        }
    }


    /** Publishes the 克伦特罗 result (again every 15 s: the app starts at the topic's end) until its alert is served. */
    private JsonNode awaitAlert(String sampleId) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Instant nextPublish = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            if (Instant.now().isAfter(nextPublish)) {
                publishClenbuterol(sampleId);
                nextPublish = Instant.now().plusSeconds(15);
            }
            try {
                for (JsonNode alert : Json.MAPPER.readTree(web.read(ANALYST, "/api/v1/alerts?district=120111&size=500"))
                        .path("alerts")) {
                    if (alert.path("evidence").toString().contains(sampleId)) {
                        return alert;
                    }
                }
            } catch (HttpClientResponseException notReady) {
                // 503 while the stores start
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no alert for " + sampleId + StreamsDiagnosis.of(runtime.streams()));
    }

    private JsonNode awaitJson(String path, Predicate<JsonNode> until) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = Json.MAPPER.readTree(web.read(ANALYST, path));
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(path + " did not get there; last: " + last);
    }

    private static void publishClenbuterol(String sampleId) throws Exception {
        String sample = """
                {"sampleId":"%s","program":"区抽","agency":"区市场监管局","lab":"天津市食品安全检测技术研究院",
                 "labCode":"TJFS001","districtCode":"120111","districtName":"西青区","stage":"流通","foodCategory":"肉制品",
                 "foodName":"酱牛肉","sampledAt":"%s","verdict":"不合格",
                 "enterprise":{"name":"西青区某熟食店","creditCode":"92120111MA05CM0001"},
                 "items":[{"item":"克伦特罗","hazardClass":"兽药残留","result":"1.6","unit":"μg/kg",
                           "limit":"不得检出","pass":false}]}
                """.formatted(sampleId, now());
        TestKafka.publishSamplingResult(sampleId, sample);
    }

    private static String now() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusMinutes(5));
    }



}
