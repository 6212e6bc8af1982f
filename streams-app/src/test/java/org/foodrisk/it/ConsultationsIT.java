package org.foodrisk.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.foodrisk.kafka.Json;
import org.foodrisk.reference.Period;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.testsupport.HeadlessChromium;
import org.foodrisk.testsupport.ItApp;
import org.foodrisk.testsupport.ItHttp;
import org.foodrisk.testsupport.StreamsDiagnosis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 会商 records on the real broker (issue 20): 西青's 区食安办 records last week's meeting with two decisions (an
 * analyst and a unit may not); the 区市场监管局 member reports its decision 落实中 then 已落实 (the 区农业农村委 member
 * may not report on it); this week's 会商 summary then says what became of last week's decisions — one 已落实
 * today, the other 待落实 and past its date. Then the same on the dashboard in headless Chromium: the office
 * records a meeting on the 会商记录 page, the unit's member reports the decision 已落实 there, and the 会商摘要
 * page's section 七 shows it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationsIT implements TestPropertyProvider {

    private static final String ANALYST = "it-consult-analyst-" + UUID.randomUUID();
    private static final String OFFICE = "it-consult-office-" + UUID.randomUUID();
    private static final String MARKET = "it-consult-market-" + UUID.randomUUID();
    private static final String AGRICULTURE = "it-consult-agri-" + UUID.randomUUID();
    private static final String CITY_OFFICE = "it-consult-city-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final ZoneOffset TIANJIN = ZoneOffset.ofHours(8);
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    KafkaRuntime runtime;

    private ItHttp web;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = ItApp.properties("consultations");
        ItApp.user(p, "it-analyst", ANALYST, "analyst", null, null);
        ItApp.user(p, "xq-office", OFFICE, "unit", "区食安办", "120111");
        ItApp.user(p, "xq-market", MARKET, "unit", "区市场监管局", "120111");
        ItApp.user(p, "xq-agri", AGRICULTURE, "unit", "区农业农村委", "120111");
        ItApp.user(p, "tj-office", CITY_OFFICE, "unit", "食安办", null);
        return p;
    }

    @BeforeAll
    void client() {
        web = new ItHttp(http);
    }

    @Test
    void lastWeeksDecisionsAreFollowedToDoneAndThisWeeksSummarySaysWhatBecameOfThem() throws Exception {
        awaitQueryable();
        LocalDate today = LocalDate.now(TIANJIN);
        Period lastWeek = Period.weekOf(today.minusDays(7));
        String heldAt = lastWeek.first().plusDays(4).atTime(14, 30).atOffset(TIANJIN)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME); // RFC 3339 wants the seconds toString() drops
        String meeting = """
                {"district":"120111","districtName":"西青区","period":"%s","title":"第%s周食品安全风险会商","heldAt":"%s",
                 "attendees":["区食安办","区市场监管局","区农业农村委"],
                 "risks":[{"note":"韭菜腐霉利超标在三家门店出现"}],
                 "decisions":[{"text":"韭菜专项抽检30批次","unit":"区市场监管局","dueBy":"%s"},
                              {"text":"追溯韭菜种植基地","unit":"区农业农村委","dueBy":"%s"}]}
                """.formatted(lastWeek.id(), lastWeek.id(), heldAt, today.plusDays(7), today.minusDays(1));
        assertEquals(403, web.status(ItHttp.post("/api/v1/consultations", meeting), ANALYST), "an analyst reads");
        assertEquals(403, web.status(ItHttp.post("/api/v1/consultations", meeting), MARKET), "a unit attends, the office records");
        JsonNode accepted = Json.MAPPER.readTree(http.toBlocking().retrieve(ItHttp.post("/api/v1/consultations", meeting).bearerAuth(OFFICE)));
        String id = accepted.path("consultationId").asText();
        assertTrue(id.startsWith("120111-" + lastWeek.id() + "-"), id);
        JsonNode recorded = await(id, r -> r.path("version").asInt() == 1);
        JsonNode listed = Json.MAPPER.readTree(web.read(ANALYST, "/api/v1/consultations?district=120111")).path("consultations");
        assertTrue(listed.toString().contains("\"consultationId\":\"" + id + "\""), "listed for the district: " + listed);
        assertEquals("[]", Json.MAPPER.readTree(web.read(ANALYST, "/api/v1/consultations?district=120114")).path("consultations")
                .toString(), "not 武清's");
        String first = recorded.path("decisions").get(0).path("decisionId").asText();

        assertEquals(403, web.status(ItHttp.post("/api/v1/consultations/" + id + "/progress",
                "{\"decisionId\":\"" + first + "\",\"state\":\"落实中\",\"note\":\"不是本单位的\"}"), AGRICULTURE));
        assertEquals(202, web.status(ItHttp.post("/api/v1/consultations/" + id + "/progress",
                "{\"decisionId\":\"" + first + "\",\"state\":\"落实中\",\"note\":\"已抽检12批次\"}"), MARKET));
        await(id, r -> r.path("version").asInt() == 2);
        assertEquals(202, web.status(ItHttp.post("/api/v1/consultations/" + id + "/progress",
                "{\"decisionId\":\"" + first + "\",\"state\":\"已落实\",\"note\":\"完成32批次，2批次不合格已立案\"}"), MARKET));
        JsonNode done = await(id, r -> r.path("version").asInt() == 3);
        assertEquals("已落实", done.path("decisions").get(0).path("state").asText());
        assertEquals("xq-market", done.path("decisions").get(0).path("progress").get(1).path("by").asText(),
                "by is the signed-in user");

        String summary = web.read(ANALYST, "/api/v1/summaries/120111/" + Period.weekOf(today).id() + ".md");
        assertTrue(summary.contains("## 七、会商决定落实情况"), summary);
        assertTrue(summary.contains("| 韭菜专项抽检30批次 | 区市场监管局 | " + today.plusDays(7) + " | 已落实（" + today
                + "） | 完成32批次，2批次不合格已立案 |"), summary);
        assertTrue(summary.contains("| 追溯韭菜种植基地 | 区农业农村委 | " + today.minusDays(1) + " | 待落实（超期） | — |"), summary);

        // The city meets too: its office (not limited to a district) records this week's city meeting; the city
        // summary's section 五 follows its decision and 西青's together, each meeting named with who held it.
        String cityTitle = "全市会商 " + UUID.randomUUID().toString().substring(0, 6);
        String cityMeeting = """
                {"district":"city","districtName":"天津市","period":"%s","title":"%s","heldAt":"%s",
                 "attendees":["食安办","区市场监管局"],
                 "decisions":[{"text":"全市韭菜腐霉利专项整治","unit":"区市场监管局","dueBy":"%s"}]}
                """.formatted(Period.weekOf(today).id(), cityTitle, OffsetDateTime.now(TIANJIN).minusMinutes(1)
                        .withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), today.plusDays(14));
        assertEquals(403, web.status(ItHttp.post("/api/v1/consultations", cityMeeting), OFFICE),
                "西青's office records 西青's meetings, not the city's");
        String cityId = Json.MAPPER.readTree(http.toBlocking().retrieve(ItHttp.post("/api/v1/consultations", cityMeeting)
                .bearerAuth(CITY_OFFICE))).path("consultationId").asText();
        await(cityId, r -> r.path("version").asInt() == 1);
        String city = web.read(ANALYST, "/api/v1/summaries/city/" + Period.weekOf(today).id() + ".md");
        assertTrue(city.contains("## 五、会商决定落实情况"), city);
        assertTrue(city.contains("天津市 " + cityTitle) && city.contains("| 全市韭菜腐霉利专项整治 | 区市场监管局 | "
                + today.plusDays(14) + " | 待落实 | — |"), city);
        assertTrue(city.contains("西青区 第" + lastWeek.id() + "周食品安全风险会商") && city.contains("| 韭菜专项抽检30批次 |"),
                "and the districts' decisions: " + city);
    }

    @Test
    void theOfficeRecordsAMeetingOnTheDashboardItsUnitReportsTheDecisionDoneAndTheSummaryShowsIt() throws Exception {
        awaitQueryable();
        LocalDate today = LocalDate.now(TIANJIN);
        Period lastWeek = Period.weekOf(today.minusDays(7));
        String title = "浏览器会商 " + UUID.randomUUID().toString().substring(0, 8);
        String decision = "学校食堂周边食品专项检查 " + UUID.randomUUID().toString().substring(0, 4);
        By meeting = By.xpath("//article[contains(@class,'consultation')][h3[text()='" + title + "']]");
        try (HeadlessChromium chromium = HeadlessChromium.start(SCREENSHOTS)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            chromium.signIn(server.getURL().toString(), OFFICE, PATIENCE);
            browser.get(server.getURL() + "/dashboard/#/consultations?district=120111");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#record-consultation summary"))).click();
            WebElement form = browser.findElement(By.id("consultation-form"));
            form.findElement(By.name("period")).clear();
            form.findElement(By.name("period")).sendKeys(lastWeek.id());
            form.findElement(By.name("title")).sendKeys(title);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            js.executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("heldAt")),
                    lastWeek.first().plusDays(4) + "T14:30");
            form.findElement(By.cssSelector("input[name=attendee][value='区市场监管局']")).click();
            form.findElement(By.cssSelector("input[name=attendee][value='区食安办']")).click();
            form.findElement(By.name("risks")).sendKeys("学校周边小卖部辣条投诉增多");
            form.findElement(By.cssSelector(".decision-text")).sendKeys(decision);
            new Select(form.findElement(By.cssSelector(".decision-unit"))).selectByValue("区市场监管局");
            js.executeScript("arguments[0].value = arguments[1]", form.findElement(By.cssSelector(".decision-due")),
                    today.plusDays(5).toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(meeting));
            By state = By.xpath("//article[contains(@class,'consultation')][h3[text()='" + title
                    + "']]//span[contains(@class,'decision-state')]");
            assertEquals("待落实", browser.findElement(state).getText());
            assertTrue(browser.findElement(meeting).findElements(By.cssSelector("button.report")).size() == 1,
                    "the office may report for any unit");
            assertTrue(browser.findElement(meeting).getText().contains(lastWeek.first().plusDays(4) + " 14:30"),
                    "held at the time typed, in Tianjin time whatever the browser's zone");
            chromium.screenshot("10-consultation-recorded");

            browser.findElement(By.id("sign-out")).click();
            chromium.signIn(server.getURL().toString(), MARKET, PATIENCE);
            browser.get(server.getURL() + "/dashboard/#/consultations?district=120111");
            wait.until(ExpectedConditions.visibilityOfElementLocated(meeting));
            assertTrue(browser.findElements(By.id("record-consultation")).isEmpty(), "a unit member does not record meetings");
            WebElement row = browser.findElement(meeting).findElement(By.cssSelector("tr[data-decision-id]"));
            new Select(row.findElement(By.cssSelector(".progress-state"))).selectByValue("已落实");
            row.findElement(By.cssSelector(".progress-note")).sendKeys("检查12家，责令整改2家");
            row.findElement(By.cssSelector("button.report")).click();
            try {
                wait.until(ExpectedConditions.textToBe(state, "已落实"));
            } catch (TimeoutException notDone) {
                // Seen once in CI (2026-12-07) with nothing to tell why: keep what the page and the topology said.
                Path shot = chromium.screenshot("11-consultation-decision-not-done");
                throw new AssertionError("the decision did not show 已落实 within " + PATIENCE + "; the meeting reads: "
                        + browser.findElement(meeting).getText() + "; the record: "
                        + web.read(ANALYST, "/api/v1/consultations?district=120111")
                        + "; screenshot " + shot + StreamsDiagnosis.of(runtime.streams()), notDone);
            }
            chromium.screenshot("11-consultation-decision-done");

            browser.get(server.getURL() + "/dashboard/#/summary?district=120111&period=" + Period.weekOf(today).id());
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("summary-frame")));
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains(decision));
            String page = browser.findElement(By.tagName("body")).getText();
            assertTrue(page.contains("七、会商决定落实情况"), page);
            assertTrue(page.contains("已落实（" + today + "）"), page);
            assertTrue(page.contains("检查12家，责令整改2家"), page);
            browser.switchTo().defaultContent();
            chromium.screenshot("12-summary-decisions");
        }
    }


    private JsonNode await(String id, Predicate<JsonNode> until) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = Json.MAPPER.readTree(web.read(ANALYST, "/api/v1/consultations/" + id));
                if (until.test(last)) {
                    return last;
                }
            } catch (HttpClientResponseException notYet) {
                // 404 until the processor has the record
            }
            Thread.sleep(300);
        }
        throw new AssertionError("会商 " + id + " did not get there; last seen: " + last + StreamsDiagnosis.of(runtime.streams()));
    }

    private void awaitQueryable() throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (web.status(HttpRequest.GET("/api/v1/consultations"), ANALYST) == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the 会商 store never became queryable");
    }



}
