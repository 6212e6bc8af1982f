package org.foodrisk.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.foodrisk.reference.Districts;

/**
 * The reference data the demo generator draws from. Kept apart from the generator so that the
 * "what does Tianjin food-safety traffic look like" facts can be read and checked in one place.
 *
 * <p>Sources (see also /work/shared/DESIGN.md "Reference facts" and /work/shared/reference/):
 * <ul>
 *   <li>Districts, GB/T 2260 codes, 七普 population, streets/towns: {@link Districts}, which reads
 *       them from the shared table (reference/districts.md: cn/GB2260 mca/202112.tsv;
 *       modood/Administrative-divisions-of-China dist/streets.csv).</li>
 *   <li>Sampling volumes of the four plan districts: the plans as quoted in DESIGN.md
 *       (武清 2024 8489 批次, 西青 2021 5710, 河北 2023 4000, 蓟州 2018 3360).</li>
 *   <li>The 35 national sampling 大类 and the 2023 failure mix (2.73 % 不合格; 农药残留 37.66 %,
 *       微生物 18.81 %, 食品添加剂 13.08 %, 有机物污染 11.01 %, 兽药残留 7.90 %, 重金属等 5.85 %,
 *       质量指标 4.60 %): DESIGN.md "Reference facts" (SAMR 2023 抽检情况).</li>
 *   <li>Test items per hazard class and the legal basis of banned substances: reference/hazards.md.</li>
 *   <li>Exposure places and agents of foodborne illness: reference/foodborne.md.</li>
 * </ul>
 * Limits are written as sampling bulletins quote them (GB 2763-2021 pesticide MRLs, GB 31650-2019
 * veterinary-drug MRLs, GB 2762-2022 contaminants, GB 2761-2017 mycotoxins, GB 2760-2014 additives,
 * product standards for microbiological and quality criteria). This is demo data: the numbers are
 * plausible, not a legal reference.
 */
final class DemoCatalog {

    private DemoCatalog() {
    }

    // ------------------------------------------------------------------------------------------
    // Districts
    // ------------------------------------------------------------------------------------------

    /**
     * One Tianjin district. {@code samplesPerDay} is the mean number of sampling results per
     * calendar day; {@code weight} scales illness, complaint and opinion volumes.
     */
    record District(String code, String name, int population, double samplesPerDay, double weight,
                    List<String> towns, List<String> reportingUnits, boolean planDistrict) {
        /** How people write it without the 区 suffix (武清, 西青, 滨海). */
        String shortName() {
            if (name.equals("滨海新区")) {
                return "滨海";
            }
            return name.endsWith("区") ? name.substring(0, name.length() - 1) : name;
        }
    }

    /** Sampling batches per 1000 residents per year for districts without a plan in the seeds. */
    private static final double OTHER_DISTRICT_RATE = 1.5;

    /** The four plan districts' sampling volumes (batches per year) and their sentinel hospitals. */
    private record PlanDistrict(int batchesPerYear, List<String> hospitals) {
    }

    private static final Map<String, PlanDistrict> PLAN_DISTRICTS = Map.of(
            "120105", new PlanDistrict(4000, List.of("天津市第四中心医院", "天津市河北区中医医院")),
            "120111", new PlanDistrict(5710, List.of("天津市西青医院", "天津市西青区中医医院")),
            "120114", new PlanDistrict(8489, List.of("天津市武清区人民医院", "天津市武清区中医医院")),
            "120119", new PlanDistrict(3360, List.of("天津市蓟州区人民医院", "天津市蓟州区中医医院")));

    /** The 16 districts of {@link Districts}, in code order; towns only for the plan districts. */
    static final List<District> DISTRICTS = Districts.all().stream()
            .map(DemoCatalog::demoDistrict)
            .toList();

    // fully qualified, next 1 line: the demo has a District record of its own
    private static District demoDistrict(org.foodrisk.reference.District district) {
        PlanDistrict plan = PLAN_DISTRICTS.get(district.code());
        int population = Math.toIntExact(district.population());
        return plan == null
                ? other(district.code(), district.name(), population)
                : plan(district.code(), district.name(), population, plan.batchesPerYear(), district.towns(),
                        plan.hospitals());
    }

    static District district(String code) {
        for (District d : DISTRICTS) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown district " + code);
    }

    private static District plan(String code, String name, int population, int batchesPerYear,
                                 List<String> towns, List<String> hospitals) {
        // Plan districts are what the demo is about: their signal volumes are weighted up (×2.5)
        // on top of population so that their detectors see enough traffic.
        return new District(code, name, population, batchesPerYear / 365.0, population / 1_000_000.0 * 2.5,
                towns, hospitals, true);
    }

    private static District other(String code, String name, int population) {
        return new District(code, name, population, population / 1000.0 * OTHER_DISTRICT_RATE / 365.0,
                population / 1_000_000.0, List.of(),
                List.of("天津市" + name + "食源性疾病监测哨点医院"), false);
    }

    // ------------------------------------------------------------------------------------------
    // Test items
    // ------------------------------------------------------------------------------------------

    /** How an item's limit is expressed and judged. */
    enum LimitKind { MAX, MIN, NOT_DETECTED, PLAN, RANGE }

    /**
     * A test item as a lab reports it. {@code cause} is the SAMR statistics bucket the failure is
     * counted in (the 2023 mix); {@code hazardClass} is the contract's enumeration.
     * For PLAN items {@code a}=m and {@code b}=M; for NOT_DETECTED {@code a..b} is the range of
     * detected values when it fails (a &lt; 0: a qualitative "检出"); for RANGE {@code a..b} is the
     * permitted range.
     */
    record Item(String item, String hazardClass, String cause, String unit, LimitKind kind, double a, double b,
                int n, int c, String limitText, String limitType, String standard, double failWeight) {
        Item weight(double w) {
            return new Item(item, hazardClass, cause, unit, kind, a, b, n, c, limitText, limitType, standard, w);
        }
    }

    static final String GB_PEST = "GB 2763-2021";
    static final String GB_VET = "GB 31650-2019";
    static final String GB_CONTAMINANT = "GB 2762-2022";
    static final String GB_TOXIN = "GB 2761-2017";
    static final String GB_ADDITIVE = "GB 2760-2014";
    static final String BETA_AGONIST_BASIS = "整顿办函〔2010〕50号";
    static final String MARA_250 = "农业农村部公告第250号";

    static Item pest(String name, double mrl) {
        return new Item(name, "农药残留", "农药残留", "mg/kg", LimitKind.MAX, mrl, 0, 0, 0, null, "最大残留限量", GB_PEST, 1);
    }

    static Item vet(String name, double mrl) {
        return new Item(name, "兽药残留", "兽药残留", "μg/kg", LimitKind.MAX, mrl, 0, 0, 0, null, "最大残留限量", GB_VET, 1);
    }

    /** A drug that must not be found in food animals (hazards.md a1–a3), counted as 兽药残留. */
    static Item bannedVet(String name, double lo, double hi, String basis, double failWeight) {
        return new Item(name, "兽药残留", "兽药残留", "μg/kg", LimitKind.NOT_DETECTED, lo, hi, 0, 0, "不得检出", "不得检出",
                basis, failWeight);
    }

    static Item metal(String name, double limit) {
        return new Item(name, "重金属", "重金属", "mg/kg", LimitKind.MAX, limit, 0, 0, 0, null, "限量", GB_CONTAMINANT, 1);
    }

    static Item toxin(String name, double limit) {
        return new Item(name, "生物毒素", "生物毒素", "μg/kg", LimitKind.MAX, limit, 0, 0, 0, null, "限量", GB_TOXIN, 1);
    }

