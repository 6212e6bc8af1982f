package org.foodrisk.topology;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.kafka.Json;

/** Contract JSON for tests: valid records that each test then varies. */
final class Samples {

    private Samples() {
    }

    static ObjectNode sampling(String sampleId, String districtName, String category, String foodName,
                               String sampledAt, boolean failed) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("sampleId", sampleId);
        record.put("program", "区抽");
        record.put("agency", "区市场监管局");
        record.put("lab", "天津市食品安全检测技术研究院");
        record.put("labCode", "TJFS001");
        record.put("districtName", districtName);
        record.put("stage", "流通");
        record.put("foodCategory", category);
        record.put("foodName", foodName);
        record.put("sampledAt", sampledAt);
        record.put("verdict", failed ? "不合格" : "合格");
        ArrayNode items = record.putArray("items");
        if (failed) {
            ObjectNode item = items.addObject();
            item.put("item", "菌落总数");
            item.put("hazardClass", "微生物");
            item.put("result", "2.1×10⁵");
            item.put("unit", "CFU/g");
            item.put("limit", "10⁵");
            item.put("pass", false);
        }
        return record;
    }

    static ObjectNode clenbuterolPork(String sampleId, String sampledAt) {
        ObjectNode record = sampling(sampleId, "武清区", "食用农产品", "猪肉", sampledAt, true);
        record.put("foodSubcategory", "畜禽肉及副产品");
        record.putObject("enterprise").put("name", "武清区某农贸市场猪肉摊").put("creditCode", "92120222MA05TEST01");
        ArrayNode items = record.putArray("items");
        ObjectNode item = items.addObject();
        item.put("item", "克伦特罗");
        item.put("hazardClass", "兽药残留");
        item.put("result", "2.3");
        item.put("unit", "μg/kg");
        item.put("limit", "不得检出");
        item.put("standard", "整顿办函〔2010〕50号");
        item.put("pass", false);
        return record;
    }

    static ObjectNode pesticideFailure(String sampleId, String districtName, String foodName, String creditCode,
                                       String sampledAt) {
        ObjectNode record = sampling(sampleId, districtName, "食用农产品", foodName, sampledAt, true);
        record.putObject("enterprise").put("name", "某蔬菜批发商户").put("creditCode", creditCode);
        ArrayNode items = record.putArray("items");
        ObjectNode item = items.addObject();
        item.put("item", "腐霉利");
        item.put("hazardClass", "农药残留");
        item.put("result", "0.8");
        item.put("unit", "mg/kg");
        item.put("limit", "0.2");
        item.put("standard", "GB 2763-2021");
        item.put("pass", false);
        return record;
    }
}
