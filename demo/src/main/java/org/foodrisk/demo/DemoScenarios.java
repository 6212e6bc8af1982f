package org.foodrisk.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoCatalog.District;
import org.foodrisk.demo.DemoCatalog.Item;
import org.foodrisk.demo.DemoIdentity.Enterprise;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The planted incidents of one day. Every record is fixed (no seed), its id says which
 * scenario it belongs to ({@code DEMO-S<n>-<yyyyMMdd>-<nn>}), and every event time lies inside
 * the day, so the incidents work whether they are merged into a replay by event time or
 * appended after it. Businesses are fixed too, so the same credit codes come back every day a
 * scenario is planted.
 *
 * <p>Arrival: every record carries its arrival time ({@code reportedAt} where the topic has one).
 * The lab reports come at fixed offsets, 2–6 days after sampling (S2's second sample last, 6 days
 * later at 14:00), and do not follow the labs' working calendar: an incident reads the same
 * whatever day it is planted on. Complaints and posts arrive at their event time; S4's cases are
 * filed 5–9 hours after onset.
 */
final class DemoScenarios {

    static final String PREFIX = "DEMO-S";

    private static final District WUQING = DemoCatalog.district("120114");
    private static final District XIQING = DemoCatalog.district("120111");
    private static final District HEBEI = DemoCatalog.district("120105");
    private static final District JIZHOU = DemoCatalog.district("120119");

    static final Enterprise S1_ENTERPRISE = new Enterprise("武清区下朱庄康盛农贸市场17号摊位（李某某）",
            DemoIdentity.creditCode('9', '2', "120114", "MA06K3R2"), null, "下朱庄街道",
            "天津市武清区下朱庄街道京津公路128号康盛农贸市场");
    static final Enterprise S2_ENTERPRISE = new Enterprise("天津市西青区杨柳青镇鑫丰源蔬菜经营部",
            DemoIdentity.creditCode('9', '2', "120111", "MA07BX4T"), null, "杨柳青镇",
            "天津市西青区杨柳青镇柳口路66号");
    static final Enterprise S4_CANTEEN = new Enterprise("天津市蓟州区渔阳镇启明中学学生食堂",
            DemoIdentity.creditCode('1', '2', "120119", "MB1Q2796"), "JY31201190012348", "渔阳镇",
            "天津市蓟州区渔阳镇兴华大街19号");
    static final Enterprise S7_ENTERPRISE = new Enterprise("武清区杨村惠丰农贸市场23号摊位（张某某）",
            DemoIdentity.creditCode('9', '2', "120114", "MA05R7KD"), null, "杨村街道",
            "天津市武清区杨村街道雍阳西道45号惠丰农贸市场");

    private static final DemoCatalog.Lab LAB_TJFS = DemoCatalog.LAB_TJFS;
    private static final DemoCatalog.Lab LAB_TJZJ = DemoCatalog.LAB_TJZJ;

    private DemoScenarios() {
    }

    static String id(int scenario, LocalDate date, int seq) {
        return PREFIX + scenario + "-" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%02d", seq);
    }

    static List<DemoRecord> build(LocalDate date, ZoneId zone) {
        List<DemoRecord> out = new ArrayList<>();
        s1Clenbuterol(date, zone, out);
        s2RepeatOffender(date, zone, out);
        s3DairyRun(date, zone, out);
        s4SchoolCluster(date, zone, out);
        s5ComplaintBurst(date, zone, out);
        s6OpinionSpike(date, zone, out);
        s7LeekFailure(date, zone, out);
        return out;
    }

    // S1 ----------------------------------------------------------------------------------------

    private static void s1Clenbuterol(LocalDate date, ZoneId zone, List<DemoRecord> out) {
        ZonedDateTime sampled = at(date, zone, 9, 20);
        Item clenbuterol = DemoCatalog.bannedVet("克伦特罗", 0.5, 6, DemoCatalog.BETA_AGONIST_BASIS, 1);
        ArrayNode items = DemoJson.MAPPER.createArrayNode();
        items.add(DemoJson.item(clenbuterol, "2.3", false));
        items.add(DemoJson.item(DemoCatalog.bannedVet("莱克多巴胺", 0.5, 8, DemoCatalog.BETA_AGONIST_BASIS, 1), "未检出", true));
        items.add(DemoJson.item(DemoCatalog.bannedVet("沙丁胺醇", 0.5, 5, DemoCatalog.BETA_AGONIST_BASIS, 1), "未检出", true));
        items.add(DemoJson.item(DemoCatalog.vet("恩诺沙星(以恩诺沙星与环丙沙星之和计)", 100), "未检出", true));
        out.add(sample(id(1, date, 1), "监督抽查", DemoCatalog.AGENCY_SAMR, LAB_TJFS, WUQING, true, S1_ENTERPRISE, "流通",
                "食用农产品", "畜禽肉及副产品", "猪肉", sampled, sampled.plusDays(3).with(LocalTime.of(16, 0)), items));
    }