    /** 有机物污染 in the SAMR statistics; the contract's class is 污染物. */
    static Item contaminant(String name, double limit, String unit, String standard) {
        return new Item(name, "污染物", "有机物污染", unit, LimitKind.MAX, limit, 0, 0, 0, null, "限量", standard, 1);
    }

    static Item contaminantNotDetected(String name, String unit, double lo, double hi, String standard) {
        return new Item(name, "污染物", "有机物污染", unit, LimitKind.NOT_DETECTED, lo, hi, 0, 0, "不得检出", "不得检出",
                standard, 1);
    }

    static Item additive(String name, double limit) {
        return new Item(name, "食品添加剂", "食品添加剂", "g/kg", LimitKind.MAX, limit, 0, 0, 0, null, "最大使用量",
                GB_ADDITIVE, 1);
    }

    static Item additive(String name, double limit, String unit) {
        return new Item(name, "食品添加剂", "食品添加剂", unit, LimitKind.MAX, limit, 0, 0, 0, null, "最大使用量",
                GB_ADDITIVE, 1);
    }

    /** An additive the food category may not contain at all ("不得使用"). */
    static Item additiveNotAllowed(String name, double lo, double hi) {
        return new Item(name, "食品添加剂", "食品添加剂", "g/kg", LimitKind.NOT_DETECTED, lo, hi, 0, 0, "不得使用", "不得使用",
                GB_ADDITIVE, 1);
    }

    static Item plan(String name, int n, int c, double m, double bigM, String unit, String standard) {
        return new Item(name, "微生物", "微生物", unit, LimitKind.PLAN, m, bigM, n, c, null, "采样方案", standard, 1);
    }

    static Item microMax(String name, double limit, String unit, String standard) {
        return new Item(name, "微生物", "微生物", unit, LimitKind.MAX, limit, 0, 0, 0, null, "最大值", standard, 1);
    }

    /** Zero-tolerance microbiological criteria (qualitative: 检出 / 未检出). */
    static Item microAbsent(String name, String unit, String limitText, String standard) {
        return new Item(name, "微生物", "微生物", unit, LimitKind.NOT_DETECTED, -1, -1, 0, 0, limitText,
                limitText.startsWith("n=") ? "采样方案" : "不得检出", standard, 1);
    }

    static Item qualityMin(String name, double min, String unit, String standard) {
        return new Item(name, "质量指标", "质量指标", unit, LimitKind.MIN, min, 0, 0, 0, null, "最小值", standard, 1);
    }

    static Item qualityMax(String name, double max, String unit, String standard) {
        return new Item(name, "质量指标", "质量指标", unit, LimitKind.MAX, max, 0, 0, 0, null, "最大值", standard, 1);
    }

    static Item qualityRange(String name, double lo, double hi, String unit, String standard) {
        return new Item(name, "质量指标", "质量指标", unit, LimitKind.RANGE, lo, hi, 0, 0, null, "范围", standard, 1);
    }

    static Item illegal(String name, String unit, double lo, double hi, String basis, double failWeight) {
        return new Item(name, "非法添加", "非法添加", unit, LimitKind.NOT_DETECTED, lo, hi, 0, 0, "不得检出", "不得检出",
                basis, failWeight);
    }

    // Items shared by many foods.
    private static final Item OMETHOATE = pest("氧乐果", 0.02);
    private static final Item CARBOFURAN = pest("克百威", 0.02);
    private static final Item PHORATE = pest("甲拌磷", 0.01);
    private static final Item ISOCARBOPHOS = pest("水胺硫磷", 0.05).weight(0.5);
    private static final Item FIPRONIL = pest("氟虫腈", 0.02).weight(0.5);
    private static final Item LEAD_LEAFY = metal("铅(以Pb计)", 0.3);
    private static final Item CADMIUM_LEAFY = metal("镉(以Cd计)", 0.2);
    private static final Item ENRO_MEAT = vet("恩诺沙星(以恩诺沙星与环丙沙星之和计)", 100);
    private static final Item SULFA = vet("磺胺类(总量)", 100).weight(0.6);
    private static final Item CLENBUTEROL = bannedVet("克伦特罗", 0.5, 6, BETA_AGONIST_BASIS, 0.03);
    private static final Item RACTOPAMINE = bannedVet("莱克多巴胺", 0.5, 8, BETA_AGONIST_BASIS, 0.03);
    private static final Item SALBUTAMOL = bannedVet("沙丁胺醇", 0.5, 5, BETA_AGONIST_BASIS, 0.02);
    private static final Item CHLORAMPHENICOL = bannedVet("氯霉素", 0.2, 3, MARA_250, 0.03);
    private static final Item FURAZOLIDONE_METAB = bannedVet("呋喃唑酮代谢物", 1, 12, MARA_250, 0.1);
    private static final Item MALACHITE_GREEN = bannedVet("孔雀石绿", 1, 40, MARA_250, 0.15);
    private static final Item BENZOIC = additive("苯甲酸及其钠盐(以苯甲酸计)", 1.0);
    private static final Item BENZOIC_NA = additiveNotAllowed("苯甲酸及其钠盐(以苯甲酸计)", 0.05, 1.2);
    private static final Item SORBIC = additive("山梨酸及其钾盐(以山梨酸计)", 1.0);
    private static final Item DHA_05 = additive("脱氢乙酸及其钠盐(以脱氢乙酸计)", 0.5);
    private static final Item DHA_NA = additiveNotAllowed("脱氢乙酸及其钠盐(以脱氢乙酸计)", 0.03, 0.6);
    private static final Item SACCHARIN_NA = additiveNotAllowed("糖精钠(以糖精计)", 0.02, 0.4);
    private static final Item CYCLAMATE_NA = additiveNotAllowed("甜蜜素(以环己基氨基磺酸计)", 0.02, 0.8);
    private static final Item ACID_VALUE_OIL = qualityMax("酸价(以脂肪计)(KOH)", 3, "mg/g", "GB 2716-2018");
    private static final Item PEROXIDE_025 = qualityMax("过氧化值(以脂肪计)", 0.25, "g/100g", "GB 2716-2018");
    private static final Item BAP_OIL = contaminant("苯并[a]芘", 10, "μg/kg", GB_CONTAMINANT);

    // ------------------------------------------------------------------------------------------
    // Foods
    // ------------------------------------------------------------------------------------------

    /** Where and by whom a food is typically sampled. */
    enum StageMix {
        VEG(new String[]{"种植养殖", "流通", "餐饮"}, new double[]{0.45, 0.45, 0.10}),
        FRUIT(new String[]{"种植养殖", "流通", "餐饮"}, new double[]{0.20, 0.75, 0.05}),
        MEAT(new String[]{"屠宰", "流通", "餐饮"}, new double[]{0.35, 0.55, 0.10}),
        EGG(new String[]{"种植养殖", "流通", "餐饮"}, new double[]{0.35, 0.55, 0.10}),
        AQUA(new String[]{"种植养殖", "流通", "餐饮"}, new double[]{0.35, 0.55, 0.10}),
        PROCESSED(new String[]{"生产", "流通", "网络销售", "餐饮"}, new double[]{0.30, 0.58, 0.08, 0.04}),
        IMPORTABLE(new String[]{"生产", "流通", "网络销售", "进口"}, new double[]{0.25, 0.55, 0.10, 0.10}),
        GRAIN(new String[]{"生产", "流通", "网络销售", "储备", "餐饮"}, new double[]{0.30, 0.55, 0.05, 0.05, 0.05}),
        CATERING(new String[]{"餐饮"}, new double[]{1.0});

        final String[] stages;
        final double[] weights;

        StageMix(String[] stages, double[] weights) {
            this.stages = stages;
            this.weights = weights;
        }

