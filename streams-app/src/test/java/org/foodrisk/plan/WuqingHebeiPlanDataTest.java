package org.foodrisk.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spot-checks the plan catalog data of 武清区2024 and 河北区2023 against what the plan texts
 * say. The data is read as plain JSON so that these facts stay pinned whatever classes later
 * load the catalog.
 */
class WuqingHebeiPlanDataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String[] NUMERALS = {
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
        "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
        "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八", "二十九", "三十",
        "三十一"};

    private static JsonNode plan(String planId) throws IOException {
        try (InputStream in = WuqingHebeiPlanDataTest.class.getResourceAsStream("/plans/" + planId + ".json")) {
            assertNotNull(in, "missing /plans/" + planId + ".json on the classpath");
            return MAPPER.readTree(in);
        }
    }

    private static String source(JsonNode plan) throws IOException {
        String resource = "/plans/" + plan.get("sourceFile").asText();
        try (InputStream in = WuqingHebeiPlanDataTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing " + resource + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode task(JsonNode plan, String number) {
        for (JsonNode t : plan.get("tasks")) {
            if (t.get("number").asText().equals(number)) {
                return t;
            }
        }
        return fail("no task " + number + " in " + plan.get("planId").asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Signal type -> numbers of the tasks that are its general owner. */
    private static Map<String, List<String>> owners(JsonNode plan) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (String s : List.of("sampling", "monitoring", "illness", "complaint", "opinion")) {
            owners.put(s, new ArrayList<>());
        }
        for (JsonNode t : plan.get("tasks")) {
            for (JsonNode s : t.get("signalTypes")) {
                owners.get(s.asText()).add(t.get("number").asText());
            }
        }
        return owners;
    }

    private static JsonNode target(JsonNode task, String metric, double value) {
        for (JsonNode g : task.get("targets")) {
            if (g.get("metric").asText().equals(metric) && g.get("value").asDouble() == value) {
                return g;
            }
        }
        return fail("no " + metric + " target " + value + " in task " + task.get("number").asText());
    }

    @Test
    void everyNumberTitleClauseUnitAndTargetIsVerbatimInTheSourceAndInOrder() throws IOException {
        for (String planId : List.of("wuqing-2024", "hebei-2023")) {
            JsonNode plan = plan(planId);
            String src = source(plan);
            assertTrue(src.contains(plan.get("title").asText()), planId + " title");
            int at = -1;
            int i = 0;
            for (JsonNode t : plan.get("tasks")) {
                String number = "（" + NUMERALS[i++] + "）";
                String where = planId + " " + number;
                assertEquals(number, t.get("number").asText(), where + " number");
                assertEquals(planId + ":" + i, t.get("taskId").asText(), where + " taskId");
                int pos = src.indexOf(number + t.get("text").asText());
                assertTrue(pos > at, where + " number+text not found after the previous task");
                at = pos;
                assertTrue(src.contains(t.get("section").asText()), where + " section");
                assertTrue(t.get("text").asText().startsWith(t.get("title").asText() + "。"), where + " title");
                for (JsonNode r : t.get("responsibilities")) {
                    String clause = r.get("asWritten").asText();
                    assertTrue(t.get("text").asText().contains("（" + clause + "）"), where + " clause " + clause);
                    for (String unit : strings(r.get("leadUnits"))) {
                        assertTrue(clause.contains(unit), where + " lead " + unit);
                    }
                    for (String unit : strings(r.get("coUnits"))) {
                        assertTrue(clause.contains(unit), where + " co " + unit);
                    }
                }
                for (String unit : strings(t.get("leadUnits"))) {
                    assertTrue(src.contains(unit), where + " lead " + unit);
                }
                for (String unit : strings(t.get("coUnits"))) {
                    assertTrue(src.contains(unit), where + " co " + unit);
                }
                for (JsonNode g : t.get("targets")) {
                    assertTrue(t.get("text").asText().contains(g.get("asWritten").asText()),
                            where + " target " + g.get("asWritten").asText());
                }
            }
        }
    }

    @Test
    void wuqingHeaderAndTasks() throws IOException {
        JsonNode plan = plan("wuqing-2024");
        assertEquals("wuqing-2024", plan.get("planId").asText());
        assertEquals("武清区2024年食品安全监督管理计划", plan.get("title").asText());
        assertTrue(plan.get("docNumber").isNull());
        assertEquals("120114", plan.get("districtCode").asText());
        assertEquals("武清区", plan.get("districtName").asText());
        assertEquals(2024, plan.get("year").asInt());
        assertEquals(26, plan.get("tasks").size());

        JsonNode first = task(plan, "（一）");
        assertEquals("压实企业主体责任", first.get("title").asText());
        assertEquals("一、坚持强基固本，完善工作机制", first.get("section").asText());
        assertEquals(List.of("各部门", "区市场监管局"), strings(first.get("leadUnits")));

        JsonNode second = task(plan, "（二）");
        JsonNode clause = second.get("responsibilities").get(0);
        assertEquals("区市场监管局牵头，各镇人民政府、街道办事处、园区负责", clause.get("asWritten").asText());
        assertEquals(List.of("区市场监管局"), strings(clause.get("leadUnits")));
        assertEquals(List.of("各镇人民政府", "街道办事处", "园区"), strings(clause.get("coUnits")));

        JsonNode crime = task(plan, "（十七）");
        assertEquals("严厉打击食品、食用农产品违法犯罪活动", crime.get("title").asText());
        assertEquals(6, crime.get("responsibilities").size());
        assertEquals("区市场监管局", crime.get("leadUnits").get(0).asText());
        assertEquals(List.of("区委政法委", "区商务局"), strings(crime.get("coUnits")));

        JsonNode opinion = task(plan, "（二十六）");
        assertEquals("加强网络舆情监测与处置", opinion.get("title").asText());
        assertEquals("五、鼓励多元参与，健全共治体系", opinion.get("section").asText());
        assertEquals(List.of("区委网信办"), strings(opinion.get("leadUnits")));
        assertEquals(List.of("区委宣传部", "区融媒体中心", "相关部门"), strings(opinion.get("coUnits")));
    }

    @Test
    void wuqingSamplingTargets() throws IOException {
        JsonNode sampling = task(plan("wuqing-2024"), "（十一）");
        assertEquals("加强食品安全抽检", sampling.get("title").asText());
        assertEquals(List.of("区市场监管局", "区农业农村委"), strings(sampling.get("leadUnits")));

        JsonNode total = target(sampling, "抽检量", 8489);
        assertEquals("批次", total.get("unit").asText());
        assertEquals(">=", total.get("comparator").asText());
        assertTrue(total.get("agency").isNull());
        assertEquals("全年安排食品安全抽检量8489批次", total.get("asWritten").asText());

        JsonNode market = target(sampling, "抽检量", 4800);
        assertEquals("区市场监管局", market.get("agency").asText());
        assertEquals("市场监管部门食品抽检量4800批次", market.get("asWritten").asText());
        assertEquals("区市场监管局", target(sampling, "抽检密度", 4).get("agency").asText());
        assertEquals("批次/千人", target(sampling, "抽检密度", 4).get("unit").asText());

        JsonNode agri = target(sampling, "抽检量", 3689);
        assertEquals("区农业农村委", agri.get("agency").asText());
        assertEquals("食用农产品", agri.get("foodCategory").asText());
        assertEquals("农业农村部门农产品质量安全定量检测量3689批次", agri.get("asWritten").asText());
        assertEquals("区农业农村委", target(sampling, "抽检密度", 2).get("agency").asText());

        assertEquals(8489, market.get("value").asInt() + agri.get("value").asInt());

        JsonNode soil = target(task(plan("wuqing-2024"), "（五）"), "其他", 95);
        assertEquals("%", soil.get("unit").asText());
        assertEquals("受污染耕地安全利用率在95%以上", soil.get("asWritten").asText());
        assertEquals(2, task(plan("wuqing-2024"), "（十八）").get("targets").size());
    }

    @Test
    void wuqingGeneralOwners() throws IOException {
        Map<String, List<String>> owners = owners(plan("wuqing-2024"));
        assertEquals(List.of("（十一）"), owners.get("sampling"));
        assertEquals(List.of("（十二）"), owners.get("monitoring"));
        assertEquals(List.of("（十二）"), owners.get("illness"));
        assertEquals(List.of("（二十五）"), owners.get("complaint"));
        assertEquals(List.of("（二十六）"), owners.get("opinion"));
    }

    @Test
    void wuqingResidueCampaignIsSpecific() throws IOException {
        JsonNode t = task(plan("wuqing-2024"), "（十三）");
        assertEquals("wuqing-2024:13", t.get("taskId").asText());
        assertEquals("开展农兽药残留专项整治行动", t.get("title").asText());
        assertEquals("三、围绕民生热点，解决突出问题", t.get("section").asText());
        assertEquals("区农业农村委负责", t.get("responsibilities").get(0).get("asWritten").asText());
        assertEquals(List.of("区农业农村委"), strings(t.get("leadUnits")));
        assertEquals(List.of(), strings(t.get("coUnits")));
        List<String> foods = strings(t.get("foods"));
        assertTrue(foods.containsAll(List.of("韭菜", "芹菜", "豇豆", "水产品")), foods.toString());
        assertEquals(List.of("农药残留", "兽药残留"), strings(t.get("hazards")));
        assertEquals(List.of("食用农产品"), strings(t.get("foodCategories")));
        assertEquals(List.of(), strings(t.get("signalTypes")));
    }

    @Test
    void hebeiHeaderAndTasks() throws IOException {
        JsonNode plan = plan("hebei-2023");
        assertEquals("hebei-2023", plan.get("planId").asText());
        assertEquals("河北区2023年食品安全监督管理计划", plan.get("title").asText());
        assertEquals("河北政办〔2023〕3号", plan.get("docNumber").asText());
        assertEquals("120105", plan.get("districtCode").asText());
        assertEquals("河北区", plan.get("districtName").asText());
        assertEquals(2023, plan.get("year").asInt());
        assertEquals(31, plan.get("tasks").size());

        JsonNode produce = task(plan, "（一）");
        assertEquals("加强食用农产品质量安全监管", produce.get("title").asText());
        assertEquals("一、加强源头治理", produce.get("section").asText());
        assertEquals(List.of("区市场监管局", "区卫生健康委", "公安河北分局", "区法院", "区检察院"),
                strings(produce.get("leadUnits")));
        assertEquals(List.of("农药残留", "兽药残留"), strings(produce.get("hazards")));

        JsonNode kunlun = task(plan, "（十四）");
        assertEquals("开展“昆仑2023”专项行动", kunlun.get("title").asText());
        assertEquals(List.of("公安河北分局"), strings(kunlun.get("leadUnits")));
        assertEquals(List.of("区卫生健康委", "区市场监管局", "区检察院", "区法院"), strings(kunlun.get("coUnits")));

        JsonNode outreach = task(plan, "（二十三）");
        assertEquals("区食品安全委员会办公室牵头，区科协及区食品安全委员会成员单位配合",
                outreach.get("responsibilities").get(0).get("asWritten").asText());
        assertEquals(List.of("区科协", "区食品安全委员会成员单位"), strings(outreach.get("coUnits")));

        JsonNode last = task(plan, "（三十一）");
        assertEquals("hebei-2023:31", last.get("taskId").asText());
        assertEquals("强化履职尽责", last.get("title").asText());
        assertEquals("八、强化责任落实", last.get("section").asText());
        assertEquals(List.of("区食品安全委员会办公室"), strings(last.get("leadUnits")));
    }

    @Test
    void hebeiTargets() throws IOException {
        JsonNode plan = plan("hebei-2023");
        JsonNode sampling = task(plan, "（十一）");
        assertEquals("加强食品安全抽检", sampling.get("title").asText());
        JsonNode volume = target(sampling, "抽检量", 4000);
        assertEquals("批次", volume.get("unit").asText());
        assertEquals("市场监管部门食品抽检量0.4万批次", volume.get("asWritten").asText());
        assertEquals("区市场监管局", volume.get("agency").asText());
        JsonNode density = target(sampling, "抽检密度", 6.1);
        assertEquals("批次/千人", density.get("unit").asText());
        assertEquals("达到6.1批次/千人", density.get("asWritten").asText());

        JsonNode grain = target(task(plan, "（二）"), "其他", 2);
        assertEquals("对区级储备成品粮每年至少开展两次第三方质量强检工作", grain.get("asWritten").asText());
        assertEquals(">=", grain.get("comparator").asText());
        assertEquals("100", target(task(plan, "（十五）"), "覆盖率", 100).get("value").asText());
        assertEquals("个", target(task(plan, "（二十一）"), "其他", 1).get("unit").asText());
        JsonNode deadline = target(task(plan, "（二十九）"), "其他", 30);
        assertEquals("日", deadline.get("unit").asText());
        assertEquals("<=", deadline.get("comparator").asText());
        assertNull(deadline.get("agency").textValue());
    }

    @Test
    void hebeiGeneralOwners() throws IOException {
        Map<String, List<String>> owners = owners(plan("hebei-2023"));
        assertEquals(List.of("（十一）"), owners.get("sampling"));
        assertEquals(List.of("（十二）"), owners.get("monitoring"));
        // 食源性疾病 appears only in （十五）强化智慧监管: "强化食源性疾病监测信息化技术应用".
        assertEquals(List.of("（十五）"), owners.get("illness"));
        // The plan has no 投诉举报 task; complaints have no general owner here.
        assertEquals(List.of(), owners.get("complaint"));
        assertEquals(List.of("（二十四）"), owners.get("opinion"));
        assertEquals("加强谣言治理", task(plan("hebei-2023"), "（二十四）").get("title").asText());
    }
}
