package org.foodrisk.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spot-checks the catalog data of 西青区 2021 and the XX县 2024 template against what the plan
 * texts say, reading only the JSON and source files on the classpath.
 */
class XiqingCountyPlanDataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode xiqing;
    private static JsonNode county;

    @BeforeAll
    static void load() throws IOException {
        xiqing = readJson("/plans/xiqing-2021.json");
        county = readJson("/plans/xx-county-2024.json");
    }

    @Test
    void xiqingPlanHeader() {
        assertEquals("xiqing-2021", xiqing.get("planId").asText());
        // the source writes the title with spaces around the year (PDF text); kept as written
        assertEquals("西青区 2021 年食品安全监督管理计划", xiqing.get("title").asText());
        assertTrue(xiqing.get("docNumber").isNull());
        assertEquals("120111", xiqing.get("districtCode").asText());
        assertEquals("西青区", xiqing.get("districtName").asText());
        assertEquals(2021, xiqing.get("year").asInt());
        assertFalse(xiqing.get("template").asBoolean());
        assertEquals("source/xiqing-2021.txt", xiqing.get("sourceFile").asText());
    }

    @Test
    void xiqingHasTwentyNineNumberedTasksInOrder() {
        JsonNode tasks = xiqing.get("tasks");
        assertEquals(29, tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            assertEquals((i + 1) + ".", tasks.get(i).get("number").asText());
            assertEquals("xiqing-2021:" + (i + 1), tasks.get(i).get("taskId").asText());
        }
        assertEquals("一、严把进口冷链食品关口", task(xiqing, "1.").get("section").asText());
        assertEquals("八、组织实施", task(xiqing, "29.").get("section").asText());
    }

    @Test
    void xiqingTitlesSectionsAndUnitsAsWritten() {
        JsonNode t18 = task(xiqing, "18.");
        assertEquals("全面落实食品安全监督抽检任务", t18.get("title").asText());
        assertEquals("五、提升风险评估和监督抽检能力", t18.get("section").asText());
        assertEquals(List.of("区农业农村委", "区市场监管局", "区粮食办"), strings(t18.get("leadUnits")));
        assertEquals(List.of(), strings(t18.get("coUnits")));
        assertEquals(List.of("区农业农村委、区市场监管局按职责分工负责", "区市场监管局负责", "区农业农村委负责", "区粮食办负责"),
                clauses(t18));

        JsonNode t1 = task(xiqing, "1.");
        assertEquals("严格落实进口冷链食品追溯", t1.get("title").asText());
        JsonNode r1 = t1.get("responsibilities").get(0);
        assertEquals("区市场监管局牵头，区卫健委、区商务局、区运管局、区委网信办按职责分工负责", r1.get("asWritten").asText());
        assertEquals(List.of("区市场监管局"), strings(r1.get("leadUnits")));
        assertEquals(List.of("区卫健委", "区商务局", "区运管局", "区委网信办"), strings(r1.get("coUnits")));

        JsonNode t16 = task(xiqing, "16.");
        assertEquals("组织制定和实施我区年度食品安全风险监测实施方案", t16.get("title").asText());
        assertEquals("区卫健委牵头，区工信局、区商务局、西青海关、区农业农村委、区市场监管局、区财政局、区粮食办按职责分工配合",
                clauses(t16).get(0));
        // 区农业农村委 is co-unit of the first clause but lead of the third (林产品质量检测)
        assertEquals(List.of("区卫健委", "区农业农村委"), strings(t16.get("leadUnits")));
        assertEquals(List.of("区工信局", "区商务局", "西青海关", "区市场监管局", "区财政局", "区粮食办"),
                strings(t16.get("coUnits")));

        JsonNode t24 = task(xiqing, "24.");
        assertEquals("支持媒体客观报道和舆论监督，宣传食品安全先进典型和行业自律、诚信建设典型经验", t24.get("title").asText());
        assertEquals(List.of("区委宣传部负责，区食安委成员单位配合", "区食安办牵头，区食安委成员单位配合"), clauses(t24));
        assertEquals(List.of("区委宣传部", "区食安办"), strings(t24.get("leadUnits")));
        assertEquals(List.of("区食安委成员单位"), strings(t24.get("coUnits")));

        JsonNode t21 = task(xiqing, "21.");
        assertEquals(List.of("区市场监管局", "区农业农村委"), strings(t21.get("leadUnits")));
        assertEquals(List.of("公安西青分局", "区商务局", "区知识产权局", "区供销社"), strings(t21.get("coUnits")));
    }

    @Test
    void xiqingSamplingVolumeAndItsSplitByAgency() {
        JsonNode t18 = task(xiqing, "18.");
        JsonNode total = target(t18, "全年安排食品、食用农产品监督抽检 5710批次");
        assertEquals("抽检量", total.get("metric").asText());
        assertEquals(5710, total.get("value").asInt());
        assertEquals("批次", total.get("unit").asText());
        assertEquals(">=", total.get("comparator").asText());
        assertTrue(total.get("agency").isNull());

        JsonNode density = target(t18, "食品抽验量保持 6.5批次／千人");
        assertEquals("抽检密度", density.get("metric").asText());
        assertEquals(6.5, density.get("value").asDouble(), 1e-9);
        assertEquals("批次/千人", density.get("unit").asText());
        assertTrue(density.get("agency").isNull());

        JsonNode agri = target(t18, "区农业农村委落实食用农产品抽检 2000 批次");
        assertEquals(2000, agri.get("value").asInt());
        assertEquals("区农业农村委", agri.get("agency").asText());
        assertEquals("食用农产品", agri.get("foodCategory").asText());
        JsonNode market = target(t18, "区市场监管局落实食品抽检 3710批次");
        assertEquals(3710, market.get("value").asInt());
        assertEquals("区市场监管局", market.get("agency").asText());
        assertEquals(total.get("value").asInt(), agri.get("value").asInt() + market.get("value").asInt());

        JsonNode agriDensity = target(t18, "抽验量保持2.3批次／千人");
        assertEquals(2.3, agriDensity.get("value").asDouble(), 1e-9);
        assertEquals("区农业农村委", agriDensity.get("agency").asText());
        JsonNode marketDensity = target(t18, "抽验量保持 4.2批次／千人");
        assertEquals(4.2, marketDensity.get("value").asDouble(), 1e-9);
        assertEquals("区市场监管局", marketDensity.get("agency").asText());
        assertEquals(density.get("value").asDouble(),
                agriDensity.get("value").asDouble() + marketDensity.get("value").asDouble(), 1e-9);
    }

    @Test
    void xiqingDispositionAndOnTimeRates() {
        JsonNode t18 = task(xiqing, "18.");
        JsonNode disposal = target(t18, "国家监督抽检不合格食品核查处置率保持 100%");
        assertEquals("核查处置率", disposal.get("metric").asText());
        assertEquals(100, disposal.get("value").asInt());
        assertEquals("%", disposal.get("unit").asText());
        assertEquals(">=", disposal.get("comparator").asText());
        assertEquals("区市场监管局", disposal.get("agency").asText());

        JsonNode onTime = target(t18, "按时完成率达到 85%");
        assertEquals("按时完成率", onTime.get("metric").asText());
        assertEquals(85, onTime.get("value").asInt());
        assertEquals("%", onTime.get("unit").asText());
        assertEquals(">=", onTime.get("comparator").asText());
        assertEquals("区市场监管局", onTime.get("agency").asText());

        JsonNode routine = target(t18, "食用农产品例行监测合格率达到 97%");
        assertEquals("合格率", routine.get("metric").asText());
        assertEquals(97, routine.get("value").asInt());

        JsonNode dairy = target(task(xiqing, "13."), "乳制品抽检合格率保持在 99%以上");
        assertEquals("合格率", dairy.get("metric").asText());
        assertEquals(99, dairy.get("value").asInt());
        assertEquals(">=", dairy.get("comparator").asText());
        assertEquals("乳制品", dairy.get("foodCategory").asText());
    }

    @Test
    void xiqingGeneralOwners() {
        assertEquals(List.of("18."), ownerNumbers(xiqing, "sampling"));
        assertEquals(List.of("16."), ownerNumbers(xiqing, "monitoring"));
        assertEquals(List.of("16."), ownerNumbers(xiqing, "illness"));
        assertEquals(List.of("24."), ownerNumbers(xiqing, "opinion"));
        // no task of this plan mentions 投诉举报
        assertEquals(List.of(), ownerNumbers(xiqing, "complaint"));
    }

    @Test
    void countyTemplateHeader() {
        assertEquals("xx-county-2024", county.get("planId").asText());
        assertEquals("XX县2024年食品安全重点工作安排", county.get("title").asText());
        assertTrue(county.get("template").asBoolean());
        assertTrue(county.get("districtCode").isNull());
        assertEquals("XX县", county.get("districtName").asText());
        assertEquals(2024, county.get("year").asInt());
        assertTrue(county.get("docNumber").isNull());
        assertNotNull(county.get("numberingNote"));
        assertFalse(county.get("numberingNote").asText().isBlank());
    }

    /**
     * Issue 15: the template is 53 tasks, one per item of its ten unnumbered sections (an item is the
     * sentences before a responsibility clause; 一、 ends with a sentence that names no unit), so that
     * a clause's units are its own and not the whole section's (a complaint no longer gets eight leads
     * including 省食安委各成员单位).
     */
    @Test
    void countyTasksAreTheFiftyThreeItemsOfItsTenSections() {
        String[] sections = {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、"};
        int[] items = {2, 3, 2, 6, 6, 5, 6, 9, 8, 6};
        JsonNode tasks = county.get("tasks");
        assertEquals(53, tasks.size());
        int i = 0;
        for (int s = 0; s < sections.length; s++) {
            for (int n = 1; n <= items[s]; n++) {
                JsonNode t = tasks.get(i++);
                assertEquals(sections[s] + n, t.get("number").asText(), "section as written + the item's position");
                assertEquals("xx-county-2024:" + (s + 1) + "." + n, t.get("taskId").asText());
                assertTrue(t.get("section").asText().startsWith(sections[s]));
                assertTrue(t.get("responsibilities").size() <= 1, t.get("taskId").asText());
            }
        }
        JsonNode tail = task(county, "一、2");
        assertEquals(0, tail.get("responsibilities").size(), "一、's last sentence names no unit");
        assertEquals("做好收获和库存粮食质量安全监测工作，防控粮食质量安全风险，妥善做好霉变、超标粮食收购处置工作",
                tail.get("title").asText());

        JsonNode t2 = task(county, "二、1");
        assertEquals("深化源头综合治理", t2.get("section").asText().substring(2));
        // units as written, including the template's own slips (自然资源 without 局)
        assertEquals("生态环境局、农业农村局、水利局、发展改革局、财政局、自然资源、住房城乡建设局、卫生健康委负责", clauses(t2).get(0));
        assertTrue(strings(t2.get("leadUnits")).contains("自然资源"));
        JsonNode produce = target(task(county, "二、2"), "农产品产地抽检总体合格率达到97%以上");
        assertEquals("合格率", produce.get("metric").asText());
        assertEquals(97, produce.get("value").asInt());
        assertEquals(">=", produce.get("comparator").asText());
        assertEquals("食用农产品", produce.get("foodCategory").asText());

        JsonNode slip = task(county, "九、4").get("responsibilities").get(0);
        assertEquals("农业农村厅、市场监管局、负责", slip.get("asWritten").asText());
        assertEquals(List.of("农业农村厅", "市场监管局"), strings(slip.get("leadUnits")));
        JsonNode complaints = task(county, "九、5");
        assertEquals(List.of("市场监管局", "农业农村局"), strings(complaints.get("leadUnits")),
                "the 投诉举报 item's units, not the section's eight");

        JsonNode t8 = task(county, "八、3");
        assertEquals(30, target(t8, "国家级农产品质量安全县不少于30个").get("value").asInt());
        assertEquals("个", target(t8, "省级农产品质量安全县不少于10个").get("unit").asText());
        int targets = 0;
        for (JsonNode t : tasks) {
            targets += t.get("targets").size();
        }
        assertEquals(19, targets, "every target of the sections kept, each on the item that states it");
    }

    @Test
    void countyGeneralOwners() {
        assertEquals(List.of("一、1"), ownerNumbers(county, "monitoring"));
        assertEquals(List.of("一、1"), ownerNumbers(county, "illness"));
        assertEquals(List.of("八、1"), ownerNumbers(county, "sampling"));
        assertEquals(List.of("九、5"), ownerNumbers(county, "complaint"));
        assertEquals(List.of("九、3"), ownerNumbers(county, "opinion"));
    }

    @Test
    void asWrittenStringsOccurInTheSourceInTaskOrder() throws IOException {
        for (JsonNode plan : List.of(xiqing, county)) {
            String source = dewrap(readText("/plans/" + plan.get("sourceFile").asText()));
            String planId = plan.get("planId").asText();
            assertContains(source, plan.get("title").asText(), planId + " title");
            int last = -1;
            for (JsonNode t : plan.get("tasks")) {
                String where = t.get("taskId").asText();
                String text = t.get("text").asText();
                // The county's items are unnumbered: their number is the section's as written + a position.
                String number = planId.equals("xx-county-2024") ? t.get("number").asText().replaceAll("\\d+$", "")
                        : t.get("number").asText();
                assertContains(source, number, where + " number");
                for (String field : List.of("section", "title", "text")) {
                    assertContains(source, t.get(field).asText(), where + " " + field);
                }
                for (JsonNode r : t.get("responsibilities")) {
                    String clause = r.get("asWritten").asText();
                    assertContains(text, "（" + clause + "）", where + " responsibility");
                    for (String u : concat(strings(r.get("leadUnits")), strings(r.get("coUnits")))) {
                        assertContains(clause, u, where + " unit");
                    }
                }
                for (String u : concat(strings(t.get("leadUnits")), strings(t.get("coUnits")))) {
                    assertContains(source, u, where + " unit");
                }
                for (JsonNode g : t.get("targets")) {
                    assertContains(text, g.get("asWritten").asText(), where + " target");
                }
                int at = source.indexOf(text);
                assertTrue(at > last, where + " is out of text order");
                last = at;
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------

    private static JsonNode readJson(String resource) throws IOException {
        try (InputStream in = XiqingCountyPlanDataTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            return MAPPER.readTree(in);
        }
    }

    private static String readText(String resource) throws IOException {
        try (InputStream in = XiqingCountyPlanDataTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Undoes the PDF line wrapping of the source, as the catalog's "as written" rule says. */
    private static String dewrap(String raw) {
        return raw.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.matches("-\\s*\\d+\\s*-"))
                .collect(Collectors.joining());
    }

    private static JsonNode task(JsonNode plan, String number) {
        for (JsonNode t : plan.get("tasks")) {
            if (t.get("number").asText().equals(number)) {
                return t;
            }
        }
        throw new AssertionError("no task " + number + " in " + plan.get("planId").asText());
    }

    private static JsonNode target(JsonNode task, String asWritten) {
        for (JsonNode g : task.get("targets")) {
            if (g.get("asWritten").asText().equals(asWritten)) {
                return g;
            }
        }
        throw new AssertionError("no target '" + asWritten + "' in " + task.get("taskId").asText());
    }

    private static List<String> ownerNumbers(JsonNode plan, String signalType) {
        List<String> numbers = new ArrayList<>();
        for (JsonNode t : plan.get("tasks")) {
            if (strings(t.get("signalTypes")).contains(signalType)) {
                numbers.add(t.get("number").asText());
            }
        }
        return numbers;
    }

    private static List<String> clauses(JsonNode task) {
        List<String> out = new ArrayList<>();
        task.get("responsibilities").forEach(r -> out.add(r.get("asWritten").asText()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void assertContains(String haystack, String needle, String what) {
        assertFalse(needle.isEmpty(), what + " is empty");
        assertTrue(haystack.contains(needle), what + " not verbatim: " + needle);
    }
}