        /**
         * Failures are found more often in markets and kitchens than at the farm gate or the
         * slaughterhouse (routine 产地 monitoring passes ≥97 %), so a failing sample's stage is
         * drawn with those stages damped.
         */
        String pick(SplittableRandom rnd, boolean failing) {
            double[] w = weights.clone();
            if (failing) {
                for (int i = 0; i < w.length; i++) {
                    if (stages[i].equals("种植养殖") || stages[i].equals("屠宰")) {
                        w[i] *= 0.5;
                    } else if (stages[i].equals("流通") || stages[i].equals("餐饮")) {
                        w[i] *= 1.3;
                    }
                }
            }
            return stages[Pick.index(rnd, w)];
        }
    }

    record Food(String category, String subcategory, String name, double weight, StageMix stages, List<Item> items) {
    }

    /** One of the 35 national 大类, with its share of all samples (percent) and SC category code. */
    record Category(String name, double weight, String scCode, String producerSuffix) {
    }

    /** DESIGN.md "Reference facts": the 35 大类, in the SAMR order; weights are the demo's mix. */
    static final List<Category> CATEGORIES = List.of(
            new Category("粮食加工品", 4.5, "101", "粮油"),
            new Category("食用油、油脂及其制品", 3.0, "102", "粮油"),
            new Category("调味品", 4.0, "103", "调味品"),
            new Category("肉制品", 3.5, "104", "肉类食品"),
            new Category("乳制品", 2.5, "105", "乳业"),
            new Category("饮料", 3.5, "106", "饮品"),
            new Category("方便食品", 1.0, "107", "食品"),
            new Category("饼干", 1.0, "108", "食品"),
            new Category("罐头", 0.5, "109", "罐头食品"),
            new Category("冷冻饮品", 0.8, "110", "冷饮"),
            new Category("速冻食品", 1.8, "111", "速冻食品"),
            new Category("薯类和膨化食品", 1.0, "112", "食品"),
            new Category("糖果制品", 0.8, "113", "食品"),
            new Category("茶叶及相关制品", 1.0, "114", "茶业"),
            new Category("酒类", 2.5, "115", "酒业"),
            new Category("蔬菜制品", 1.5, "116", "食品"),
            new Category("水果制品", 1.0, "117", "食品"),
            new Category("炒货食品及坚果制品", 1.2, "118", "食品"),
            new Category("蛋制品", 0.3, "119", "蛋品"),
            new Category("可可及焙烤咖啡产品", 0.2, "120", "食品"),
            new Category("食糖", 0.4, "121", "糖业"),
            new Category("水产制品", 0.8, "122", "水产食品"),
            new Category("淀粉及淀粉制品", 0.8, "123", "食品"),
            new Category("糕点", 3.5, "124", "食品"),
            new Category("豆制品", 1.8, "125", "豆制品"),
            new Category("蜂产品", 0.4, "126", "蜂业"),
            new Category("保健食品", 0.4, "127", "生物科技"),
            new Category("特殊膳食食品", 0.2, "130", "营养食品"),
            new Category("特殊医学用途配方食品", 0.05, "128", "营养食品"),
            new Category("婴幼儿配方食品", 0.3, "129", "乳业"),
            new Category("餐饮食品", 10.0, null, null),
            new Category("食品添加剂", 0.4, "201", "食品配料"),
            new Category("食用农产品", 41.0, null, null),
            new Category("食盐", 0.4, "131", "盐业"),
            new Category("其他", 0.3, "131", "食品"));

    static Category category(String name) {
        for (Category c : CATEGORIES) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category " + name);
    }

    static final List<Food> FOODS = buildFoods();