    // S2 ----------------------------------------------------------------------------------------

    private static void s2RepeatOffender(LocalDate date, ZoneId zone, List<DemoRecord> out) {
        Item procymidone = DemoCatalog.pest("腐霉利", 0.2);
        Item chlorpyrifos = DemoCatalog.pest("毒死蜱", 0.02);
        Item omethoate = DemoCatalog.pest("氧乐果", 0.02);

        ZonedDateTime first = at(date, zone, 8, 40);
        ArrayNode a = DemoJson.MAPPER.createArrayNode();
        a.add(DemoJson.item(procymidone, "1.26", false));
        a.add(DemoJson.item(chlorpyrifos, "未检出", true));
        a.add(DemoJson.item(omethoate, "未检出", true));
        out.add(sample(id(2, date, 1), "市抽", DemoCatalog.AGENCY_SAMR, LAB_TJFS, XIQING, true, S2_ENTERPRISE, "流通",
                "食用农产品", "蔬菜", "韭菜", first, first.plusDays(4).with(LocalTime.of(10, 30)), a));

        ZonedDateTime second = at(date, zone, 15, 10);
        ArrayNode b = DemoJson.MAPPER.createArrayNode();
        b.add(DemoJson.item(chlorpyrifos, "0.18", false));
        b.add(DemoJson.item(procymidone, "0.43", false));
        b.add(DemoJson.item(omethoate, "未检出", true));
        out.add(sample(id(2, date, 2), "区抽", DemoCatalog.AGENCY_SAMR, LAB_TJZJ, XIQING, false, S2_ENTERPRISE, "流通",
                "食用农产品", "蔬菜", "韭菜", second, second.plusDays(6).with(LocalTime.of(14, 0)), b));
    }

    // S3 ----------------------------------------------------------------------------------------

    /** 20 乳制品 samples in 河北区 in one day, 5 of them 不合格: a 75 % pass rate against the 99 % target. */
    static final int S3_SAMPLES = 20;
    static final int S3_FAILURES = 5;

    private static void s3DairyRun(LocalDate date, ZoneId zone, List<DemoRecord> out) {
        Item tpcPasteurised = DemoCatalog.plan("菌落总数", 5, 2, 50000, 100000, "CFU/mL", "GB 19645-2010");
        Item coliPasteurised = DemoCatalog.plan("大肠菌群", 5, 2, 1, 5, "CFU/mL", "GB 19645-2010");
        Item coliYoghurt = DemoCatalog.plan("大肠菌群", 5, 2, 1, 5, "CFU/g", "GB 19302-2010");
        Item yeastYoghurt = DemoCatalog.microMax("酵母", 100, "CFU/g", "GB 19302-2010");
        Item proteinUht = DemoCatalog.qualityMin("蛋白质", 2.9, "g/100g", "GB 25190-2010");
        Item proteinYoghurt = DemoCatalog.qualityMin("蛋白质", 2.3, "g/100g", "GB 19302-2010");
        Item proteinPasteurised = DemoCatalog.qualityMin("蛋白质", 2.9, "g/100g", "GB 19645-2010");
        Item m1 = DemoCatalog.toxin("黄曲霉毒素M₁", 0.5);

        // failing: food, subcategory, items (first fails)
        Object[][] failing = {
                {"巴氏杀菌乳", tpcPasteurised, "2.6×10⁵,8.8×10⁴,1.4×10⁵,3.1×10⁴,9.5×10⁴", proteinPasteurised, "3.1"},
                {"巴氏杀菌乳", coliPasteurised, "23,8,<1,15,4", proteinPasteurised, "3.0"},
                {"酸奶", coliYoghurt, "46,12,<1,9,31", proteinYoghurt, "2.7"},
                {"酸奶", yeastYoghurt, "4.6×10³", coliYoghurt, "<1,<1,<1,<1,<1"},
                {"纯牛奶", proteinUht, "2.5", m1, "未检出"},
        };
        SplittableRandom rnd = new SplittableRandom(0x53L); // fixed: the same 20 shops every time
        for (int i = 0; i < S3_SAMPLES; i++) {
            Enterprise shop = DemoIdentity.enterprise(0x53L, HEBEI, DemoIdentity.Kind.RETAIL, null, i);
            ZonedDateTime sampled = at(date, zone, 8, 30).plusMinutes(20L * i);
            ArrayNode items = DemoJson.MAPPER.createArrayNode();
            String food;
            if (i < S3_FAILURES) {
                Object[] f = failing[i];
                food = (String) f[0];
                items.add(DemoJson.item((Item) f[1], (String) f[2], false));
                items.add(DemoJson.item((Item) f[3], (String) f[4], true));
            } else {
                food = new String[]{"纯牛奶", "酸奶", "巴氏杀菌乳"}[i % 3];
                switch (food) {
                    case "纯牛奶" -> {
                        items.add(DemoJson.item(proteinUht, DemoJson.passingResult(proteinUht, rnd), true));
                        items.add(DemoJson.item(m1, "未检出", true));
                    }
                    case "酸奶" -> {
                        items.add(DemoJson.item(proteinYoghurt, DemoJson.passingResult(proteinYoghurt, rnd), true));
                        items.add(DemoJson.item(coliYoghurt, DemoJson.passingResult(coliYoghurt, rnd), true));
                    }
                    default -> {
                        items.add(DemoJson.item(tpcPasteurised, DemoJson.passingResult(tpcPasteurised, rnd), true));
                        items.add(DemoJson.item(coliPasteurised, DemoJson.passingResult(coliPasteurised, rnd), true));
                    }
                }
            }
            String program = i % 2 == 0 ? "市抽" : "区抽";
            out.add(sample(id(3, date, i + 1), program, DemoCatalog.AGENCY_SAMR, i % 2 == 0 ? LAB_TJFS : LAB_TJZJ, HEBEI,
                    i % 4 != 3, shop, "流通", "乳制品", "液体乳", food, sampled,
                    sampled.plusDays(5).with(LocalTime.of(11, 0)), items));
        }
    }

