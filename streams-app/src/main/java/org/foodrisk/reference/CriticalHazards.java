package org.foodrisk.reference;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.ArrayList;

/**
 * Which failed test items are critical at once, whatever the count: banned veterinary drugs,
 * banned pesticides, illegal non-food substances, and pathogens in infant formula.
 *
 * <p>Sources (shared/reference/hazards.md): 农业农村部公告第250号 and its predecessor 农业部公告第193号
 * (banned in food animals), 整顿办函〔2010〕50号 (β-agonists), 农业部公告第2292号 (four
 * fluoroquinolones), the MARA list of 50 banned pesticides, 卫生部 2011 list of 47 illegal non-food
 * substances, and the zero-tolerance pathogen criteria for 婴幼儿配方食品 (GB 10765/10767,
 * n=3 c=0 m=0).
 */
public final class CriticalHazards {

    /** What makes a finding critical, and how severe it is by default. */
    public enum Kind {
        BANNED_VETERINARY_DRUG("禁用兽药", "RED"),
        ILLEGAL_ADDITIVE("非食用物质", "RED"),
        INFANT_FORMULA_PATHOGEN("婴幼儿配方食品致病菌", "RED"),
        BANNED_PESTICIDE("禁用农药", "ORANGE");

        private final String label;
        private final String level;

        Kind(String label, String level) {
            this.label = label;
            this.level = level;
        }

        public String label() {
            return label;
        }

        public String level() {
            return level;
        }
    }

    /** A matched finding: the substance group as the plans and the public name it. */
    public record Finding(Kind kind, String substance, String item) {
    }