    private static List<Food> buildFoods() {
        List<Food> f = new ArrayList<>();
        // 食用农产品 — 蔬菜
        f.add(food("食用农产品", "蔬菜", "韭菜", 6, StageMix.VEG,
                pest("腐霉利", 0.2).weight(2.5), pest("毒死蜱", 0.02).weight(2), OMETHOATE.weight(1.2), CARBOFURAN,
                PHORATE, pest("多菌灵", 2).weight(0.3)));
        f.add(food("食用农产品", "蔬菜", "豇豆", 5, StageMix.VEG,
                pest("噻虫胺", 0.01).weight(2.2), pest("灭蝇胺", 0.5).weight(1.5), pest("噻虫嗪", 0.3).weight(1.2),
                pest("倍硫磷", 0.05), CARBOFURAN, ISOCARBOPHOS));
        f.add(food("食用农产品", "蔬菜", "芹菜", 5, StageMix.VEG,
                pest("毒死蜱", 0.05).weight(2), PHORATE, CARBOFURAN, OMETHOATE, CADMIUM_LEAFY.weight(0.5)));
        f.add(food("食用农产品", "蔬菜", "菠菜", 4, StageMix.VEG,
                OMETHOATE, PHORATE, FIPRONIL, LEAD_LEAFY, CADMIUM_LEAFY));
        f.add(food("食用农产品", "蔬菜", "油麦菜", 3, StageMix.VEG,
                FIPRONIL, OMETHOATE, CARBOFURAN, LEAD_LEAFY.weight(0.6)));
        f.add(food("食用农产品", "蔬菜", "普通白菜", 3, StageMix.VEG,
                pest("啶虫脒", 1).weight(0.8), OMETHOATE, CARBOFURAN, LEAD_LEAFY.weight(0.6)));
        f.add(food("食用农产品", "蔬菜", "黄瓜", 4, StageMix.VEG,
                OMETHOATE, CARBOFURAN, pest("腐霉利", 2).weight(0.6), pest("噻虫嗪", 0.5).weight(0.6)));
        f.add(food("食用农产品", "蔬菜", "番茄", 4, StageMix.VEG,
                OMETHOATE.weight(0.6), CARBOFURAN.weight(0.6), pest("腐霉利", 2).weight(0.4)));
        f.add(food("食用农产品", "蔬菜", "辣椒", 3, StageMix.VEG,
                PHORATE, CARBOFURAN, OMETHOATE, pest("毒死蜱", 0.5).weight(0.5), metal("镉(以Cd计)", 0.05).weight(0.8)));
        f.add(food("食用农产品", "蔬菜", "姜", 2, StageMix.VEG,
                pest("噻虫胺", 0.2).weight(1.2), pest("吡虫啉", 0.5), metal("铅(以Pb计)", 0.1).weight(0.6),
                metal("镉(以Cd计)", 0.1).weight(0.6)));
        f.add(food("食用农产品", "蔬菜", "大白菜", 3, StageMix.VEG,
                OMETHOATE.weight(0.5), CARBOFURAN.weight(0.5), pest("毒死蜱", 0.1).weight(0.4)));
        f.add(food("食用农产品", "豆芽", "绿豆芽", 1.5, StageMix.VEG,
                illegal("4-氯苯氧乙酸钠(以4-氯苯氧乙酸计)", "μg/kg", 5, 200, "国家食品药品监督管理总局 农业部 国家卫生和计划生育委员会关于豆芽生产过程中禁止使用6-苄基腺嘌呤等物质的公告（2015年第11号）", 1),
                illegal("6-苄基腺嘌呤(6-BA)", "μg/kg", 5, 120, "国家食品药品监督管理总局 农业部 国家卫生和计划生育委员会关于豆芽生产过程中禁止使用6-苄基腺嘌呤等物质的公告（2015年第11号）", 0.7),
                metal("铅(以Pb计)", 0.2).weight(0.2)));
        // 食用农产品 — 水果
        f.add(food("食用农产品", "水果类", "柑橘", 2.5, StageMix.FRUIT,
                pest("丙溴磷", 0.2), pest("三唑磷", 0.2), pest("水胺硫磷", 0.02), CARBOFURAN.weight(0.3)));
        f.add(food("食用农产品", "水果类", "苹果", 3, StageMix.FRUIT,
                pest("毒死蜱", 1).weight(0.3), PHORATE.weight(0.5), OMETHOATE.weight(0.5)));
        f.add(food("食用农产品", "水果类", "香蕉", 2, StageMix.FRUIT,
                pest("噻虫胺", 0.02).weight(0.8), pest("吡虫啉", 0.05).weight(0.6), pest("多菌灵", 1).weight(0.3)));
        f.add(food("食用农产品", "水果类", "葡萄", 2, StageMix.FRUIT,
                pest("霜霉威和霜霉威盐酸盐", 2).weight(0.4), pest("氯氟氰菊酯和高效氯氟氰菊酯", 0.2).weight(0.5)));
        // 食用农产品 — 畜禽肉及副产品
        f.add(food("食用农产品", "畜禽肉及副产品", "猪肉", 6, StageMix.MEAT,
                CLENBUTEROL, RACTOPAMINE, SALBUTAMOL, ENRO_MEAT, SULFA, vet("多西环素", 100).weight(0.5),
                CHLORAMPHENICOL, FURAZOLIDONE_METAB.weight(0.05)));
        f.add(food("食用农产品", "畜禽肉及副产品", "牛肉", 3, StageMix.MEAT,
                CLENBUTEROL, RACTOPAMINE, vet("地塞米松", 1.0).weight(0.6), SULFA));
        f.add(food("食用农产品", "畜禽肉及副产品", "羊肉", 2.5, StageMix.MEAT,
                CLENBUTEROL, RACTOPAMINE, SALBUTAMOL, SULFA));
        f.add(food("食用农产品", "畜禽肉及副产品", "鸡肉", 4, StageMix.MEAT,
                ENRO_MEAT.weight(1.5), vet("多西环素", 100), bannedVet("氧氟沙星", 2, 40, "农业部公告第2292号", 0.4),
                bannedVet("甲硝唑", 0.5, 10, MARA_250, 0.1), bannedVet("金刚烷胺", 1, 30, "农业部公告第560号", 0.1)));
        // 食用农产品 — 鲜蛋
        f.add(food("食用农产品", "鲜蛋", "鸡蛋", 5, StageMix.EGG,
                bannedVet("氟苯尼考", 2, 60, GB_VET + "（产蛋期禁用）", 1.5),
                bannedVet("恩诺沙星(以恩诺沙星与环丙沙星之和计)", 2, 80, GB_VET + "（产蛋期禁用）", 1.5),
                bannedVet("甲硝唑", 0.5, 8, MARA_250, 0.1), bannedVet("地美硝唑", 0.5, 8, MARA_250, 0.1)));
        // 食用农产品 — 水产品
        f.add(food("食用农产品", "水产品", "草鱼", 3, StageMix.AQUA,
                vet("恩诺沙星(以恩诺沙星与环丙沙星之和计)", 100).weight(1.5), MALACHITE_GREEN, FURAZOLIDONE_METAB,
                bannedVet("地西泮", 0.5, 10, GB_VET, 0.4), SULFA.weight(0.3)));
        f.add(food("食用农产品", "水产品", "鲈鱼", 2, StageMix.AQUA,
                vet("恩诺沙星(以恩诺沙星与环丙沙星之和计)", 100).weight(1.5), MALACHITE_GREEN,
                bannedVet("氧氟沙星", 2, 40, "农业部公告第2292号", 0.5), CHLORAMPHENICOL));
        f.add(food("食用农产品", "水产品", "鲫鱼", 2, StageMix.AQUA,
                vet("恩诺沙星(以恩诺沙星与环丙沙星之和计)", 100), MALACHITE_GREEN, FURAZOLIDONE_METAB,
                bannedVet("地西泮", 0.5, 10, GB_VET, 0.3)));
        f.add(food("食用农产品", "水产品", "对虾", 2, StageMix.AQUA,
                FURAZOLIDONE_METAB, CHLORAMPHENICOL, metal("镉(以Cd计)", 0.5).weight(0.5),
                vet("恩诺沙星(以恩诺沙星与环丙沙星之和计)", 100).weight(0.5)));
        f.add(food("食用农产品", "水产品", "花蛤", 1, StageMix.AQUA,
                metal("镉(以Cd计)", 2.0).weight(2), bannedVet("氯霉素", 0.2, 3, MARA_250, 0.2)));
        // 粮食加工品
        f.add(food("粮食加工品", "大米", "大米", 5, StageMix.GRAIN,
                metal("镉(以Cd计)", 0.2).weight(4), metal("铅(以Pb计)", 0.2).weight(0.5), toxin("黄曲霉毒素B₁", 10)));
        f.add(food("粮食加工品", "小麦粉", "小麦粉", 4, StageMix.GRAIN,
                toxin("脱氧雪腐镰刀菌烯醇", 1000), additiveNotAllowed("过氧化苯甲酰", 0.01, 0.1).weight(0.5)));
        f.add(food("粮食加工品", "挂面", "挂面", 2, StageMix.GRAIN,
                metal("铅(以Pb计)", 0.5).weight(0.3), DHA_NA.weight(0.5)));
        f.add(food("粮食加工品", "其他粮食加工品", "玉米粉", 1.5, StageMix.GRAIN,
                toxin("黄曲霉毒素B₁", 20), toxin("玉米赤霉烯酮", 60)));
        f.add(food("粮食加工品", "其他粮食加工品", "米粉", 1, StageMix.GRAIN,
                additive("二氧化硫残留量", 0.1).weight(1), DHA_NA.weight(0.5)));
        // 食用油、油脂及其制品
        f.add(food("食用油、油脂及其制品", "食用植物油", "大豆油", 3, StageMix.PROCESSED,
                ACID_VALUE_OIL, PEROXIDE_025, BAP_OIL, additive("特丁基对苯二酚(TBHQ)", 0.2).weight(0.5)));
        f.add(food("食用油、油脂及其制品", "食用植物油", "花生油", 2, StageMix.PROCESSED,
                ACID_VALUE_OIL, toxin("黄曲霉毒素B₁", 20).weight(1.5), BAP_OIL));
        f.add(food("食用油、油脂及其制品", "食用植物油", "芝麻油", 1.5, StageMix.PROCESSED,
                ACID_VALUE_OIL, BAP_OIL.weight(1.5), qualityMin("亚麻酸(占总脂肪酸)", 0.2, "%", "GB/T 8233-2018").weight(0.5)));
        // 调味品
        f.add(food("调味品", "酱油", "酱油", 3, StageMix.PROCESSED,
                qualityMin("氨基酸态氮", 0.4, "g/100mL", "GB 2717-2018").weight(1.5), BENZOIC,
                plan("菌落总数", 5, 2, 5000, 50000, "CFU/mL", "GB 2717-2018"),
                contaminant("3-氯-1,2-丙二醇", 0.4, "mg/kg", GB_CONTAMINANT).weight(0.4)));
        f.add(food("调味品", "食醋", "食醋", 2, StageMix.PROCESSED,
                qualityMin("总酸(以乙酸计)", 3.5, "g/100mL", "GB 2719-2018").weight(1.5), BENZOIC,
                plan("菌落总数", 5, 2, 1000, 10000, "CFU/mL", "GB 2719-2018")));
        f.add(food("调味品", "调味料", "辣椒酱", 1.5, StageMix.PROCESSED,
                BENZOIC, SORBIC.weight(0.6), illegal("苏丹红Ⅰ", "μg/kg", 20, 800, "食品中可能违法添加的非食用物质名单（第一批）", 0.3)));
        f.add(food("调味品", "调味料", "火锅底料", 1.5, StageMix.PROCESSED,
                illegal("罂粟碱", "μg/kg", 1, 40, "食品中可能违法添加的非食用物质名单（第一批）", 0.8),
                illegal("吗啡", "μg/kg", 1, 30, "食品中可能违法添加的非食用物质名单（第一批）", 0.4),
                BENZOIC.weight(0.5), qualityMax("酸价(以脂肪计)(KOH)", 5, "mg/g", "SB/T 10416-2007")));
        f.add(food("调味品", "味精", "味精", 1, StageMix.PROCESSED,
                qualityMin("谷氨酸钠", 99.0, "%", "GB/T 8967-2007")));
        // 肉制品
        f.add(food("肉制品", "熟肉制品", "酱卤肉", 3, StageMix.PROCESSED,
                additive("亚硝酸盐(以亚硝酸钠计)", 30, "mg/kg"), additive("山梨酸及其钾盐(以山梨酸计)", 0.075).weight(0.5),
                plan("菌落总数", 5, 2, 10000, 100000, "CFU/g", "GB 2726-2016"),
                plan("大肠菌群", 5, 2, 10, 100, "CFU/g", "GB 2726-2016"),
                additiveNotAllowed("胭脂红", 0.005, 0.05).weight(0.4), BENZOIC_NA.weight(0.6)));
        f.add(food("肉制品", "熟肉制品", "火腿肠", 2, StageMix.PROCESSED,
                additive("亚硝酸盐(以亚硝酸钠计)", 30, "mg/kg"), plan("菌落总数", 5, 2, 10000, 100000, "CFU/g",
                        "GB 2726-2016"), qualityMin("蛋白质", 10, "g/100g", "GB/T 20712-2022").weight(0.5)));
        f.add(food("肉制品", "预制肉制品", "腌腊肉制品", 1.5, StageMix.PROCESSED,
                qualityMax("过氧化值(以脂肪计)", 0.5, "g/100g", "GB 2730-2015"),
                additive("亚硝酸盐(以亚硝酸钠计)", 30, "mg/kg").weight(0.5)));
        // 乳制品 — rare failures (national 乳制品 pass rates are ~99.8 %)
        f.add(food("乳制品", "液体乳", "纯牛奶", 4, StageMix.IMPORTABLE,
                qualityMin("蛋白质", 2.9, "g/100g", "GB 25190-2010").weight(0.15),
                toxin("黄曲霉毒素M₁", 0.5).weight(0.05), microAbsent("商业无菌", "/", "商业无菌", "GB 25190-2010").weight(0.05)));
        f.add(food("乳制品", "液体乳", "巴氏杀菌乳", 2, StageMix.PROCESSED,
                plan("菌落总数", 5, 2, 50000, 100000, "CFU/mL", "GB 19645-2010").weight(0.15),
                plan("大肠菌群", 5, 2, 1, 5, "CFU/mL", "GB 19645-2010").weight(0.15),
                qualityMin("蛋白质", 2.9, "g/100g", "GB 19645-2010").weight(0.05)));
        f.add(food("乳制品", "液体乳", "酸奶", 4, StageMix.PROCESSED,
                plan("大肠菌群", 5, 2, 1, 5, "CFU/g", "GB 19302-2010").weight(0.15),
                microMax("酵母", 100, "CFU/g", "GB 19302-2010").weight(0.15),
                microMax("霉菌", 30, "CFU/g", "GB 19302-2010").weight(0.1),
                qualityMin("蛋白质", 2.3, "g/100g", "GB 19302-2010").weight(0.05)));
        f.add(food("乳制品", "乳粉", "全脂乳粉", 1.5, StageMix.IMPORTABLE,
                qualityMin("蛋白质", 34, "%(非脂乳固体)", "GB 19644-2010").weight(0.05),
                plan("菌落总数", 5, 2, 50000, 200000, "CFU/g", "GB 19644-2010").weight(0.05)));
        f.add(food("乳制品", "其他乳制品", "干酪", 0.5, StageMix.IMPORTABLE,
                microAbsent("单核细胞增生李斯特氏菌", "/25g", "n=5,c=0,m=0/25g", "GB 29921-2021").weight(0.05)));
        // 饮料
        f.add(food("饮料", "包装饮用水", "饮用纯净水", 3, StageMix.PROCESSED,
                microAbsent("铜绿假单胞菌", "CFU/250mL", "n=5,c=0,m=0CFU/250mL", "GB 19298-2014").weight(1.5),
                contaminant("溴酸盐", 0.01, "mg/L", "GB 19298-2014").weight(0.6),
                qualityMax("余氯(游离氯)", 0.05, "mg/L", "GB 19298-2014").weight(0.4)));
        f.add(food("饮料", "包装饮用水", "饮用天然矿泉水", 1.5, StageMix.IMPORTABLE,
                microAbsent("铜绿假单胞菌", "CFU/250mL", "n=5,c=0,m=0CFU/250mL", "GB 8537-2018"),
                contaminant("溴酸盐", 0.01, "mg/L", "GB 8537-2018").weight(0.6)));
        f.add(food("饮料", "果蔬汁类及其饮料", "果汁饮料", 2, StageMix.PROCESSED,
                plan("菌落总数", 5, 2, 100, 10000, "CFU/mL", "GB 7101-2022"), microMax("霉菌", 20, "CFU/mL", "GB 7101-2022"),
                additive("安赛蜜", 0.3).weight(0.4)));
        f.add(food("饮料", "茶饮料", "茶饮料", 1.5, StageMix.PROCESSED,
                plan("菌落总数", 5, 2, 100, 10000, "CFU/mL", "GB 7101-2022"), qualityMin("茶多酚", 300, "mg/kg", "GB/T 21733-2008").weight(0.5)));
        // 方便食品, 饼干, 罐头, 冷冻饮品, 速冻食品, 薯类和膨化食品, 糖果制品
        f.add(food("方便食品", "方便面", "方便面", 2, StageMix.PROCESSED,
                qualityMax("酸价(以脂肪计)(KOH)", 1.8, "mg/g", "GB 17400-2015"), qualityMax("过氧化值(以脂肪计)", 0.25, "g/100g", "GB 17400-2015"),
                plan("菌落总数", 5, 2, 10000, 100000, "CFU/g", "GB 17400-2015").weight(0.5)));
        f.add(food("方便食品", "调味面制品", "调味面制品", 1, StageMix.PROCESSED,
                DHA_NA, SACCHARIN_NA.weight(0.5), qualityMax("过氧化值(以脂肪计)", 0.25, "g/100g", "GB 2713-2015")));
        f.add(food("饼干", "饼干", "饼干", 1, StageMix.IMPORTABLE,
                qualityMax("酸价(以脂肪计)(KOH)", 5, "mg/g", "GB 7100-2015"), qualityMax("过氧化值(以脂肪计)", 0.25, "g/100g", "GB 7100-2015"),
                plan("菌落总数", 5, 2, 10000, 100000, "CFU/g", "GB 7100-2015").weight(0.5), additive("铝的残留量(干样品,以Al计)", 100, "mg/kg").weight(0.3)));
        f.add(food("罐头", "水果类罐头", "黄桃罐头", 1, StageMix.PROCESSED,
                microAbsent("商业无菌", "/", "商业无菌", "GB 7098-2015"), additive("甜蜜素(以环己基氨基磺酸计)", 0.65).weight(0.8)));
        f.add(food("冷冻饮品", "冷冻饮品", "雪糕", 1, StageMix.PROCESSED,
                plan("菌落总数", 5, 2, 25000, 100000, "CFU/g", "GB 2759-2015"), plan("大肠菌群", 5, 2, 10, 100, "CFU/g", "GB 2759-2015")));
        f.add(food("速冻食品", "速冻面米食品", "速冻水饺", 2, StageMix.PROCESSED,
                qualityMax("过氧化值(以脂肪计)", 0.25, "g/100g", "GB 19295-2021"), metal("铅(以Pb计)", 0.5).weight(0.2)));
        f.add(food("速冻食品", "速冻面米食品", "速冻汤圆", 1, StageMix.PROCESSED,
                qualityMax("过氧化值(以脂肪计)", 0.25, "g/100g", "GB 19295-2021"), plan("金黄色葡萄球菌", 5, 1, 1000, 10000, "CFU/g", "GB 19295-2021").weight(0.5)));
        f.add(food("薯类和膨化食品", "膨化食品", "薯片", 1, StageMix.PROCESSED,
                qualityMax("过氧化值(以脂肪计)", 0.25, "g/100g", "GB 17401-2014"), qualityMax("酸价(以脂肪计)(KOH)", 5, "mg/g", "GB 17401-2014"),
                plan("菌落总数", 5, 2, 10000, 100000, "CFU/g", "GB 17401-2014").weight(0.3)));
        f.add(food("糖果制品", "糖果", "硬质糖果", 1, StageMix.PROCESSED,
                metal("铅(以Pb计)", 0.5).weight(0.3), SACCHARIN_NA.weight(0.6)));
        f.add(food("糖果制品", "果冻", "果冻", 1, StageMix.PROCESSED,
                plan("菌落总数", 5, 2, 100, 1000, "CFU/g", "GB 19299-2015"), microMax("霉菌", 20, "CFU/g", "GB 19299-2015"),
                BENZOIC_NA.weight(0.5)));
        // 茶叶, 酒类, 蔬菜制品, 水果制品, 炒货, 蛋制品, 可可, 食糖, 水产制品, 淀粉
        f.add(food("茶叶及相关制品", "茶叶", "绿茶", 2, StageMix.PROCESSED,
                pest("联苯菊酯", 5).weight(0.4), pest("吡虫啉", 0.5).weight(0.5), pest("氰戊菊酯和S-氰戊菊酯", 0.1).weight(0.5),
                pest("水胺硫磷", 0.05).weight(0.3), metal("铅(以Pb计)", 5).weight(0.5)));
        f.add(food("茶叶及相关制品", "代用茶", "菊花茶", 1, StageMix.PROCESSED,
                additive("二氧化硫残留量", 0.1).weight(0.5), metal("铅(以Pb计)", 5).weight(0.2)));
        f.add(food("酒类", "白酒", "白酒", 2.5, StageMix.PROCESSED,
                qualityRange("酒精度", 41, 43, "%vol", "GB/T 10781.1-2021"),
                CYCLAMATE_NA.weight(1.2), additiveNotAllowed("糖精钠(以糖精计)", 0.005, 0.05).weight(0.6)));
        f.add(food("酒类", "啤酒", "啤酒", 1.5, StageMix.IMPORTABLE,
                qualityRange("酒精度", 3.3, 4.3, "%vol", "GB/T 4927-2008"), contaminant("甲醛", 2.0, "mg/L", "GB 2758-2012").weight(0.2)));
        f.add(food("酒类", "葡萄酒", "葡萄酒", 1, StageMix.IMPORTABLE,
                qualityRange("酒精度", 11, 13, "%vol", "GB/T 15037-2006"), additive("二氧化硫残留量", 0.25).weight(0.5),
                CYCLAMATE_NA.weight(0.3)));
        f.add(food("蔬菜制品", "酱腌菜", "酱腌菜", 2, StageMix.PROCESSED,
                contaminant("亚硝酸盐(以NaNO₂计)", 20, "mg/kg", GB_CONTAMINANT), BENZOIC, additive("甜蜜素(以环己基氨基磺酸计)", 1.0),
                SACCHARIN_NA.weight(0.3), plan("大肠菌群", 5, 2, 10, 1000, "CFU/g", "GB 2714-2015")));
        f.add(food("蔬菜制品", "食用菌制品", "干香菇", 1, StageMix.PROCESSED,
                additive("二氧化硫残留量", 0.05), metal("镉(以Cd计)", 0.5).weight(0.5)));
        f.add(food("水果制品", "蜜饯", "蜜饯", 1.5, StageMix.PROCESSED,
                additive("二氧化硫残留量", 0.35), additive("苯甲酸及其钠盐(以苯甲酸计)", 0.5), additive("糖精钠(以糖精计)", 1.0),
                additive("甜蜜素(以环己基氨基磺酸计)", 1.0), plan("菌落总数", 5, 2, 1000, 10000, "CFU/g", "GB 14884-2016").weight(0.5)));
        f.add(food("炒货食品及坚果制品", "炒货食品及坚果制品", "瓜子", 1.5, StageMix.PROCESSED,
                qualityMax("过氧化值(以脂肪计)", 0.80, "g/100g", "GB 19300-2014"), qualityMax("酸价(以脂肪计)(KOH)", 3, "mg/g", "GB 19300-2014"),
                additive("甜蜜素(以环己基氨基磺酸计)", 6.0).weight(0.8), plan("大肠菌群", 5, 2, 10, 100, "CFU/g", "GB 19300-2014").weight(0.3)));
        f.add(food("炒货食品及坚果制品", "炒货食品及坚果制品", "花生", 1, StageMix.PROCESSED,
                toxin("黄曲霉毒素B₁", 20), qualityMax("过氧化值(以脂肪计)", 0.50, "g/100g", "GB 19300-2014")));
        f.add(food("蛋制品", "再制蛋", "皮蛋", 1, StageMix.PROCESSED,
                metal("铅(以Pb计)", 0.2), plan("菌落总数", 5, 2, 50000, 1000000, "CFU/g", "GB 2749-2015").weight(0.3)));
        f.add(food("蛋制品", "再制蛋", "咸鸭蛋", 0.5, StageMix.PROCESSED,
                illegal("苏丹红Ⅳ", "μg/kg", 20, 500, "食品中可能违法添加的非食用物质名单（第一批）", 0.2), metal("铅(以Pb计)", 0.2).weight(0.3)));
        f.add(food("可可及焙烤咖啡产品", "焙炒咖啡", "焙炒咖啡豆", 1, StageMix.IMPORTABLE,
                toxin("赭曲霉毒素A", 5)));
        f.add(food("食糖", "糖", "白砂糖", 1, StageMix.PROCESSED,
                additive("二氧化硫残留量", 0.1), qualityMax("还原糖分", 0.17, "g/100g", "GB/T 317-2018").weight(0.5)));
        f.add(food("水产制品", "干制水产品", "鱿鱼丝", 1, StageMix.PROCESSED,
                BENZOIC_NA.weight(0.5), SORBIC.weight(0.3), metal("镉(以Cd计)", 2.0).weight(0.3)));
        f.add(food("水产制品", "盐渍水产品", "海蜇", 1, StageMix.PROCESSED,
                additive("铝的残留量(干样品,以Al计)", 500, "mg/kg").weight(1)));
        f.add(food("淀粉及淀粉制品", "淀粉制品", "粉丝粉条", 1.5, StageMix.PROCESSED,
                additive("铝的残留量(干样品,以Al计)", 200, "mg/kg"), additive("二氧化硫残留量", 0.1).weight(0.5)));
        f.add(food("淀粉及淀粉制品", "淀粉", "玉米淀粉", 1, StageMix.PROCESSED,
                additive("二氧化硫残留量", 0.03).weight(0.3)));
        // 糕点, 豆制品, 蜂产品, 保健食品, 特殊膳食, 特医, 婴幼儿配方
        f.add(food("糕点", "糕点", "月饼", 2, StageMix.PROCESSED,
                qualityMax("酸价(以脂肪计)(KOH)", 5, "mg/g", "GB 7099-2015"), qualityMax("过氧化值(以脂肪计)", 0.25, "g/100g", "GB 7099-2015"),
                DHA_05, plan("菌落总数", 5, 2, 10000, 100000, "CFU/g", "GB 7099-2015"), microMax("霉菌", 150, "CFU/g", "GB 7099-2015")));
        f.add(food("糕点", "糕点", "蛋糕", 2.5, StageMix.PROCESSED,
                plan("菌落总数", 5, 2, 10000, 100000, "CFU/g", "GB 7099-2015").weight(1.5), plan("大肠菌群", 5, 2, 10, 100, "CFU/g", "GB 7099-2015"),
                SORBIC, DHA_05, SACCHARIN_NA.weight(0.5), BENZOIC_NA.weight(0.8)));
        f.add(food("糕点", "面包", "面包", 2, StageMix.PROCESSED,
                microMax("霉菌", 150, "CFU/g", "GB 7099-2015"), DHA_05, SORBIC, plan("菌落总数", 5, 2, 10000, 100000, "CFU/g", "GB 7099-2015")));
        f.add(food("豆制品", "非发酵性豆制品", "豆腐", 2, StageMix.PROCESSED,
                plan("大肠菌群", 5, 2, 10, 100, "CFU/g", "GB 2712-2014"), BENZOIC_NA, DHA_NA, additive("铝的残留量(干样品,以Al计)", 100, "mg/kg").weight(0.2)));
        f.add(food("豆制品", "非发酵性豆制品", "腐竹", 1, StageMix.PROCESSED,
                illegal("硼砂", "g/kg", 0.1, 2, "食品中可能违法添加的非食用物质名单（第一批）", 0.2),
                additiveNotAllowed("二氧化硫残留量", 0.02, 0.3), qualityMin("蛋白质", 40, "g/100g", "GB/T 22106-2008").weight(0.3)));
        f.add(food("蜂产品", "蜂蜜", "蜂蜜", 1, StageMix.PROCESSED,
                qualityMin("果糖和葡萄糖", 60, "g/100g", "GB 14963-2011"), microMax("嗜渗酵母计数", 200, "CFU/g", "GB 14963-2011"),
                CHLORAMPHENICOL.weight(0.1)));
        f.add(food("保健食品", "保健食品", "减肥胶囊", 0.5, StageMix.PROCESSED,
                illegal("西布曲明", "mg/kg", 5, 3000, "保健食品中可能非法添加的物质名单（第一批）", 0.5),
                microMax("菌落总数", 1000, "CFU/g", "GB 16740-2014").weight(0.3)));
        f.add(food("保健食品", "保健食品", "维生素C片", 1, StageMix.PROCESSED,
                qualityMin("维生素C", 90, "%(标示值)", "产品技术要求"), microMax("菌落总数", 1000, "CFU/g", "GB 16740-2014").weight(0.3)));
        f.add(food("特殊膳食食品", "婴幼儿谷类辅助食品", "婴幼儿米粉", 1, StageMix.PROCESSED,
                qualityRange("维生素A", 140, 630, "μgRE/100g", "GB 10769-2010"), qualityMin("钙", 200, "mg/100g", "GB 10769-2010").weight(0.5)));
        f.add(food("特殊医学用途配方食品", "特殊医学用途配方食品", "全营养配方食品", 1, StageMix.IMPORTABLE,
                qualityMin("蛋白质", 0.5, "g/100kJ", "GB 29922-2013")));
        f.add(food("婴幼儿配方食品", "婴幼儿配方乳粉", "婴幼儿配方乳粉", 1, StageMix.IMPORTABLE,
                qualityRange("维生素A", 60, 180, "μgRE/100kcal", "GB 10765-2021"), qualityMin("蛋白质", 1.8, "g/100kcal", "GB 10765-2021"),
                microAbsent("克罗诺杆菌属(阪崎肠杆菌)", "/100g", "n=3,c=0,m=0/100g", "GB 10765-2021").weight(0.05),
                microAbsent("沙门氏菌", "/25g", "n=5,c=0,m=0/25g", "GB 10765-2021").weight(0.05)));
        // 食品添加剂, 食盐, 其他
        f.add(food("食品添加剂", "复配食品添加剂", "复配膨松剂", 1, StageMix.PROCESSED,
                metal("铅(以Pb计)", 2.0), qualityMax("砷(以As计)", 2.0, "mg/kg", "GB 26687-2011").weight(0.5)));
        f.add(food("食盐", "食用盐", "加碘精制盐", 1, StageMix.PROCESSED,
                qualityRange("碘(以I计)", 18, 33, "mg/kg", "GB 26878-2011"), additive("亚铁氰化钾(以亚铁氰根计)", 0.01)));
        f.add(food("其他", "其他食品", "即食燕窝", 1, StageMix.PROCESSED,
                contaminant("亚硝酸盐(以NaNO₂计)", 70, "mg/kg", "GB 2762-2022").weight(1), plan("菌落总数", 5, 2, 1000, 10000, "CFU/g", "GB 29921-2021")));
        // 餐饮食品
        f.add(food("餐饮食品", "餐饮具", "复用餐饮具", 6, StageMix.CATERING,
                microAbsent("大肠菌群", "/50cm²", "不得检出", "GB 14934-2016").weight(3),
                contaminantNotDetected("阴离子合成洗涤剂(以十二烷基苯磺酸钠计)", "mg/100cm²", 0.01, 0.5, "GB 14934-2016").weight(4)));
        f.add(food("餐饮食品", "米面及其制品(自制)", "馒头", 2, StageMix.CATERING,
                DHA_NA.weight(1.2), SACCHARIN_NA, CYCLAMATE_NA, BENZOIC_NA));
        f.add(food("餐饮食品", "油炸面制品(自制)", "油条", 1.5, StageMix.CATERING,
                additive("铝的残留量(干样品,以Al计)", 100, "mg/kg").weight(2)));
        f.add(food("餐饮食品", "肉制品(自制)", "卤肉", 1.5, StageMix.CATERING,
                additive("亚硝酸盐(以亚硝酸钠计)", 30, "mg/kg"), BENZOIC_NA, plan("菌落总数", 5, 2, 10000, 100000, "CFU/g", "GB 2726-2016").weight(0.8)));
        f.add(food("餐饮食品", "调味料(自制)", "自制火锅底料", 0.8, StageMix.CATERING,
                illegal("罂粟碱", "μg/kg", 1, 40, "食品中可能违法添加的非食用物质名单（第一批）", 0.6),
                illegal("吗啡", "μg/kg", 1, 30, "食品中可能违法添加的非食用物质名单（第一批）", 0.3)));
        f.add(food("餐饮食品", "凉拌菜", "凉拌菜", 1.2, StageMix.CATERING,
                plan("大肠菌群", 5, 2, 10, 100, "CFU/g", "GB 29921-2021"), plan("金黄色葡萄球菌", 5, 1, 100, 1000, "CFU/g", "GB 29921-2021").weight(0.6)));
        f.add(food("餐饮食品", "食用油(餐饮)", "煎炸过程用油", 1, StageMix.CATERING,
                qualityMax("极性组分", 27, "%", "GB 2716-2018"), ACID_VALUE_OIL.weight(0.5)));
        return List.copyOf(f);
    }

