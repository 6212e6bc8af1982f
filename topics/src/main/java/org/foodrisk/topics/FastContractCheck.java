package org.foodrisk.topics;

import static org.foodrisk.topics.ValueRules.arrayOf;
import static org.foodrisk.topics.ValueRules.bool;
import static org.foodrisk.topics.ValueRules.dateTime;
import static org.foodrisk.topics.ValueRules.integer;
import static org.foodrisk.topics.ValueRules.nullOr;
import static org.foodrisk.topics.ValueRules.number;
import static org.foodrisk.topics.ValueRules.oneOf;
import static org.foodrisk.topics.ValueRules.sixDigits;
import static org.foodrisk.topics.ValueRules.string;
import static org.foodrisk.topics.ValueRules.stringOrNumber;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written, conservative pre-check of an input contract record: {@link #certainlyValid}
 * answers true only when the topic's JSON Schema certainly accepts the value, false when it
 * does not know or the value is probably invalid.
 *
 * <p>Why: the schema engine costs about 15 % of the stream thread's CPU on a replay (it
 * re-serialises each Jackson 2 tree for the Jackson 3 validator), and nearly every record is
 * valid. {@link ContractValidator#validate} returns "no errors" at once when this check says
 * valid, and runs the engine otherwise — so every refusal is still worded by the engine, and
 * dead-letter reasons stay the same.
 *
 * <p>Each check below mirrors its schema in topics/src/main/resources/foodrisk/schemas/ keyword
 * for keyword ({@code $defs} first, then {@code required}, {@code properties}, {@code anyOf},
 * {@code if}/{@code then}). A change to a schema must be made here too: FastContractCheckTest
 * pins a fingerprint of each schema's keywords, and compares the two on many thousands of
 * mutated records, failing when this check accepts a record that the schema refuses.
 */
public final class FastContractCheck {

    // $defs shared by the four schemas.
    private static final ValueRule ID = string(1, 128);
    private static final ValueRule SHORT_TEXT = string(1, 256);
    private static final ValueRule OPTIONAL_SHORT_TEXT = nullOr(string(0, 256));
    private static final ValueRule TIME = dateTime();
    private static final ValueRule OPTIONAL_TIME = nullOr(dateTime());
    private static final ValueRule DISTRICT_CODE = nullOr(sixDigits());
    private static final ValueRule CREDIT_CODE = nullOr(string(0, 64));
    private static final ValueRule LONG_TEXT = string(1, 20_000);
    private static final ValueRule OPTIONAL_BOOLEAN = nullOr(bool());

    private static final FastContractCheck SAMPLING_RESULTS = samplingResults();
    private static final FastContractCheck ILLNESS_REPORTS = illnessReports();
    private static final FastContractCheck COMPLAINTS = complaints();
    private static final FastContractCheck OPINION_SIGNALS = opinionSignals();

    private static final Map<String, FastContractCheck> BY_TOPIC = Map.of(
            Topics.SAMPLING_RESULTS, SAMPLING_RESULTS,
            Topics.ILLNESS_REPORTS, ILLNESS_REPORTS,
            Topics.COMPLAINTS, COMPLAINTS,
            Topics.OPINION_SIGNALS, OPINION_SIGNALS);

    private final String topic;
    private final ObjectShape shape;
    private final ValueRule crossFieldRule;

    private FastContractCheck(String topic, ObjectShape shape, ValueRule crossFieldRule) {
        this.topic = topic;
        this.shape = shape;
        this.crossFieldRule = crossFieldRule;
    }

    /** The check of an input contract topic; empty for every other topic (no fast path there). */
    public static Optional<FastContractCheck> forTopic(String topic) {
        return Optional.ofNullable(BY_TOPIC.get(topic));
    }

    /** The topic whose schema this check mirrors. */
    public String topic() {
        return topic;
    }

    /**
     * True only when the topic's schema certainly accepts {@code value}; false when it may not
     * (then ask the schema engine, which also says why).
     */
    public boolean certainlyValid(JsonNode value) {
        // The cross-field rule runs on a record whose properties all passed: it may rely on their types.
        return value != null && shape.accepts(value) && crossFieldRule.accepts(value);
    }

    private static FastContractCheck samplingResults() {
        ObjectShape enterprise = ObjectShape.builder()
                .optional("name", OPTIONAL_SHORT_TEXT)
                .optional("creditCode", CREDIT_CODE)
                .optional("licenseNo", nullOr(string(0, 64)))
                .build();
        ObjectShape labelledManufacturer = ObjectShape.builder()
                .optional("name", OPTIONAL_SHORT_TEXT)
                .optional("address", nullOr(string(0, 512)))
                .build();
        ValueRule measurement = nullOr(stringOrNumber(256));
        ObjectShape item = ObjectShape.builder()
                .required("item", SHORT_TEXT)
                .optional("hazardClass", nullOr(oneOf("农药残留", "兽药残留", "重金属", "微生物", "生物毒素",
                        "非法添加", "食品添加剂", "质量指标", "污染物", "其他")))
                .optional("result", measurement)
                .optional("unit", nullOr(string(0, 64)))
                .optional("limit", measurement)
                .optional("limitType", nullOr(string(0, 64)))
                .optional("standard", nullOr(string(0, 512)))
                .optional("pass", OPTIONAL_BOOLEAN)
                .build();
        ObjectShape record = ObjectShape.builder()
                .required("sampleId", ID)
                .required("program", oneOf("国抽", "省抽", "市抽", "区抽", "县抽", "快检", "你点我检", "例行监测",
                        "风险监测", "监督抽查"))
                .optional("agency", OPTIONAL_SHORT_TEXT)
                .optional("lab", OPTIONAL_SHORT_TEXT)
                .required("labCode", ID)
                .optional("districtCode", DISTRICT_CODE)
                .optional("districtName", OPTIONAL_SHORT_TEXT)
                .optional("town", OPTIONAL_SHORT_TEXT)
                .optional("stage", nullOr(oneOf("种植养殖", "屠宰", "生产", "流通", "餐饮", "进口", "网络销售", "储备")))
                .optional("enterprise", nullOr(enterprise))
                .required("foodCategory", SHORT_TEXT)
                .optional("foodSubcategory", OPTIONAL_SHORT_TEXT)
                .required("foodName", SHORT_TEXT)
                .required("sampledAt", TIME)
                .optional("reportedAt", OPTIONAL_TIME)
                .required("verdict", oneOf("合格", "不合格"))
                .required("items", arrayOf(500, item))
                .optional("labelledManufacturer", nullOr(labelledManufacturer))
                .optional("specification", nullOr(string(0, 128)))
                .optional("productionDate", nullOr(string(0, 64)))
                .optional("batchNo", nullOr(string(0, 64)))
                .build();
        ValueRule failedHasItems = value -> !"不合格".equals(value.get("verdict").textValue())
                || !value.get("items").isEmpty();
        return new FastContractCheck(Topics.SAMPLING_RESULTS, record,
                value -> hasDistrict(value) && failedHasItems.accepts(value));
    }

    private static FastContractCheck illnessReports() {
        ObjectShape place = ObjectShape.builder()
                .optional("name", OPTIONAL_SHORT_TEXT)
                .optional("type", OPTIONAL_SHORT_TEXT)
                .optional("creditCode", CREDIT_CODE)
                .optional("address", nullOr(string(0, 512)))
                .build();
        ObjectShape record = ObjectShape.builder()
                .required("caseId", ID)
                .required("reportingUnit", SHORT_TEXT)
                .optional("districtCode", DISTRICT_CODE)
                .optional("districtName", OPTIONAL_SHORT_TEXT)
                .required("onsetAt", TIME)
                .optional("reportedAt", OPTIONAL_TIME)
                .optional("age", nullOr(integer(0, 150)))
                .optional("sex", nullOr(string(0, 16)))
                .required("symptoms", arrayOf(50, string(1, 64)))
                .optional("syndrome", OPTIONAL_SHORT_TEXT)
                .optional("suspectedFood", OPTIONAL_SHORT_TEXT)
                .optional("foodCategory", OPTIONAL_SHORT_TEXT)
                .optional("exposurePlace", nullOr(place))
                .optional("exposureAt", OPTIONAL_TIME)
                .optional("pathogen", OPTIONAL_SHORT_TEXT)
                .optional("hospitalized", OPTIONAL_BOOLEAN)
                .optional("died", OPTIONAL_BOOLEAN)
                .optional("town", OPTIONAL_SHORT_TEXT)
                .build();
        return new FastContractCheck(Topics.ILLNESS_REPORTS, record, FastContractCheck::hasDistrict);
    }

    private static FastContractCheck complaints() {
        ObjectShape enterprise = ObjectShape.builder()
                .optional("name", OPTIONAL_SHORT_TEXT)
                .optional("creditCode", CREDIT_CODE)
                .build();
        ObjectShape record = ObjectShape.builder()
                .required("complaintId", ID)
                .required("channel", oneOf("12315", "12345", "来信", "现场", "网络"))
                .required("receivedAt", TIME)
                .optional("districtCode", DISTRICT_CODE)
                .optional("districtName", OPTIONAL_SHORT_TEXT)
                .optional("enterprise", nullOr(enterprise))
                .optional("foodCategory", OPTIONAL_SHORT_TEXT)
                .optional("foodName", OPTIONAL_SHORT_TEXT)
                .optional("issueType", nullOr(oneOf("异物", "变质", "过期", "假冒伪劣", "标签标识", "虚假宣传",
                        "身体不适", "无证经营", "卫生条件", "其他")))
                .required("text", LONG_TEXT)
                .build();
        return new FastContractCheck(Topics.COMPLAINTS, record, value -> true);
    }

    private static FastContractCheck opinionSignals() {
        ValueRule count = nullOr(integer(0, Long.MAX_VALUE));
        ObjectShape record = ObjectShape.builder()
                .required("signalId", ID)
                .required("source", oneOf("微博", "微信", "抖音", "新闻", "论坛", "其他"))
                .required("publishedAt", TIME)
                .optional("title", nullOr(string(0, 1000)))
                .required("text", LONG_TEXT)
                .optional("url", nullOr(string(0, 2048)))
                .optional("districtCode", DISTRICT_CODE)
                .optional("districtName", OPTIONAL_SHORT_TEXT)
                .optional("foodCategory", OPTIONAL_SHORT_TEXT)
                .optional("reach", count)
                .optional("reposts", count)
                .optional("comments", count)
                .optional("sentiment", nullOr(number(-1, 1)))
                .optional("rumour", OPTIONAL_BOOLEAN)
                .build();
        return new FastContractCheck(Topics.OPINION_SIGNALS, record, value -> true);
    }

    /**
     * The anyOf of sampling results and illness reports: "districtCode" present as a string (its
     * own property rule has checked the pattern), or "districtName" present as a non-empty string.
     */
    private static boolean hasDistrict(JsonNode record) {
        JsonNode code = record.get("districtCode");
        JsonNode name = record.get("districtName");
        return (code != null && code.isTextual()) || (name != null && name.isTextual() && !name.textValue().isEmpty());
    }
}
