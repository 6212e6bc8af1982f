package org.foodrisk.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class DemoDataGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2024, 5, 6);

    // Enumerations of the public contract (docs/contract.md).
    private static final Set<String> PROGRAMS = Set.of("国抽", "省抽", "市抽", "区抽", "县抽", "快检", "你点我检", "例行监测",
            "风险监测", "监督抽查");
    private static final Set<String> STAGES = Set.of("种植养殖", "屠宰", "生产", "流通", "餐饮", "进口", "网络销售", "储备");
    private static final Set<String> HAZARD_CLASSES = Set.of("农药残留", "兽药残留", "重金属", "微生物", "生物毒素", "非法添加",
            "食品添加剂", "质量指标", "污染物", "其他");
    private static final Set<String> VERDICTS = Set.of("合格", "不合格");
    private static final Set<String> CHANNELS = Set.of("12315", "12345", "来信", "现场", "网络");
    private static final Set<String> ISSUES = Set.of("异物", "变质", "过期", "假冒伪劣", "标签标识", "虚假宣传", "身体不适",
            "无证经营", "卫生条件", "其他");
    private static final Set<String> SOURCES = Set.of("微博", "微信", "抖音", "新闻", "论坛", "其他");
    private static final Set<String> PLACE_TYPES = Set.of("餐饮服务单位", "学校食堂", "集体用餐单位", "家庭", "农村集体聚餐");
    /** The 35 national 大类 (DESIGN.md "Reference facts"). */
    private static final Set<String> CATEGORIES = Set.of("粮食加工品", "食用油、油脂及其制品", "调味品", "肉制品", "乳制品", "饮料",
            "方便食品", "饼干", "罐头", "冷冻饮品", "速冻食品", "薯类和膨化食品", "糖果制品", "茶叶及相关制品", "酒类", "蔬菜制品",
            "水果制品", "炒货食品及坚果制品", "蛋制品", "可可及焙烤咖啡产品", "食糖", "水产制品", "淀粉及淀粉制品", "糕点", "豆制品",
            "蜂产品", "保健食品", "特殊膳食食品", "特殊医学用途配方食品", "婴幼儿配方食品", "餐饮食品", "食品添加剂", "食用农产品",
            "食盐", "其他");
    /** GB/T 2260 codes of Tianjin's 16 districts (reference/districts.md). */
    private static final Map<String, String> DISTRICTS = Map.ofEntries(
            Map.entry("120101", "和平区"), Map.entry("120102", "河东区"), Map.entry("120103", "河西区"),
            Map.entry("120104", "南开区"), Map.entry("120105", "河北区"), Map.entry("120106", "红桥区"),
            Map.entry("120110", "东丽区"), Map.entry("120111", "西青区"), Map.entry("120112", "津南区"),
            Map.entry("120113", "北辰区"), Map.entry("120114", "武清区"), Map.entry("120115", "宝坻区"),
            Map.entry("120116", "滨海新区"), Map.entry("120117", "宁河区"), Map.entry("120118", "静海区"),
            Map.entry("120119", "蓟州区"));

    private final DemoDataGenerator generator = new DemoDataGenerator(42, DemoDataGenerator.TIANJIN);

    @Test
    void sameSeedGivesSameRecords() {
        DemoDataGenerator again = new DemoDataGenerator(42, DemoDataGenerator.TIANJIN);
        assertEquals(generator.day(DAY), again.day(DAY));
        assertEquals(generator.history(DAY, DAY.plusDays(3)).collect(Collectors.toList()),
                again.history(DAY, DAY.plusDays(3)).collect(Collectors.toList()));
        assertEquals(generator.scenarios(DAY), again.scenarios(DAY));
        assertNotEquals(generator.day(DAY), new DemoDataGenerator(43, DemoDataGenerator.TIANJIN).day(DAY));
    }

    @Test
    void aDayIsTheSameAloneAndInsideHistory() {
        List<DemoRecord> history = generator.history(DAY.minusDays(2), DAY.plusDays(2)).collect(Collectors.toList());
        List<DemoRecord> alone = generator.day(DAY);
        int start = history.indexOf(alone.get(0));
        assertTrue(start >= 0);
        assertEquals(alone, history.subList(start, start + alone.size()));
        // [from, to): the end day is not included
        assertTrue(history.stream().noneMatch(r -> localDate(r).equals(DAY.plusDays(2))));
        assertTrue(history.stream().anyMatch(r -> localDate(r).equals(DAY.minusDays(2))));
    }

    @Test
    void everyRecordFollowsTheContract() throws Exception {
        Set<String> seen = new HashSet<>();
        Map<String, Integer> perTopic = new HashMap<>();
        Set<String> districtsSeen = new HashSet<>();
        for (LocalDate d = DAY; d.isBefore(DAY.plusDays(7)); d = d.plusDays(1)) {
            List<DemoRecord> day = generator.day(d);
            Instant previous = Instant.MIN;
            for (DemoRecord r : day) {
                assertTrue(seen.add(r.topic() + "|" + r.key()), "duplicate key " + r.key());
                assertFalse(r.eventTime().isBefore(previous), "day() is ordered by event time");
                previous = r.eventTime();
                assertEquals(d, localDate(r), "event time inside the day: " + r.json());
                perTopic.merge(r.topic(), 1, Integer::sum);
                JsonNode n = validate(r);
                if (n.hasNonNull("districtCode")) {
                    districtsSeen.add(n.get("districtCode").asText());
                }
            }
        }
        assertEquals(4, perTopic.size(), "all four topics: " + perTopic);
        assertTrue(perTopic.get(DemoDataGenerator.TOPIC_SAMPLING) > 500, perTopic.toString());
        assertTrue(perTopic.get(DemoDataGenerator.TOPIC_ILLNESS) > 50, perTopic.toString());
        assertTrue(perTopic.get(DemoDataGenerator.TOPIC_COMPLAINTS) > 50, perTopic.toString());
        assertTrue(perTopic.get(DemoDataGenerator.TOPIC_OPINION) > 30, perTopic.toString());
        assertEquals(DISTRICTS.keySet(), districtsSeen, "all 16 districts appear");
    }

    @Test
    void failureRateAndMixLookLikeTheNationalFigures() throws Exception {
        int samples = 0;
        int failed = 0;
        Map<String, Integer> failedByClass = new HashMap<>();
        Map<String, Integer> byDistrict = new HashMap<>();
        int agricultural = 0;
        for (DemoRecord r : (Iterable<DemoRecord>) generator.history(DAY, DAY.plusDays(60))::iterator) {
            if (!r.topic().equals(DemoDataGenerator.TOPIC_SAMPLING)) {
                continue;
            }
            JsonNode n = JSON.readTree(r.json());
            samples++;
            String district = n.hasNonNull("districtName") ? n.get("districtName").asText()
                    : DISTRICTS.get(n.get("districtCode").asText());
            byDistrict.merge(district, 1, Integer::sum);
            if (n.get("foodCategory").asText().equals("食用农产品")) {
                agricultural++;
            }
            if (n.get("verdict").asText().equals("不合格")) {
                failed++;
                for (JsonNode item : n.get("items")) {
                    if (!item.get("pass").asBoolean()) {
                        failedByClass.merge(item.get("hazardClass").asText(), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        double rate = 100.0 * failed / samples;
        assertTrue(rate > 1.5 && rate < 4.5, "failure rate " + rate + " % of " + samples);
        String top = failedByClass.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals("农药残留", top, failedByClass.toString());
        double agri = 100.0 * agricultural / samples;
        assertTrue(agri > 30 && agri < 50, "食用农产品 share " + agri);
        // the four plan districts carry the most traffic
        List<String> biggest = byDistrict.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(4).map(Map.Entry::getKey).collect(Collectors.toList());
        assertTrue(biggest.containsAll(List.of("武清区", "西青区", "河北区", "蓟州区")), byDistrict.toString());
    }

    @Test
    void scenariosPlantTheIncidents() throws Exception {
        List<DemoRecord> records = generator.scenarios(DAY);
        Map<String, JsonNode> byId = new HashMap<>();
        Set<String> backgroundKeys = generator.day(DAY).stream().map(DemoRecord::key).collect(Collectors.toSet());
        for (DemoRecord r : records) {
            JsonNode n = validate(r);
            assertEquals(DAY, localDate(r));
            assertTrue(r.key().startsWith(DemoDataGenerator.SCENARIO_ID_PREFIX), r.key());
            assertFalse(backgroundKeys.contains(r.key()));
            assertNull(byId.put(r.key(), n), "duplicate " + r.key());
        }
        assertEquals(1 + 2 + 20 + 3 + 6 + 8 + 1, records.size());

        // S1: 克伦特罗 in 武清区 猪肉
        JsonNode s1 = byId.get(DemoDataGenerator.scenarioId(1, DAY, 1));
        assertEquals("DEMO-S1-20240506-01", s1.get("sampleId").asText());
        assertEquals("120114", s1.get("districtCode").asText());
        assertEquals("猪肉", s1.get("foodName").asText());
        assertEquals("不合格", s1.get("verdict").asText());
        assertEquals(DemoDataGenerator.S1_CREDIT_CODE, s1.get("enterprise").get("creditCode").asText());
        JsonNode clen = failedItems(s1).get(0);
        assertEquals("克伦特罗", clen.get("item").asText());
        assertEquals("兽药残留", clen.get("hazardClass").asText());
        assertEquals("2.3", clen.get("result").asText());
        assertEquals("μg/kg", clen.get("unit").asText());
        assertEquals("不得检出", clen.get("limit").asText());
        assertEquals("整顿办函〔2010〕50号", clen.get("standard").asText());

        // S2: one 西青区 business fails twice within 90 days
        List<JsonNode> s2 = List.of(byId.get(DemoDataGenerator.scenarioId(2, DAY, 1)),
                byId.get(DemoDataGenerator.scenarioId(2, DAY, 2)));
        for (JsonNode n : s2) {
            assertEquals("不合格", n.get("verdict").asText());
            assertEquals("120111", n.get("districtCode").asText());
            assertEquals("韭菜", n.get("foodName").asText());
            assertEquals(DemoDataGenerator.S2_CREDIT_CODE, n.get("enterprise").get("creditCode").asText());
            assertEquals("农药残留", failedItems(n).get(0).get("hazardClass").asText());
        }
        assertTrue(Duration.between(time(s2.get(0), "sampledAt"), time(s2.get(1), "sampledAt")).toDays() < 90);
        assertEquals(18, DemoDataGenerator.S2_CREDIT_CODE.length());
        assertTrue(DemoIdentity.validCreditCode(DemoDataGenerator.S2_CREDIT_CODE));

        // S3: 河北区 乳制品 pass rate below the 99 % target
        List<JsonNode> dairy = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            dairy.add(byId.get(DemoDataGenerator.scenarioId(3, DAY, i)));
        }
        long dairyFailed = dairy.stream().filter(n -> n.get("verdict").asText().equals("不合格")).count();
        assertTrue(dairy.stream().allMatch(n -> n.get("districtCode").asText().equals("120105")
                && n.get("foodCategory").asText().equals("乳制品")));
        assertEquals(5, dairyFailed);
        assertTrue(1.0 - dairyFailed / 20.0 < 0.99);

        // S4: three cases, one 蓟州区 school canteen, within 48 h, 诺如病毒 on one
        List<JsonNode> cases = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            cases.add(byId.get(DemoDataGenerator.scenarioId(4, DAY, i)));
        }
        Set<String> places = new HashSet<>();
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (JsonNode c : cases) {
            assertEquals("120119", c.get("districtCode").asText());
            assertEquals("学校食堂", c.get("exposurePlace").get("type").asText());
            places.add(c.get("exposurePlace").get("creditCode").asText());
            Instant onset = time(c, "onsetAt").toInstant();
            first = onset.isBefore(first) ? onset : first;
            last = onset.isAfter(last) ? onset : last;
            List<String> symptoms = new ArrayList<>();
            c.get("symptoms").forEach(s -> symptoms.add(s.asText()));
            assertTrue(symptoms.contains("腹泻") || symptoms.contains("呕吐"));
        }
        assertEquals(Set.of(DemoDataGenerator.S4_CREDIT_CODE), places);
        assertTrue(Duration.between(first, last).toHours() <= 48);
        assertEquals(1, cases.stream().filter(c -> c.path("pathogen").asText().equals("诺如病毒")).count());

        // S5: a burst of complaints about 韭菜 in 武清
        List<JsonNode> complaints = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            complaints.add(byId.get(DemoDataGenerator.scenarioId(5, DAY, i)));
        }
        assertTrue(complaints.stream().allMatch(c -> c.get("text").asText().contains("韭菜")
                && (c.get("text").asText().contains("武清") || c.get("text").asText().contains("杨村"))));
        assertTrue(complaints.stream().anyMatch(c -> !c.has("districtCode")), "some must need text extraction");

        // S6: a 微博 spike about 韭菜 农药 in 武清, high reach, one rumour
        List<JsonNode> posts = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            posts.add(byId.get(DemoDataGenerator.scenarioId(6, DAY, i)));
        }
        assertTrue(posts.stream().allMatch(p -> p.get("source").asText().equals("微博")
                && p.get("text").asText().contains("韭菜") && p.get("text").asText().contains("武清")));
        assertEquals(1, posts.stream().filter(p -> p.get("rumour").asBoolean()).count());
        assertTrue(posts.get(4).get("rumour").asBoolean());
        assertTrue(posts.stream().mapToInt(p -> p.get("reach").asInt()).max().orElse(0) >= 100_000);

        // S7: a failing 武清区 韭菜 sample, the business two S5 complaints name
        JsonNode s7 = byId.get(DemoDataGenerator.scenarioId(7, DAY, 1));
        assertEquals("不合格", s7.get("verdict").asText());
        assertEquals("120114", s7.get("districtCode").asText());
        assertEquals("韭菜", s7.get("foodName").asText());
        assertEquals(DemoDataGenerator.S7_CREDIT_CODE, s7.get("enterprise").get("creditCode").asText());
        assertEquals(2, complaints.stream().filter(c -> c.path("enterprise").path("creditCode").asText()
                .equals(DemoDataGenerator.S7_CREDIT_CODE)).count());
    }

    // ------------------------------------------------------------------------------------------

    private static LocalDate localDate(DemoRecord r) {
        return r.eventTime().atZone(DemoDataGenerator.TIANJIN).toLocalDate();
    }

    private static List<JsonNode> failedItems(JsonNode sample) {
        List<JsonNode> out = new ArrayList<>();
        sample.get("items").forEach(i -> {
            if (!i.get("pass").asBoolean()) {
                out.add(i);
            }
        });
        return out;
    }

    private static OffsetDateTime time(JsonNode n, String field) {
        String text = n.get(field).asText();
        OffsetDateTime t = OffsetDateTime.parse(text);
        assertEquals(ZoneOffset.ofHours(8), t.getOffset(), field + " " + text);
        return t;
    }

    /** Checks one record against the contract and returns its parsed value. */
    private static JsonNode validate(DemoRecord r) throws Exception {
        JsonNode n = JSON.readTree(r.json());
        assertTrue(n.isObject(), r.json());
        // A record arrives when it is reported (lab results, illness cases) or else when it happens.
        assertEquals(n.has("reportedAt") ? time(n, "reportedAt").toInstant() : r.eventTime(), r.arrivalTime(), r.json());
        switch (r.topic()) {
            case DemoDataGenerator.TOPIC_SAMPLING -> {
                assertEquals(r.key(), text(n, "sampleId"));
                assertTrue(PROGRAMS.contains(text(n, "program")), r.json());
                text(n, "labCode");
                district(n, true);
                if (n.has("stage")) {
                    assertTrue(STAGES.contains(text(n, "stage")), r.json());
                }
                assertTrue(CATEGORIES.contains(text(n, "foodCategory")), r.json());
                text(n, "foodName");
                assertEquals(time(n, "sampledAt").toInstant(), r.eventTime());
                if (n.has("reportedAt")) {
                    assertTrue(time(n, "reportedAt").isAfter(time(n, "sampledAt")), r.json());
                }
                String verdict = text(n, "verdict");
                assertTrue(VERDICTS.contains(verdict), r.json());
                JsonNode items = n.get("items");
                assertTrue(items != null && items.isArray(), r.json());
                boolean anyFailed = false;
                for (JsonNode item : items) {
                    for (String f : List.of("item", "hazardClass", "result", "unit", "limit", "limitType", "standard")) {
                        text(item, f);
                    }
                    assertTrue(HAZARD_CLASSES.contains(item.get("hazardClass").asText()), r.json());
                    assertTrue(item.get("pass").isBoolean(), r.json());
                    anyFailed |= !item.get("pass").asBoolean();
                }
                assertEquals(verdict.equals("不合格"), anyFailed, r.json());
                if (n.has("enterprise")) {
                    text(n.get("enterprise"), "name");
                    assertTrue(DemoIdentity.validCreditCode(text(n.get("enterprise"), "creditCode")), r.json());
                }
            }
            case DemoDataGenerator.TOPIC_ILLNESS -> {
                assertEquals(r.key(), text(n, "caseId"));
                text(n, "reportingUnit");
                district(n, true);
                assertEquals(time(n, "onsetAt").toInstant(), r.eventTime());
                assertTrue(n.get("symptoms").isArray() && n.get("symptoms").size() > 0, r.json());
                if (n.has("sex")) {
                    assertTrue(Set.of("男", "女").contains(text(n, "sex")));
                }
                if (n.has("age")) {
                    assertTrue(n.get("age").isInt());
                }
                if (n.has("exposurePlace")) {
                    assertTrue(PLACE_TYPES.contains(text(n.get("exposurePlace"), "type")), r.json());
                    text(n.get("exposurePlace"), "name");
                }
                if (n.has("exposureAt")) {
                    assertTrue(time(n, "exposureAt").isBefore(time(n, "onsetAt")), r.json());
                }
                if (n.has("hospitalized")) {
                    assertTrue(n.get("hospitalized").isBoolean());
                }
            }
            case DemoDataGenerator.TOPIC_COMPLAINTS -> {
                assertEquals(r.key(), text(n, "complaintId"));
                assertTrue(CHANNELS.contains(text(n, "channel")), r.json());
                assertEquals(time(n, "receivedAt").toInstant(), r.eventTime());
                text(n, "text");
                if (n.has("issueType")) {
                    assertTrue(ISSUES.contains(text(n, "issueType")), r.json());
                }
                if (n.has("foodCategory")) {
                    assertTrue(CATEGORIES.contains(text(n, "foodCategory")), r.json());
                }
                district(n, false);
            }
            case DemoDataGenerator.TOPIC_OPINION -> {
                assertEquals(r.key(), text(n, "signalId"));
                assertTrue(SOURCES.contains(text(n, "source")), r.json());
                assertEquals(time(n, "publishedAt").toInstant(), r.eventTime());
                text(n, "text");
                if (n.has("url")) {
                    String host = URI.create(text(n, "url")).getHost();
                    assertTrue(host.endsWith(".example") || host.endsWith("example.com"), host);
                }
                if (n.has("sentiment")) {
                    double s = n.get("sentiment").asDouble();
                    assertTrue(s >= -1 && s <= 1, r.json());
                }
                for (String f : List.of("reach", "reposts", "comments")) {
                    if (n.has(f)) {
                        assertTrue(n.get(f).isInt() && n.get(f).asInt() >= 0, r.json());
                    }
                }
                if (n.has("rumour")) {
                    assertTrue(n.get("rumour").isBoolean());
                }
                district(n, false);
            }
            default -> fail("unknown topic " + r.topic());
        }
        return n;
    }

    private static void district(JsonNode n, boolean required) {
        String code = n.hasNonNull("districtCode") ? n.get("districtCode").asText() : null;
        String name = n.hasNonNull("districtName") ? n.get("districtName").asText() : null;
        if (required) {
            assertTrue(code != null || name != null, "district required: " + n);
        }
        if (code != null) {
            assertTrue(DISTRICTS.containsKey(code), n.toString());
        }
        if (name != null) {
            assertTrue(DISTRICTS.containsValue(name), n.toString());
        }
        if (code != null && name != null) {
            assertEquals(DISTRICTS.get(code), name, n.toString());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        assertTrue(v != null && v.isTextual() && !v.asText().isBlank(), field + " missing in " + n);
        return v.asText();
    }
}