    private static Food food(String category, String subcategory, String name, double weight, StageMix stages,
                             Item... items) {
        category(category); // fail fast on a typo: every food must sit in one of the 35 大类
        List<Item> kept = new ArrayList<>();
        for (Item i : items) {
            if (i.failWeight() > 0) {
                kept.add(i);
            }
        }
        return new Food(category, subcategory, name, weight, stages, List.copyOf(kept));
    }

    /** SAMR 2023 causes of failure (percent of failed batches); the residual 1.09 % split. */
    static final String[] CAUSES = {"农药残留", "微生物", "食品添加剂", "有机物污染", "兽药残留", "重金属", "质量指标",
            "生物毒素", "非法添加"};
    static final double[] CAUSE_WEIGHTS = {37.66, 18.81, 13.08, 11.01, 7.90, 5.85, 4.60, 0.55, 0.54};

    /** National 2023 failure rate: 2.73 % of 6,997,389 batches. */
    static final double FAILURE_RATE = 0.0273;

    // ------------------------------------------------------------------------------------------
    // Programs, agencies, labs
    // ------------------------------------------------------------------------------------------

    static final String AGENCY_SAMR = "区市场监管局";
    static final String AGENCY_AGRI = "区农业农村委";

    static final String[] SAMR_PROGRAMS = {"国抽", "省抽", "市抽", "区抽", "监督抽查", "风险监测", "快检", "你点我检"};
    static final double[] SAMR_PROGRAM_WEIGHTS = {8, 5, 20, 30, 10, 7, 15, 5};
    static final String[] AGRI_PROGRAMS = {"例行监测", "监督抽查", "风险监测", "快检"};
    static final double[] AGRI_PROGRAM_WEIGHTS = {55, 25, 8, 12};

