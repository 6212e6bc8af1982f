package org.foodrisk.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.testsupport.HeadlessChromium;
import org.foodrisk.testsupport.ItApp;
import org.foodrisk.testsupport.ItHttp;
import org.foodrisk.testsupport.SheetCells;
import org.foodrisk.testsupport.StreamsDiagnosis;
import org.foodrisk.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 抽检信息公开 export on the real broker (issue 20), as a district office would use it: results of 西青 reported
 * in March 2023 published in arrival order — a 不合格 twice, a 合格 corrected by its lab, the same 合格 "corrected"
 * by another lab (refused), a 快检 and a record that breaks the contract — then the XLSX downloaded and read with
 * POI column by column: the 不合格 once, with its 核查处置 as the topology opened it; the 合格 as its lab corrected
 * it; neither 快检 nor the broken record; 说明 listing what the records lack. The CSV of the 合格 table and the
 * JSON preview say the same, and so does the dashboard's 抽检信息公开 page, whose XLSX link the signed-in
 * browser follows.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplingDisclosureIT implements TestPropertyProvider {

    private static final String ANALYST = "it-disclosure-analyst-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String FAILED = "IT-DISC-F-" + RUN;
    private static final String PASSED = "IT-DISC-P-" + RUN;
    private static final String RAPID = "IT-DISC-K-" + RUN;
    private static final String BROKEN = "IT-DISC-X-" + RUN;
    private static final String MOVED = "IT-DISC-M-" + RUN;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    KafkaRuntime runtime;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = ItApp.properties("disclosure");
        ItApp.user(p, "it-analyst", ANALYST, "analyst", null, null);
        return p;
    }

    private static final String FAILED_RECORD = """
            {"sampleId":"%s","program":"区抽","agency":"区市场监管局","lab":"天津市西青区食品检验所","labCode":"LAB-XQ-01",
             "districtCode":"120111","districtName":"西青区","town":"杨柳青镇","stage":"流通",
             "enterprise":{"name":"西青区某某蔬菜店","creditCode":"92120111MA06DISC1A"},"foodCategory":"食用农产品",
             "foodSubcategory":"蔬菜","foodName":"韭菜","sampledAt":"2023-03-06T09:30:00+08:00",
             "reportedAt":"2023-03-13T16:00:00+08:00","verdict":"不合格","items":[
               {"item":"腐霉利","hazardClass":"农药残留","result":0.52,"unit":"mg/kg","limit":0.2,"limitType":"≤","pass":false}],
             "specification":"散装","productionDate":"2023-03-05"}
            """.formatted(FAILED);
    private static final String PASSED_FIRST = passed("LAB-TJ-01", "250mL/盒");
    private static final String PASSED_CORRECTED = passed("LAB-TJ-01", "250mL/盒（纸盒）");
    private static final String PASSED_BY_ANOTHER_LAB = passed("LAB-OTHER-09", "1L/瓶");
    private static final String RAPID_RECORD = """
            {"sampleId":"%s","program":"快检","labCode":"KJ-120111","districtCode":"120111","districtName":"西青区",
             "foodCategory":"食用农产品","foodName":"豇豆","sampledAt":"2023-03-08T08:00:00+08:00",
             "reportedAt":"2023-03-08T09:00:00+08:00","verdict":"不合格","items":[{"item":"克百威","pass":false}]}
            """.formatted(RAPID);
    private static final String BROKEN_RECORD = """
            {"sampleId":"%s","program":"区抽","labCode":"LAB-XQ-01","districtCode":"120111","foodCategory":"糕点",
             "sampledAt":"2023-03-08T08:00:00+08:00","verdict":"合格","items":[]}
            """.formatted(BROKEN);

    /** A 合格 its lab first placed in 西青 and then corrected to 武清: not 西青's any more. */
    private static String moved(String districtCode, String districtName) {
        return """
                {"sampleId":"%s","program":"区抽","lab":"某所","labCode":"LAB-TJ-01","districtCode":"%s","districtName":"%s",
                 "foodCategory":"糕点","foodName":"面包","sampledAt":"2023-03-01T10:00:00+08:00",
                 "reportedAt":"2023-03-03T10:00:00+08:00","verdict":"合格","items":[]}
                """.formatted(MOVED, districtCode, districtName);
    }

    private static String passed(String labCode, String specification) {
        return """
                {"sampleId":"%s","program":"国抽","lab":"天津市食品安全检测技术研究院","labCode":"%s","districtCode":"120111",
                 "districtName":"西青区","town":"中北镇","enterprise":{"name":"某某超市"},"foodCategory":"乳制品",
                 "foodName":"纯牛奶","sampledAt":"2023-02-27T10:00:00+08:00","reportedAt":"2023-03-02T11:00:00+08:00",
                 "verdict":"合格","items":[],"labelledManufacturer":{"name":"某某乳业有限公司","address":"天津市某某区某某路1号"},
                 "specification":"%s","productionDate":"2023-02-01","batchNo":"A0201"}
                """.formatted(PASSED, labCode, specification);
    }

    @Test
    void aDistrictOfficeDownloadsTheMonthsTablesWithEachResultOnceAsLastCorrected() throws Exception {
        // Arrival order: the 合格 was reported first; its lab corrects it after the 不合格 came in, twice.
        publish(PASSED, PASSED_FIRST);
        publish(FAILED, FAILED_RECORD);
        publish(RAPID, RAPID_RECORD);
        publish(FAILED, FAILED_RECORD);
        publish(PASSED, PASSED_CORRECTED);
        publish(BROKEN, BROKEN_RECORD);
        publish(PASSED, PASSED_BY_ANOTHER_LAB);
        publish(MOVED, moved("120111", "西青区"));
        publish(MOVED, moved("120114", "武清区"));
        awaitCase(FAILED);

        String query = "/api/v1/sampling-disclosure?district=120111&from=2023-03-01&to=2023-03-31&announcementNo="
                + URLEncoder.encode("西青市监公告〔2023〕3号", StandardCharsets.UTF_8);
        HttpResponse<byte[]> xlsx = http.toBlocking().exchange(HttpRequest.GET(query).bearerAuth(ANALYST), byte[].class);
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.getContentType().orElseThrow()
                .toString());
        assertTrue(xlsx.header("Content-Disposition").contains("filename*=UTF-8''"), xlsx.header("Content-Disposition"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<List<String>> failed = SheetCells.of(workbook.getSheet("不合格"));
            assertEquals(List.of("序号", "抽样单编号", "标称生产企业名称", "标称生产企业地址", "被抽样单位名称", "被抽样单位所在地", "食品名称",
                    "规格型号", "生产日期/批号", "不合格项目‖检验结果‖标准值", "分类", "公告号", "公告日期", "任务来源", "检验机构", "核查处置情况"),
                    failed.get(0));
            assertEquals(List.of(List.of("1", FAILED, "", "", "西青区某某蔬菜店", "西青区杨柳青镇", "韭菜", "散装", "2023-03-05",
                    "腐霉利‖0.52mg/kg‖≤0.2mg/kg", "食用农产品", "西青市监公告〔2023〕3号", "", "区抽", "天津市西青区食品检验所",
                    "待核查（超期）；区市场监管局")), failed.subList(1, failed.size()),
                    "the 不合格 once, its case as the topology opened it (due 90 days after a report in 2023: overdue); "
                            + "no 快检");
            List<List<String>> passed = SheetCells.of(workbook.getSheet("合格"));
            assertEquals(List.of(List.of("1", PASSED, "某某乳业有限公司", "天津市某某区某某路1号", "某某超市", "西青区中北镇", "纯牛奶",
                    "250mL/盒（纸盒）", "2023-02-01/A0201", "乳制品", "西青市监公告〔2023〕3号", "", "国抽",
                    "天津市食品安全检测技术研究院")), passed.subList(1, passed.size()),
                    "as its own lab corrected it; another lab's version refused; the broken record nowhere; the result "
                            + "corrected to 武清 not 西青's");
            List<List<String>> notes = SheetCells.of(workbook.getSheet("说明"));
            assertTrue(notes.contains(List.of("不合格", "标称生产企业名称", "labelledManufacturer.name", "1 / 1")), notes.toString());
            assertTrue(notes.contains(List.of("不合格", "公告日期", "（导出参数）", "1 / 1")), notes.toString());
        }

        byte[] csv = http.toBlocking().retrieve(HttpRequest.GET(query + "&format=csv&table="
                + URLEncoder.encode("合格", StandardCharsets.UTF_8)).bearerAuth(ANALYST), byte[].class);
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3),
                StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            rows = parser.getRecords();
        }
        assertEquals(2, rows.size(), "heading and the one 合格");
        assertEquals("250mL/盒（纸盒）", rows.get(1).get(7));

        JsonNode preview = Json.MAPPER.readTree(http.toBlocking().retrieve(HttpRequest.GET(query + "&format=json")
                .bearerAuth(ANALYST)));
        assertEquals(1, preview.path("failedCount").asInt(), preview.toString());
        assertEquals(1, preview.path("passedCount").asInt(), preview.toString());
        assertEquals("西青区", preview.path("districtName").asText());

        JsonNode all = Json.MAPPER.readTree(http.toBlocking().retrieve(HttpRequest.GET(query + "&format=json&programs="
                + URLEncoder.encode("全部", StandardCharsets.UTF_8)).bearerAuth(ANALYST)));
        assertEquals(2, all.path("failedCount").asInt(), "with every program the 快检 too: " + all);

        // The same on the dashboard's 抽检信息公开 page, and its download link as the signed-in browser follows it.
        try (HeadlessChromium chromium = HeadlessChromium.start(SCREENSHOTS)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            browser.get(server.getURL() + "/dashboard/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(ANALYST);
            browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
            browser.get(server.getURL() + "/dashboard/#/disclosure?district=120111&from=2023-03-01&to=2023-03-31");
            By row = By.cssSelector("#disclosure-failed tr[data-sample-id='" + FAILED + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            assertEquals("待核查（超期）；区市场监管局", browser.findElement(row).findElement(By.cssSelector(".disposal")).getText());
            assertTrue(browser.findElement(By.id("disclosure-counts")).getText().contains("不合格 1 批次，合格 1 批次"),
                    browser.findElement(By.id("disclosure-counts")).getText());
            assertTrue(browser.findElement(By.id("disclosure-lacking")).getText().contains("labelledManufacturer.name"));
            chromium.screenshot("9-disclosure");
            String href = browser.findElement(By.id("download-xlsx")).getAttribute("href");
            Object base64 = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin'}).then((r) => r.arrayBuffer())
                      .then((b) => done(btoa(String.fromCharCode(...new Uint8Array(b))))).catch((e) => done('failed: ' + e));
                    """, href);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode((String) base64)))) {
                assertEquals(FAILED, workbook.getSheet("不合格").getRow(1).getCell(1).getStringCellValue());
            }
        }
    }

    @Test
    void aPeriodBackwardsIsABadRequestAndNobodyUnsignedExports() {
        ItHttp web = new ItHttp(http);
        String path = "/api/v1/sampling-disclosure?district=120111";
        assertEquals(400, web.status(HttpRequest.GET(path + "&from=2023-03-31&to=2023-03-01"), ANALYST));
        assertEquals(400, web.status(HttpRequest.GET(path + "&from=2022-01-01&to=2023-03-01"), ANALYST), "more than 366 days");
        assertEquals(401, web.status(HttpRequest.GET(path + "&from=2023-03-01&to=2023-03-31"), null));
    }


    private static void publish(String sampleId, String record) throws Exception {
        TestKafka.publishSamplingResult(sampleId, record);
    }

    /** Until the topology has opened the 不合格's case (republished now and then: the app starts at the topic's end). */
    private void awaitCase(String caseId) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Instant nextPublish = Instant.now().plusSeconds(15);
        String lastRefusal = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                http.toBlocking().retrieve(HttpRequest.GET("/api/v1/disposal-cases/" + caseId).bearerAuth(ANALYST));
                return;
            } catch (HttpClientResponseException e) {
                lastRefusal = e.getStatus().getCode() + " " + e.getResponse().getBody(String.class).orElse("");
            }
            if (Instant.now().isAfter(nextPublish)) {
                publish(caseId, FAILED_RECORD);
                nextPublish = Instant.now().plusSeconds(15);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("case " + caseId + " never opened; last refusal: " + lastRefusal
                + StreamsDiagnosis.of(runtime.streams()));
    }

}
