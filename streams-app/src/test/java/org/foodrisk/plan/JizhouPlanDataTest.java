package org.foodrisk.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spot-checks the plan catalog data of 蓟州区2018 against what the plan text says. The data is
 * read as plain JSON so that these facts stay pinned whatever classes later load the catalog.
 *
 * <p>This plan nests its work items (三、重点工作 → （八） → 1．), so tasks are looked up by
 * taskId: the number as written is not unique (（一）…（四） occur under both 三 and 四, and
 * （十二） numbers two items 3．).
 */
class JizhouPlanDataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode plan;
    private static String source;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = JizhouPlanDataTest.class.getResourceAsStream("/plans/jizhou-2018.json")) {
            assertNotNull(in, "missing /plans/jizhou-2018.json on the classpath");
            plan = MAPPER.readTree(in);
        }
        String resource = "/plans/" + plan.get("sourceFile").asText();
        try (InputStream in = JizhouPlanDataTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing " + resource + " on the classpath");
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode task(String path) {
        String taskId = "jizhou-2018:" + path;
        for (JsonNode t : plan.get("tasks")) {
            if (t.get("taskId").asText().equals(taskId)) {
                return t;
            }
        }
        return fail("no task " + taskId);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode target(JsonNode task, String metric, double value) {
        for (JsonNode g : task.get("targets")) {
            if (g.get("metric").asText().equals(metric) && g.get("value").asDouble() == value) {
                return g;
            }
        }
        return fail("no " + metric + " target " + value + " in task " + task.get("taskId").asText());
    }

    /** Signal type -> taskIds of the tasks that are its general owner. */
    private static Map<String, List<String>> owners() {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (String s : List.of("sampling", "monitoring", "illness", "complaint", "opinion")) {
            owners.put(s, new ArrayList<>());
        }
        for (JsonNode t : plan.get("tasks")) {
            for (JsonNode s : t.get("signalTypes")) {
                owners.get(s.asText()).add(t.get("taskId").asText());
            }
        }
        return owners;
    }

    @Test
    void header() {
        assertEquals("jizhou-2018", plan.get("planId").asText());
        assertEquals("蓟州区2018年食品安全监管计划", plan.get("title").asText());
        assertTrue(plan.get("docNumber").isNull());
        assertEquals("120119", plan.get("districtCode").asText());
        assertEquals("蓟州区", plan.get("districtName").asText());
        assertEquals(2018, plan.get("year").asInt());
        assertTrue(!plan.get("template").asBoolean());
        assertEquals("source/jizhou-2018.txt", plan.get("sourceFile").asText());
        assertTrue(plan.get("numberingNote").asText().contains("3.（八）.1"));
    }

    @Test
    void taskCountIdsAndNumbering() {
        // 三: 12 （n） items + 69 nested 1．2． items; 四: 4 （n） items.
        assertEquals(85, plan.get("tasks").size());
        Set<String> ids = new HashSet<>();
        for (JsonNode t : plan.get("tasks")) {
            assertTrue(ids.add(t.get("taskId").asText()), "duplicate taskId " + t.get("taskId").asText());
        }
        JsonNode tasks = plan.get("tasks");
        assertEquals("jizhou-2018:3.1", tasks.get(0).get("taskId").asText());
        assertEquals("（一）", tasks.get(0).get("number").asText());
        assertEquals("jizhou-2018:4.4", tasks.get(tasks.size() - 1).get("taskId").asText());
        assertEquals("（四）", tasks.get(tasks.size() - 1).get("number").asText());

        assertEquals("（八）", task("3.8").get("number").asText());
        assertEquals("严密防控食品安全风险", task("3.8").get("title").asText());
        assertEquals("3.（八）.1", task("3.8.1").get("number").asText());
        assertEquals("3.（七）.17", task("3.7.17").get("number").asText());
        assertEquals("三、重点工作", task("3.8.1").get("section").asText());

        // （十二） numbers two items 3．: both keep the number as written, the second taskId gets "b".
        assertEquals("3.（十二）.3", task("3.12.3").get("number").asText());
        assertEquals("3.（十二）.3", task("3.12.3b").get("number").asText());
        assertEquals("加强食品安全教育，在中小学教育活动增加食品安全教育内容", task("3.12.3").get("title").asText());
        assertEquals("加大农产品质量安全科普宣传力度，着力提升企业和消费者农产品质量安全意识",
                task("3.12.3b").get("title").asText());

        JsonNode guarantee = task("4.4");
        assertEquals("四、保障措施", guarantee.get("section").asText());
        assertEquals("强化督查督办", guarantee.get("title").asText());
    }

    @Test
    void titlesAndUnitsAsWritten() {
        JsonNode twoSafe = task("3.2");
        assertEquals("（二）", twoSafe.get("number").asText());
        assertEquals("深入开展“双安双创”建设", twoSafe.get("title").asText());
        assertEquals(2, twoSafe.get("responsibilities").size());
        assertEquals(List.of("区食安办", "农委"), strings(twoSafe.get("responsibilities").get(0).get("leadUnits")));

        JsonNode crossover = task("3.3.1");
        assertEquals(List.of("区食安办"), strings(crossover.get("leadUnits")));
        assertTrue(strings(crossover.get("coUnits")).contains("天津海关〈原宝坻出入境检验检疫局〉"));

        JsonNode vegetables = task("3.6.2");
        assertEquals("责任单位：区农委牵头，区种植中心负责",
                vegetables.get("responsibilities").get(0).get("asWritten").asText());
        assertEquals(List.of("区农委"), strings(vegetables.get("leadUnits")));
        assertEquals(List.of("区种植中心"), strings(vegetables.get("coUnits")));
        JsonNode base = target(vegetables, "合格率", 98);
        assertEquals("基地产品抽检合格率稳定在98%以上", base.get("asWritten").asText());

        // A clause without the 责任单位： prefix is still a clause.
        JsonNode standards = task("3.6.3");
        assertEquals("区农委牵头，区畜牧中心、种植中心、水产中心依职责分工负责",
                standards.get("responsibilities").get(0).get("asWritten").asText());
        assertEquals(List.of("区畜牧中心", "种植中心", "水产中心"), strings(standards.get("coUnits")));

        JsonNode campaign = task("3.6.9");
        assertEquals(List.of("区农委"), strings(campaign.get("leadUnits")));
        assertEquals(List.of("区畜牧中心", "种植中心", "水产中心", "区公安分局", "市场监管局"),
                strings(campaign.get("coUnits")));
    }

    @Test
    void samplingItemHasOneResponsibilityPerStage() {
        JsonNode sampling = task("3.8.1");
        assertEquals("科学统筹国家、市、区三级抽检计划，扩大抽检覆盖面，提高问题发现率和不合格产品核查处置率",
                sampling.get("title").asText());
        assertEquals(List.of(
                        "责任单位：各食品安全监管部门依职责分工负责",
                        "责任单位：区农委牵头，区畜牧中心、种植中心、水产中心依职责分工负责",
                        "责任单位：区市场监管局",
                        "责任单位：天津海关〈原宝坻出入境检验检疫局〉",
                        "责任单位：区粮食中心"),
                sampling.get("responsibilities").findValuesAsText("asWritten"));
        assertEquals(List.of("各食品安全监管部门", "区农委", "区市场监管局", "天津海关〈原宝坻出入境检验检疫局〉", "区粮食中心"),
                strings(sampling.get("leadUnits")));
        assertEquals(List.of("区畜牧中心", "种植中心", "水产中心"), strings(sampling.get("coUnits")));
        String text = sampling.get("text").asText();
        assertTrue(text.contains("\n种养殖环节：") && text.contains("\n生产经营环节：")
                && text.contains("\n食品进出口环节：") && text.contains("\n粮食质量安全环节："));
    }

    @Test
    void samplingTargets() {
        JsonNode sampling = task("3.8.1");

        JsonNode density = target(sampling, "抽检密度", 4);
        assertEquals("份/千人", density.get("unit").asText());
        assertEquals(">=", density.get("comparator").asText());
        assertEquals("食品检验量达到常住人口4份/千人", density.get("asWritten").asText());
        JsonNode residues = target(sampling, "抽检密度", 2);
        assertEquals("份/千人", residues.get("unit").asText());
        assertEquals("其中主要针对农药兽药残留的食品检验量不低于2份/千人", residues.get("asWritten").asText());

        JsonNode total = target(sampling, "抽检量", 3360);
        assertEquals("批次", total.get("unit").asText());
        assertEquals(">=", total.get("comparator").asText());
        assertEquals("区市场监管局", total.get("agency").asText());
        assertTrue(total.get("foodCategory").isNull());
        assertEquals("食品检验量达到全年3360批次", total.get("asWritten").asText());

        JsonNode agri = target(sampling, "抽检量", 1680);
        assertEquals("批次", agri.get("unit").asText());
        assertEquals(">=", agri.get("comparator").asText());
        assertEquals("区市场监管局", agri.get("agency").asText());
        assertEquals("食用农产品", agri.get("foodCategory").asText());
        assertEquals("其中食用农产品不得低于1680批次", agri.get("asWritten").asText());

        JsonNode vegetables = target(sampling, "抽检量", 7400);
        assertEquals("个", vegetables.get("unit").asText());
        assertEquals("区农委", vegetables.get("agency").asText());
        assertEquals("个", target(sampling, "抽检量", 586).get("unit").asText());
        assertEquals(60000, target(sampling, "抽检量", 60000).get("value").asInt());
        assertEquals("“瘦肉精”快速检测6万份", target(sampling, "抽检量", 60000).get("asWritten").asText());
        assertEquals("完成产地精确抽检65个，合格率达到98%以上", target(sampling, "合格率", 98).get("asWritten").asText());
        assertEquals("%", target(sampling, "合格率", 100).get("unit").asText());
        assertEquals(17, sampling.get("targets").size());

        JsonNode goal = plan.get("goalTargets").get(0);
        assertEquals("批次/千人", goal.get("unit").asText());
        assertEquals("监督抽检批次达到常住人口4批次/千人每年", goal.get("asWritten").asText());
    }

    @Test
    void generalOwners() {
        Map<String, List<String>> owners = owners();
        assertEquals(List.of("jizhou-2018:3.8.1"), owners.get("sampling"));
        assertEquals(List.of("jizhou-2018:3.8.2"), owners.get("monitoring"));
        assertEquals(List.of("jizhou-2018:3.8.2"), owners.get("illness"));
        assertEquals(List.of("jizhou-2018:3.12.4"), owners.get("complaint"));
        assertEquals(List.of("jizhou-2018:3.12.2"), owners.get("opinion"));
        assertEquals(List.of("区卫计委"), strings(task("3.8.2").get("leadUnits")));
        assertEquals(List.of("区市场监管局"), strings(task("3.12.4").get("leadUnits")));
        assertEquals(List.of("区食安办"), strings(task("3.12.2").get("leadUnits")));
    }

    @Test
    void everyAsWrittenStringIsVerbatimInTheSourceAndTasksAreInTextOrder() {
        assertTrue(source.contains(plan.get("title").asText()), "plan title");
        for (JsonNode g : plan.get("goalTargets")) {
            assertTrue(source.contains(g.get("asWritten").asText()), "goal target " + g.get("asWritten").asText());
        }
        int at = -1;
        for (JsonNode t : plan.get("tasks")) {
            String where = t.get("taskId").asText();
            String text = t.get("text").asText();
            int pos = -1;
            for (String paragraph : text.split("\n")) {
                int p = source.indexOf(paragraph, Math.max(at, pos) + 1);
                assertTrue(p >= 0, where + " paragraph not found after the previous one: " + paragraph);
                pos = pos < 0 ? p : pos;
            }
            assertTrue(pos > at, where + " is out of text order");
            at = pos;
            assertTrue(source.contains(t.get("section").asText()), where + " section");
            assertTrue(text.startsWith(t.get("title").asText()), where + " title");
            for (JsonNode r : t.get("responsibilities")) {
                String clause = r.get("asWritten").asText();
                assertTrue(text.contains("（" + clause + "）") || text.contains("(" + clause + ")"), where + " clause " + clause);
                for (String unit : strings(r.get("leadUnits"))) {
                    assertTrue(clause.contains(unit), where + " lead " + unit);
                }
                for (String unit : strings(r.get("coUnits"))) {
                    assertTrue(clause.contains(unit), where + " co " + unit);
                }
            }
            for (String unit : strings(t.get("leadUnits"))) {
                assertTrue(source.contains(unit), where + " lead " + unit);
            }
            for (String unit : strings(t.get("coUnits"))) {
                assertTrue(source.contains(unit), where + " co " + unit);
            }
            for (JsonNode g : t.get("targets")) {
                assertTrue(text.contains(g.get("asWritten").asText()), where + " target " + g.get("asWritten").asText());
            }
        }
    }
}