    record Lab(String name, String code) {
    }

    static final Lab LAB_TJFS = new Lab("天津市食品安全检测技术研究院", "TJFS001");
    static final Lab LAB_TJZJ = new Lab("天津市产品质量监督检测技术研究院", "TJZJ001");
    static final Lab LAB_TJNC = new Lab("天津市农产品质量安全检测中心", "TJNC001");
    static final Lab LAB_CUSTOMS = new Lab("天津海关动植物与食品检测中心", "TJHG001");

    /** District-level labs of the plan districts (SAMR, agriculture). */
    static Lab districtLab(District d, boolean agri) {
        return switch (d.code()) {
            case "120114" -> agri ? new Lab("天津市武清区农产品质量安全检测站", "WQNJ001")
                    : new Lab("天津市武清区食品检验检测中心", "WQJC001");
            case "120111" -> agri ? new Lab("天津市西青区农产品质量安全检测站", "XQNJ001")
                    : new Lab("天津市西青区食品检验检测中心", "XQJC001");
            case "120119" -> agri ? new Lab("天津市蓟州区农产品质量安全检测站", "JZNJ001")
                    : new Lab("天津市蓟州区食品检验检测中心", "JZJC001");
            default -> agri ? LAB_TJNC : LAB_TJZJ;
        };
    }