    // S4 ----------------------------------------------------------------------------------------

    private static void s4SchoolCluster(LocalDate date, ZoneId zone, List<DemoRecord> out) {
        // Lunch the day before; norovirus incubation 12–48 h.
        ZonedDateTime lunch = date.minusDays(1).atTime(11, 50).atZone(zone);
        Object[][] cases = {
                // onset h, m, age, sex, symptoms, pathogen, hospitalised
                {2, 15, 13, "男", new String[]{"腹泻", "呕吐", "腹痛"}, null, false},
                {7, 40, 14, "女", new String[]{"呕吐", "腹泻", "发热", "恶心"}, "诺如病毒", true},
                {13, 5, 13, "女", new String[]{"腹泻", "呕吐"}, null, false},
        };
        for (int i = 0; i < cases.length; i++) {
            Object[] c = cases[i];
            ZonedDateTime onset = at(date, zone, (Integer) c[0], (Integer) c[1]);
            String caseId = id(4, date, i + 1);
            ObjectNode n = DemoJson.object();
            n.put("caseId", caseId);
            n.put("reportingUnit", "天津市蓟州区人民医院");
            n.put("districtCode", JIZHOU.code());
            n.put("districtName", JIZHOU.name());
            n.put("onsetAt", DemoJson.iso(onset));
            ZonedDateTime reported = onset.plusHours(5 + 2L * i);
            n.put("reportedAt", DemoJson.iso(reported));
            n.put("age", (Integer) c[2]);
            n.put("sex", (String) c[3]);
            ArrayNode symptoms = n.putArray("symptoms");
            for (String s : (String[]) c[4]) {
                symptoms.add(s);
            }
            n.put("syndrome", "胃肠道");
            n.put("suspectedFood", "学校食堂午餐（米饭、炒菜、凉拌菜）");
            n.put("foodCategory", "餐饮食品");
            ObjectNode place = DemoJson.object();
            place.put("name", S4_CANTEEN.name());
            place.put("type", "学校食堂");
            place.put("creditCode", S4_CANTEEN.creditCode());
            place.put("address", S4_CANTEEN.address());
            n.set("exposurePlace", place);
            n.put("exposureAt", DemoJson.iso(lunch));
            if (c[5] != null) {
                n.put("pathogen", (String) c[5]);
            }
            n.put("hospitalized", (Boolean) c[6]);
            out.add(new DemoRecord(DemoDataGenerator.TOPIC_ILLNESS, caseId, DemoJson.write(n), onset.toInstant(),
                    reported.toInstant()));
        }
    }

