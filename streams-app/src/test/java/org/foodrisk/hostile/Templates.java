package org.foodrisk.hostile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.kafka.Json;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Valid contract records, varied from a seeded random source: the starting point of every
 * attack and the valid records interleaved with them. Event times lie in 2023 (in the past, after
 * 2000); the lab is {@link #LAB_CODE}, so a lab credential with that code may publish them.
 */
final class Templates {

    static final String LAB_CODE = "HOSTILE-LAB";
    static final String OFFSET = "+08:00";

    private static final List<String> DISTRICTS = List.of("武清区", "蓟州区", "宝坻区", "西青区", "河北区", "静海区", "滨海新区");
    private static final List<String> VEGETABLES = List.of("韭菜", "芹菜", "豇豆", "菠菜", "油麦菜");
    private static final List<String> PROGRAMS = List.of("国抽", "省抽", "市抽", "区抽", "快检");
    private static final List<String> CHANNELS = List.of("12315", "12345", "来信", "现场", "网络");
    private static final List<String> SOURCES = List.of("微博", "微信", "抖音", "新闻", "论坛");

    private final SplittableRandom random;

    Templates(SplittableRandom random) {
        this.random = random;
    }

    ObjectNode record(InputTopic input, String id) {
        return switch (input) {
            case SAMPLING_RESULTS -> sampling(id);
            case ILLNESS_REPORTS -> illness(id);
            case COMPLAINTS -> complaint(id);
            case OPINION_SIGNALS -> opinion(id);
        };
    }

    /** An action on an alert that does not exist: valid by the schema, refused by the alert's processor. */
    ObjectNode action(String alertId) {
        ObjectNode action = Json.MAPPER.createObjectNode();
        action.put("alertId", alertId);
        action.put("action", pick(List.of("acknowledge", "assign", "comment", "close", "reopen")));
        action.put("by", "hostile-tester");
        action.put("unit", "区市场监管局");
        action.put("at", time(eventDay()));
        action.put("note", "核查中");
        return action;
    }

    private ObjectNode sampling(String id) {
        LocalDate day = eventDay();
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("sampleId", id);
        record.put("program", pick(PROGRAMS));
        record.put("agency", "区市场监管局");
        record.put("lab", "天津市某检测所");
        record.put("labCode", LAB_CODE);
        record.put("districtName", pick(DISTRICTS));
        record.put("stage", "流通");
        record.putObject("enterprise").put("name", "某某蔬菜店" + random.nextInt(500));
        record.put("foodCategory", "食用农产品");
        record.put("foodSubcategory", "蔬菜");
        record.put("foodName", pick(VEGETABLES));
        record.put("sampledAt", time(day));
        record.put("reportedAt", time(day.plusDays(3)));
        boolean failed = random.nextInt(10) == 0;
        record.put("verdict", failed ? "不合格" : "合格");
        ArrayNode items = record.putArray("items");
        ObjectNode item = items.addObject();
        item.put("item", failed ? "腐霉利" : "毒死蜱");
        item.put("hazardClass", "农药残留");
        item.put("result", failed ? "0.52" : "未检出");
        item.put("unit", "mg/kg");
        item.put("limit", failed ? 0.2 : 0.02);
        item.put("standard", "GB 2763-2021");
        item.put("pass", !failed);
        return record;
    }

    private ObjectNode illness(String id) {
        LocalDate day = eventDay();
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("caseId", id);
        record.put("reportingUnit", "天津市某医院");
        record.put("districtName", pick(DISTRICTS));
        record.put("onsetAt", time(day));
        record.put("reportedAt", time(day.plusDays(1)));
        record.put("age", random.nextInt(90));
        record.put("sex", random.nextBoolean() ? "男" : "女");
        record.putArray("symptoms").add("腹泻").add("呕吐");
        record.put("suspectedFood", "凉拌菜");
        ObjectNode place = record.putObject("exposurePlace");
        place.put("name", "某饭店" + random.nextInt(2000));
        place.put("type", "餐饮服务单位");
        place.put("address", "某路" + random.nextInt(100) + "号");
        record.put("hospitalized", false);
        return record;
    }

    private ObjectNode complaint(String id) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("complaintId", id);
        record.put("channel", pick(CHANNELS));
        record.put("receivedAt", time(eventDay()));
        record.put("districtName", pick(DISTRICTS));
        record.put("foodName", "面包");
        record.put("issueType", "变质");
        record.put("text", "在某超市买的面包发霉了，请处理。");
        return record;
    }

    private ObjectNode opinion(String id) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("signalId", id);
        record.put("source", pick(SOURCES));
        record.put("publishedAt", time(eventDay()));
        record.put("title", "某店酸奶有异味");
        record.put("text", "网友称在某店买的酸奶有异味。");
        record.put("districtName", pick(DISTRICTS));
        record.put("reach", 10 + random.nextInt(5000));
        record.put("sentiment", -0.5);
        record.put("rumour", false);
        return record;
    }

    LocalDate eventDay() {
        return LocalDate.of(2023, 1, 1).plusDays(random.nextInt(360));
    }

    String time(LocalDate day) {
        return String.format("%sT%02d:%02d:%02d%s", day, random.nextInt(24), random.nextInt(60), random.nextInt(60), OFFSET);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