    /** On-site rapid-test rooms, one per district. */
    static Lab rapidLab(District d, boolean agri) {
        return agri ? new Lab(d.name() + "农产品快速检测室", "KJN" + d.code())
                : new Lab(d.name() + "市场监管局食品快速检测室", "KJ" + d.code());
    }

    // ------------------------------------------------------------------------------------------
    // Word lists for names and free text
    // ------------------------------------------------------------------------------------------

    static final String[] BRAND_A = {"鑫", "福", "惠", "金", "丰", "盛", "瑞", "宏", "永", "兴", "佳", "润", "同", "康", "益",
            "万", "恒", "德", "聚", "和", "嘉", "顺", "祥", "信", "华", "隆", "源", "安", "泰", "昌"};
    static final String[] BRAND_B = {"源", "满", "民", "穗", "泽", "达", "旺", "禾", "丰", "福", "利", "发", "缘", "鑫", "盛",
            "康", "悦", "诚", "邦", "汇", "宇", "辉", "茂", "晟", "豪", "凯", "远", "航", "景", "信"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
            "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"};
    static final String[] ROADS = {"建设路", "人民路", "新华路", "富民路", "光明道", "和平路", "振华道", "解放路", "中山路",
            "京津公路", "泉州路", "翠亨路", "雍阳西道", "友谊路", "胜利路", "东风路", "迎宾道", "健康道"};
    static final String[] DISHES = {"饺子", "面", "包子", "小吃", "烧烤", "麻辣烫", "家常菜", "海鲜", "砂锅", "快餐", "火锅",
            "炸鸡", "煎饼", "羊汤"};
    static final String[] COMMUNITIES = {"富民里", "幸福家园", "阳光小区", "和谐苑", "康馨园", "馨园里", "佳和园", "景园",
            "盛世花园", "新村", "怡园里", "雅苑"};