    // S5 ----------------------------------------------------------------------------------------

    private static void s5ComplaintBurst(LocalDate date, ZoneId zone, List<DemoRecord> out) {
        // hour, minute, channel, text, districtCode?, foodName?, foodCategory?, enterprise?, issueType
        Object[][] rows = {
                {9, 5, "12315", "昨天在武清区杨村街道惠丰农贸市场买的韭菜，包饺子吃完后全家都腹泻，怀疑韭菜农药超标，请求查处。",
                        true, true, true, true, "身体不适"},
                {10, 40, "12345", "武清杨村这边菜市场的韭菜有股很冲的药味，吃了以后孩子呕吐，希望相关部门去查一下。",
                        false, false, false, false, "身体不适"},
                {12, 15, "12315", "在杨村街道惠丰农贸市场23号摊位买的韭菜，回家一洗水都是浑的，吃完头晕恶心。",
                        false, true, false, true, "身体不适"},
                {14, 30, "网络", "武清区下朱庄街道一家超市卖的韭菜，我和家人吃完都拉肚子，是不是打了禁用农药？",
                        true, false, true, false, "身体不适"},
                {16, 50, "12315", "投诉武清区某菜店韭菜叶子上有白色药斑，老板说是正常的，吃了担心中毒。",
                        false, true, false, false, "其他"},
                {19, 20, "12345", "今天中午在武清区东蒲洼街道小饭馆吃了韭菜盒子，下午开始上吐下泻，怀疑韭菜有问题。",
                        false, false, false, false, "身体不适"},
        };
        for (int i = 0; i < rows.length; i++) {
            Object[] r = rows[i];
            ZonedDateTime received = at(date, zone, (Integer) r[0], (Integer) r[1]);
            String complaintId = id(5, date, i + 1);
            ObjectNode n = DemoJson.object();
            n.put("complaintId", complaintId);
            n.put("channel", (String) r[2]);
            n.put("receivedAt", DemoJson.iso(received));
            if ((Boolean) r[4]) {
                n.put("districtCode", WUQING.code());
                n.put("districtName", WUQING.name());
            }
            if ((Boolean) r[7]) {
                ObjectNode e = DemoJson.object();
                e.put("name", S7_ENTERPRISE.name());
                e.put("creditCode", S7_ENTERPRISE.creditCode());
                n.set("enterprise", e);
            }
            if ((Boolean) r[6]) {
                n.put("foodCategory", "食用农产品");
            }
            if ((Boolean) r[5]) {
                n.put("foodName", "韭菜");
            }
            n.put("issueType", (String) r[8]);
            n.put("text", (String) r[3]);
            out.add(new DemoRecord(DemoDataGenerator.TOPIC_COMPLAINTS, complaintId, DemoJson.write(n), received.toInstant(),
                    received.toInstant()));
        }
    }

    // S6 ----------------------------------------------------------------------------------------

    static final int S6_RUMOUR_SEQ = 5;

