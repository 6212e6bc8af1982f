package org.foodrisk.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intake of the four contract inputs: normalization, text extraction and the refusals. */
class RecordIntakeTest {

    private static final long PUBLISHED = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();
    private final RecordIntake intake = new RecordIntake(Duration.ofDays(1));

    private IntakeResult accept(InputTopic input, String key, String json) {
        return intake.accept(input, key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8), PUBLISHED);
    }

    private IntakeResult.Accepted accepted(InputTopic input, String key, String json) {
        IntakeResult result = accept(input, key, json);
        if (result instanceof IntakeResult.Rejected rejected) {
            throw new AssertionError("refused: " + rejected.reason());
        }
        return (IntakeResult.Accepted) result;
    }

    private String rejectionOf(InputTopic input, String key, String json) {
        return assertInstanceOf(IntakeResult.Rejected.class, accept(input, key, json)).error();
    }

    @Test
    void samplingSynonymsAndDistrictAreCanonicalized() {
        IntakeResult.Accepted result = accepted(InputTopic.SAMPLING_RESULTS, "S1", """
                {"sampleId":"S1","program":" 国家抽检 ","labCode":"L1","districtCode":"120225","foodCategory":"蔬菜",
                 "foodName":"韭菜","sampledAt":"2024-05-06T09:30:00+08:00","verdict":"不合格",
                 "items":[{"item":"腐霉利","hazardClass":"农残","result":"0.8","pass":false}]}
                """);
        SamplingResult sample = (SamplingResult) result.record();
        assertEquals("国抽", sample.program());
        assertEquals("120119", sample.districtCode(), "蓟县's former code 120225 is 蓟州区 today");
        assertEquals("蓟州区", sample.districtName());
        assertEquals("食用农产品", sample.foodCategory(), "蔬菜 is a subcategory of 食用农产品");
        assertEquals("蔬菜", result.normalized().path("foodCategoryAsWritten").asText());
        assertEquals("农药残留", sample.items().get(0).hazardClass());
        assertEquals("2024-05-06T09:30+08:00", result.eventTime().toString());
    }

    @Test
    void illnessReportsNeedADistrictAndKeepTheExposurePlace() {
        IntakeResult.Accepted result = accepted(InputTopic.ILLNESS_REPORTS, "C1", """
                {"caseId":"C1","reportingUnit":"天津市蓟州区人民医院","districtName":"蓟州","onsetAt":"2024-05-06T02:15:00+08:00",
                 "symptoms":["腹泻","呕吐"],"exposurePlace":{"name":"某中学学生食堂","type":"学校食堂"}}
                """);
        IllnessReport report = (IllnessReport) result.record();
        assertEquals("120119", report.districtCode());
        assertEquals("学校食堂", report.exposurePlace().type());
        Signal signal = SignalExtractor.extract(result);
        assertEquals(SignalType.ILLNESS, signal.type());
        assertEquals("name:120119:某中学学生食堂", signal.place().key());

        assertEquals("schema", rejectionOf(InputTopic.ILLNESS_REPORTS, "C2", """
                {"caseId":"C2","reportingUnit":"医院","onsetAt":"2024-05-06T02:15:00+08:00","symptoms":["腹泻"]}
                """), "an illness report without any district is refused");
    }

    @Test
    void complaintsGetDistrictAndFoodFromTheirText() {
        IntakeResult.Accepted result = accepted(InputTopic.COMPLAINTS, "Q1", """
                {"complaintId":"Q1","channel":"12315热线","receivedAt":"2024-05-06T10:00:00+08:00",
                 "text":"在杨村街道某超市买的韭菜，吃完后全家腹泻"}
                """);
        Complaint complaint = (Complaint) result.record();
        assertEquals("12315", complaint.channel());
        assertEquals("120114", complaint.districtCode(), "杨村街道 is in 武清区");
        assertEquals("韭菜", complaint.foodName());
        assertEquals("食用农产品", complaint.foodCategory());
        assertTrue(result.normalized().path("normalized").toString().contains("from text「杨村街道」"),
                "the matched words are kept: " + result.normalized().path("normalized"));
    }

    @Test
    void hazardWordsInTextNameTheHazardClass() {
        IntakeResult.Accepted result = accepted(InputTopic.OPINION_SIGNALS, "O9", """
                {"signalId":"O9","source":"抖音","publishedAt":"2024-05-06T10:00:00+08:00",
                 "text":"蓟州某市场的猪肉有瘦肉精？视频里说检测出来了"}
                """);
        assertEquals("非法添加", result.normalized().path("hazardClass").asText());
        assertEquals("120119", result.normalized().path("districtCode").asText());
        assertTrue(result.normalized().path("normalized").toString().contains("「瘦肉精」"));
    }

    @Test
    void opinionTextDoesNotConfuseHebeiProvinceWithHebeiDistrict() {
        IntakeResult.Accepted result = accepted(InputTopic.OPINION_SIGNALS, "O1", """
                {"signalId":"O1","source":"新浪微博","publishedAt":"2024-05-06T10:00:00+08:00",
                 "text":"河北省某地酸奶检出问题，网友称西青区超市也有售","reach":12000}
                """);
        OpinionSignal signal = (OpinionSignal) result.record();
        assertEquals("微博", signal.source());
        assertEquals("120111", signal.districtCode());
        assertEquals("乳制品", signal.foodCategory());
        assertEquals(12000, SignalExtractor.extract(result).weight());
    }

    @Test
    void refusals() {
        assertEquals("invalid-json", rejectionOf(InputTopic.COMPLAINTS, "Q", "{\"complaintId\":"));
        assertEquals("not-an-object", rejectionOf(InputTopic.COMPLAINTS, "Q", "[1,2]"));
        assertEquals("invalid-json", rejectionOf(InputTopic.COMPLAINTS, "Q",
                "{\"complaintId\":\"Q\",\"complaintId\":\"R\"}"), "duplicate keys are ambiguous");
        assertEquals("impossible-time", rejectionOf(InputTopic.COMPLAINTS, "Q3", """
                {"complaintId":"Q3","channel":"12345","receivedAt":"1924-05-06T10:00:00+08:00","text":"x"}
                """));
        assertEquals("impossible-time", rejectionOf(InputTopic.SAMPLING_RESULTS, "S4", """
                {"sampleId":"S4","program":"区抽","labCode":"L1","districtName":"武清区","foodCategory":"乳制品",
                 "foodName":"纯牛奶","sampledAt":"2024-05-06T09:30:00+08:00","reportedAt":"2024-05-01T09:30:00+08:00",
                 "verdict":"合格","items":[]}
                """));
        assertEquals("inconsistent", rejectionOf(InputTopic.SAMPLING_RESULTS, "S5", """
                {"sampleId":"S5","program":"区抽","labCode":"L1","districtName":"武清区","foodCategory":"乳制品",
                 "foodName":"纯牛奶","sampledAt":"2024-05-06T09:30:00+08:00","verdict":"合格",
                 "items":[{"item":"菌落总数","hazardClass":"微生物","pass":false}]}
                """));
        StringBuilder deep = new StringBuilder();
        deep.append("[".repeat(2000)).append("]".repeat(2000));
        assertEquals("invalid-json", rejectionOf(InputTopic.OPINION_SIGNALS, "D", deep.toString()),
                "nesting beyond 64 levels is refused before it costs anything");
    }

    @Test
    void aComplaintsDistrictTownAndCategoryComeFromItsTextWithTheWordsThatSaidThem() {
        IntakeResult.Accepted result = accepted(InputTopic.COMPLAINTS, "T1", """
                {"complaintId":"T1","channel":"12345","receivedAt":"2024-05-22T09:12:00+08:00",
                 "text":"我住在河西区，周末在杨柳青镇一家名叫“武清人家”的饭店吃的火锅，回家就拉肚子"}
                """);
        var record = result.normalized();
        assertEquals("120111", record.path("districtCode").asText(), "where the meal was, not where the diner lives");
        assertEquals("西青区", record.path("districtName").asText());
        assertEquals("杨柳青镇", record.path("town").asText());
        assertEquals("餐饮食品", record.path("foodCategory").asText());
        String marks = record.path("normalized").toString();
        assertTrue(marks.contains("districtCode, districtName: from text「杨柳青镇」"), marks);
        assertTrue(marks.contains("foodCategory: from text「饭店」"), marks);

        IntakeResult.Accepted ambiguous = accepted(InputTopic.COMPLAINTS, "T2", """
                {"complaintId":"T2","channel":"12345","receivedAt":"2024-05-22T09:12:00+08:00",
                 "text":"武清区和宝坻区的几家超市都在卖同一批问题鸡蛋"}
                """);
        assertTrue(ambiguous.normalized().path("districtCode").isMissingNode(), "two places, none chosen");
        assertTrue(ambiguous.normalized().path("normalized").toString().contains("武清区、宝坻区"));
        assertEquals("食用农产品", ambiguous.normalized().path("foodCategory").asText());
    }
}