    /** Foods people complain about or post about, with their 大类. */
    record TextFood(String name, String category) {
    }

    static final List<TextFood> TEXT_FOODS = List.of(
            new TextFood("韭菜", "食用农产品"), new TextFood("豇豆", "食用农产品"), new TextFood("芹菜", "食用农产品"),
            new TextFood("猪肉", "食用农产品"), new TextFood("牛肉", "食用农产品"), new TextFood("鸡蛋", "食用农产品"),
            new TextFood("草鱼", "食用农产品"), new TextFood("虾", "食用农产品"), new TextFood("苹果", "食用农产品"),
            new TextFood("大米", "粮食加工品"), new TextFood("面粉", "粮食加工品"), new TextFood("挂面", "粮食加工品"),
            new TextFood("香肠", "肉制品"), new TextFood("酱牛肉", "肉制品"), new TextFood("酸奶", "乳制品"),
            new TextFood("纯牛奶", "乳制品"), new TextFood("奶粉", "婴幼儿配方食品"), new TextFood("酱油", "调味品"),
            new TextFood("食醋", "调味品"), new TextFood("矿泉水", "饮料"), new TextFood("果汁饮料", "饮料"),
            new TextFood("月饼", "糕点"), new TextFood("蛋糕", "糕点"), new TextFood("面包", "糕点"),
            new TextFood("方便面", "方便食品"), new TextFood("饼干", "饼干"), new TextFood("薯片", "薯类和膨化食品"),
            new TextFood("速冻水饺", "速冻食品"), new TextFood("白酒", "酒类"), new TextFood("豆腐", "豆制品"),
            new TextFood("外卖盒饭", "餐饮食品"), new TextFood("麻辣烫", "餐饮食品"), new TextFood("烧烤", "餐饮食品"),
            new TextFood("花生油", "食用油、油脂及其制品"), new TextFood("蜂蜜", "蜂产品"), new TextFood("雪糕", "冷冻饮品"),
            new TextFood("减肥胶囊", "保健食品"));

    static TextFood textFood(String name) {
        for (TextFood f : TEXT_FOODS) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(name);
    }

    // ------------------------------------------------------------------------------------------
    // Small deterministic helpers
    // ------------------------------------------------------------------------------------------

    static final class Pick {
        private Pick() {
        }

        static int index(SplittableRandom rnd, double[] weights) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double x = rnd.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        static <T> T one(SplittableRandom rnd, T[] items) {
            return items[rnd.nextInt(items.length)];
        }

        static <T> T one(SplittableRandom rnd, List<T> items) {
            return items.get(rnd.nextInt(items.size()));
        }

        static int poisson(SplittableRandom rnd, double mean) {
            if (mean <= 0) {
                return 0;
            }
            if (mean > 60) { // normal approximation; never reached with the demo's volumes
                return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian(rnd)));
            }
            double l = Math.exp(-mean);
            int k = 0;
            double p = 1;
            do {
                k++;
                p *= rnd.nextDouble();
            } while (p > l);
            return k - 1;
        }

        static double gaussian(SplittableRandom rnd) {
            double u = 1 - rnd.nextDouble();
            double v = rnd.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }

        static double between(SplittableRandom rnd, double lo, double hi) {
            return lo + (hi - lo) * rnd.nextDouble();
        }

        /** Log-uniform: detected values spread over orders of magnitude as lab results do. */
        static double logBetween(SplittableRandom rnd, double lo, double hi) {
            return Math.exp(between(rnd, Math.log(lo), Math.log(hi)));
        }
    }

    /** SplitMix64 finaliser: independent, reproducible seeds from (seed, day, purpose, ...). */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            long z = h ^ p;
            z += 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            h = z ^ (z >>> 31);
        }
        return h;
    }

}