    private static void s6OpinionSpike(LocalDate date, ZoneId zone, List<DemoRecord> out) {
        // hour, minute, second, title, text, reach, reposts, comments, sentiment, districtName?
        Object[][] rows = {
                {10, 12, 8, "武清韭菜农药超标？", "#武清韭菜# 听说武清这边菜市场的韭菜农药超标，有人吃了拉肚子，最近大家先别买了。",
                        86_000, 1_240, 530, -0.62, true},
                {10, 47, 31, null, "刚在武清区杨村买的韭菜，洗的时候一股农药味，这还能吃吗？@天津市场监管 #武清韭菜#",
                        23_500, 310, 188, -0.55, false},
                {11, 30, 2, "武清多人吃韭菜后腹泻", "武清区多名居民反映吃了菜市场买的韭菜后出现腹泻、呕吐，疑似农药残留超标，等官方通报。",
                        412_000, 6_870, 2_915, -0.78, true},
                {12, 5, 44, null, "家里老人在武清杨村农贸市场买的韭菜，吃完头晕，现在谁还敢买韭菜 #武清韭菜# #农药残留#",
                        35_200, 420, 260, -0.7, false},
                {12, 41, 19, "紧急扩散！武清韭菜全是毒韭菜", "网传武清的韭菜全都是用禁用农药种出来的，吃了会致癌，赶紧告诉家人朋友，一根都别吃！",
                        780_000, 15_600, 4_380, -0.93, false},
                {13, 20, 55, null, "#武清韭菜# 有没有人知道是哪个市场的？我们小区团购的韭菜也是武清来的。",
                        18_700, 150, 96, -0.41, true},
                {14, 2, 37, "韭菜农药残留怎么去除", "武清韭菜事件上热搜了，科普一下：韭菜常见超标农药是腐霉利、毒死蜱，买回来多浸泡多冲洗。",
                        152_000, 2_300, 870, -0.2, false},
                {15, 36, 9, null, "武清区这次韭菜的事希望监管部门尽快公布抽检结果，别让老百姓瞎猜了。#武清韭菜#",
                        64_300, 880, 640, -0.48, true},
        };
        for (int i = 0; i < rows.length; i++) {
            Object[] r = rows[i];
            ZonedDateTime published = at(date, zone, (Integer) r[0], (Integer) r[1]).plusSeconds((Integer) r[2]);
            String signalId = id(6, date, i + 1);
            ObjectNode n = DemoJson.object();
            n.put("signalId", signalId);
            n.put("source", "微博");
            n.put("publishedAt", DemoJson.iso(published));
            if (r[3] != null) {
                n.put("title", (String) r[3]);
            }
            n.put("text", (String) r[4]);
            n.put("url", "https://weibo.example/" + (3_100_000 + 137 * i) + "/demo-s6-"
                    + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + (i + 1));
            if ((Boolean) r[9]) {
                n.put("districtName", WUQING.name());
                n.put("districtCode", WUQING.code());
                n.put("foodCategory", "食用农产品");
            }
            n.put("reach", (Integer) r[5]);
            n.put("reposts", (Integer) r[6]);
            n.put("comments", (Integer) r[7]);
            n.put("sentiment", (Double) r[8]);
            n.put("rumour", i + 1 == S6_RUMOUR_SEQ);
            out.add(new DemoRecord(DemoDataGenerator.TOPIC_OPINION, signalId, DemoJson.write(n), published.toInstant(),
                    published.toInstant()));
        }
    }

    // S7 ----------------------------------------------------------------------------------------

    private static void s7LeekFailure(LocalDate date, ZoneId zone, List<DemoRecord> out) {
        ZonedDateTime sampled = at(date, zone, 10, 5);
        ArrayNode items = DemoJson.MAPPER.createArrayNode();
        items.add(DemoJson.item(DemoCatalog.pest("腐霉利", 0.2), "0.87", false));
        items.add(DemoJson.item(DemoCatalog.pest("毒死蜱", 0.02), "未检出", true));
        items.add(DemoJson.item(DemoCatalog.pest("氧乐果", 0.02), "未检出", true));
        out.add(sample(id(7, date, 1), "区抽", DemoCatalog.AGENCY_SAMR, DemoCatalog.districtLab(WUQING, false), WUQING, true,
                S7_ENTERPRISE, "流通", "食用农产品", "蔬菜", "韭菜", sampled, sampled.plusDays(2).with(LocalTime.of(17, 30)),
                items));
    }

    // -------------------------------------------------------------------------------------------

    private static DemoRecord sample(String sampleId, String program, String agency, DemoCatalog.Lab lab, District d,
                                     boolean bothDistrictFields, Enterprise e, String stage, String category,
                                     String subcategory, String food, ZonedDateTime sampled, ZonedDateTime reported,
                                     ArrayNode items) {
        boolean failed = false;
        for (var item : items) {
            failed |= !item.get("pass").asBoolean();
        }
        ObjectNode n = DemoJson.object();
        n.put("sampleId", sampleId);
        n.put("program", program);
        n.put("agency", agency);
        n.put("lab", lab.name());
        n.put("labCode", lab.code());
        n.put("districtCode", d.code());
        if (bothDistrictFields) {
            n.put("districtName", d.name());
        }
        if (e.town() != null) {
            n.put("town", e.town());
        }
        n.put("stage", stage);
        n.set("enterprise", DemoJson.enterprise(e, true));
        n.put("foodCategory", category);
        n.put("foodSubcategory", subcategory);
        n.put("foodName", food);
        n.put("sampledAt", DemoJson.iso(sampled));
        n.put("reportedAt", DemoJson.iso(reported));
        n.put("verdict", failed ? "不合格" : "合格");
        n.set("items", items);
        return new DemoRecord(DemoDataGenerator.TOPIC_SAMPLING, sampleId, DemoJson.write(n), sampled.toInstant(),
                reported.toInstant());
    }

    private static ZonedDateTime at(LocalDate date, ZoneId zone, int hour, int minute) {
        return date.atTime(hour, minute).atZone(zone);
    }
}