    private record Group(Kind kind, String substance, List<String> itemNames) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group(Kind.BANNED_VETERINARY_DRUG, "克伦特罗", List.of("克伦特罗", "克仑特罗", "瘦肉精")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "莱克多巴胺", List.of("莱克多巴胺")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "沙丁胺醇", List.of("沙丁胺醇")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "西马特罗", List.of("西马特罗")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "硝基呋喃类", List.of("硝基呋喃", "呋喃唑酮", "呋喃西林", "呋喃妥因",
                    "呋喃它酮", "呋喃苯烯酸钠")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "氯霉素", List.of("氯霉素")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "孔雀石绿", List.of("孔雀石绿")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "五氯酚酸钠", List.of("五氯酚酸钠", "五氯酚钠")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "己烯雌酚", List.of("己烯雌酚")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "硝基咪唑类", List.of("甲硝唑", "地美硝唑", "替硝唑", "洛硝达唑")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "氨苯砜", List.of("氨苯砜")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "玉米赤霉醇", List.of("玉米赤霉醇")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "卡巴氧", List.of("卡巴氧")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "喹乙醇", List.of("喹乙醇")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "停用氟喹诺酮", List.of("洛美沙星", "培氟沙星", "氧氟沙星", "诺氟沙星")),
            new Group(Kind.BANNED_VETERINARY_DRUG, "利巴韦林", List.of("利巴韦林")),
            new Group(Kind.ILLEGAL_ADDITIVE, "非食用物质", List.of("吊白块", "苏丹红", "三聚氰胺", "蛋白精", "硼酸", "硼砂",
                    "硫氰酸钠", "玫瑰红B", "美术绿", "碱性嫩黄", "工业用甲醛", "甲醛", "工业用火碱", "工业硫磺", "工业染料",
                    "罂粟", "吗啡", "罂粟碱", "那可丁", "可待因", "皮革水解物", "革皮水解物", "溴酸钾", "富马酸二甲酯",
                    "废弃食用油脂", "工业用矿物油", "矿物油", "工业明胶", "工业酒精", "毛发水", "工业用乙酸", "荧光增白",
                    "工业氯化镁", "酸性橙", "水玻璃", "乌洛托品", "碱性黄", "西布曲明", "酚酞", "西地那非", "他达拉非",
                    "伐地那非", "麻黄碱", "芬氟拉明", "格列本脲", "格列苯脲", "盐酸二甲双胍", "罗格列酮", "吡格列酮",
                    "苯乙双胍", "盐酸可乐定")),
            new Group(Kind.BANNED_PESTICIDE, "禁用农药", List.of("六六六", "滴滴涕", "毒杀芬", "二溴氯丙烷", "杀虫脒",
                    "二溴乙烷", "除草醚", "艾氏剂", "狄氏剂", "敌枯双", "氟乙酰胺", "甘氟", "毒鼠强", "氟乙酸钠", "毒鼠硅",
                    "甲胺磷", "对硫磷", "久效磷", "磷胺", "苯线磷", "地虫硫磷", "甲基硫环磷", "硫线磷", "蝇毒磷", "治螟磷",
                    "特丁硫磷", "氯磺隆", "胺苯磺隆", "甲磺隆", "福美胂", "福美甲胂", "三氯杀螨醇", "林丹", "硫丹", "氟虫胺",
                    "杀扑磷", "百草枯", "2,4-滴丁酯", "甲拌磷", "甲基异柳磷", "水胺硫磷", "灭线磷")));

    private static final Set<String> INFANT_CATEGORIES = Set.of("婴幼儿配方食品", "特殊医学用途配方食品");
    private static final List<String> PATHOGENS = List.of("沙门氏菌", "克罗诺杆菌", "阪崎肠杆菌", "金黄色葡萄球菌",
            "单核细胞增生李斯特氏菌", "李斯特", "致泻大肠埃希氏菌", "志贺氏菌", "蜡样芽胞杆菌");

    private CriticalHazards() {
    }

    /**
     * Whether the banned name appears in the item only inside the name of a restricted pesticide: 乙酰甲胺磷
     * (acephate, restricted on some crops — {@link RestrictedPesticides}) is not 甲胺磷 (methamidophos, banned).
     * Read as 甲胺磷 it raised a banned-pesticide alert for any acephate failure (found on 2026-12-06 while
     * adding the restricted-pesticide rule).
     */
    private static boolean partOfAnotherName(String item, String banned) {
        String rest = item;
        for (String restricted : RestrictedPesticides.names()) {
            if (restricted.contains(banned) && !restricted.equals(banned)) {
                rest = rest.replace(restricted, "");
            }
        }
        return !rest.contains(banned);
    }

    /**
     * Classifies one failed item.
     *
     * @param item         the test item as written (e.g. 克伦特罗, 呋喃唑酮代谢物)
     * @param hazardClass  the contract hazard class (非法添加 always counts as critical)
     * @param foodCategory the sample's 大类, for the infant-formula pathogen rule
     */
    public static Optional<Finding> classify(String item, String hazardClass, String foodCategory) {
        String name = item == null ? "" : item.strip();
        for (Group group : GROUPS) {
            for (String itemName : group.itemNames()) {
                if (!name.isEmpty() && name.contains(itemName) && !partOfAnotherName(name, itemName)) {
                    return Optional.of(new Finding(group.kind(), group.substance(), name));
                }
            }
        }
        if (INFANT_CATEGORIES.contains(foodCategory) && ("微生物".equals(hazardClass) || isPathogen(name))) {
            if (isPathogen(name)) {
                return Optional.of(new Finding(Kind.INFANT_FORMULA_PATHOGEN, "致病菌", name));
            }
        }
        if ("非法添加".equals(hazardClass)) {
            return Optional.of(new Finding(Kind.ILLEGAL_ADDITIVE, name.isEmpty() ? "非法添加物" : name, name));
        }
        return Optional.empty();
    }

    /**
     * The names a plan may use for a substance group: plans write 瘦肉精 for the β-agonists
     * (克伦特罗, 莱克多巴胺, 沙丁胺醇) and 硝基呋喃 for its metabolites, so routing must see them as one.
     */
    public static List<String> namesOf(String substance) {
        if (substance == null) {
            return List.of();
        }
        for (Group group : GROUPS) {
            if (group.substance().equals(substance)) {
                List<String> names = new ArrayList<>(group.itemNames());
                names.add(0, substance);
                if (BETA_AGONISTS.contains(substance)) {
                    names.add("瘦肉精");
                }
                return names;
            }
        }
        return List.of(substance);
    }

    private static final Set<String> BETA_AGONISTS = Set.of("克伦特罗", "莱克多巴胺", "沙丁胺醇", "西马特罗");

    private static boolean isPathogen(String name) {
        return PATHOGENS.stream().anyMatch(name::contains);
    }
}
