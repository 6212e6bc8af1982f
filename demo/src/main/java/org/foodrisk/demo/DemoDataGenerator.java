package org.foodrisk.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoCatalog.Category;
import org.foodrisk.demo.DemoCatalog.District;
import org.foodrisk.demo.DemoCatalog.Food;
import org.foodrisk.demo.DemoCatalog.Item;
import org.foodrisk.demo.DemoCatalog.Lab;
import org.foodrisk.demo.DemoCatalog.Pick;
import org.foodrisk.demo.DemoCatalog.TextFood;
import org.foodrisk.demo.DemoIdentity.Enterprise;
import org.foodrisk.demo.DemoIdentity.Kind;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Realistic, reproducible input traffic for the four contract topics, for the demo mode and for
 * tests and benchmarks that need "a normal day in Tianjin" plus planted incidents.
 *
 * <p>Determinism: every day is generated from its own random stream derived from
 * (seed, date), so {@code day(d)} is the same whether it is asked for alone or inside
 * {@code history(from, to)}, and the same seed always gives the same records. The four topics
 * draw from separate streams, so a change in one topic's model does not reshuffle the others.
 *
 * <p>Background traffic (see {@link DemoCatalog} for the sources of every figure):
 * <ul>
 *   <li>Sampling results: the four plan districts at their plan volumes (武清 8489, 西青 5710,
 *       河北 4000, 蓟州 3360 批次 a year), the other twelve at 1.5 批次/千人; weekdays carry most of
 *       it. 2.73 % 不合格 with the SAMR 2023 cause mix; category mix over the 35 大类 with
 *       食用农产品 about 40 %.</li>
 *   <li>Illness reports: a few sporadic cases a day per large district, summer-peaked; no
 *       planted clusters (sporadic cases have their own exposure places).</li>
 *   <li>Complaints (about 25 a day) and opinion signals (about 14 a day) in free Chinese text,
 *       naming food and often the district or town, with structured fields only sometimes.</li>
 * </ul>
 * {@link #scenarios(LocalDate)} adds the planted incidents a detector must catch.
 *
 * <p>Arrival: real data comes late — a lab result is reported 2–10 days after its sample was
 * taken, an illness case hours to days after onset (see {@link ReportTiming}) — so every record
 * carries its {@link DemoRecord#arrivalTime()} too, and {@link #arrivals(LocalDate, LocalDate)}
 * hands out traffic in the order it would be published, which is not event-time order. Publish
 * that, not {@link #history}, to try a consumer on late data.
 */
public final class DemoDataGenerator {

    public static final String TOPIC_SAMPLING = "foodrisk.sampling-results.v1";
    public static final String TOPIC_ILLNESS = "foodrisk.illness-reports.v1";
    public static final String TOPIC_COMPLAINTS = "foodrisk.complaints.v1";
    public static final String TOPIC_OPINION = "foodrisk.opinion-signals.v1";

    /** Tianjin's zone (UTC+08:00, no daylight saving). */
    public static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");

    /** Every planted scenario record's id starts with this, e.g. DEMO-S1-20240506-01. */
    public static final String SCENARIO_ID_PREFIX = DemoScenarios.PREFIX;

    /** S1: the 武清区 market stall whose 猪肉 has 克伦特罗. */
    public static final String S1_CREDIT_CODE = DemoScenarios.S1_ENTERPRISE.creditCode();
    /** S2: the 西青区 vegetable shop that fails twice (韭菜 腐霉利, then 韭菜 毒死蜱). */
    public static final String S2_CREDIT_CODE = DemoScenarios.S2_ENTERPRISE.creditCode();
    /** S4: the 蓟州区 school canteen three cases ate at. */
    public static final String S4_CREDIT_CODE = DemoScenarios.S4_CANTEEN.creditCode();
    /** S7: the 武清区 market stall whose 韭菜 fails (腐霉利); two S5 complaints name it too. */
    public static final String S7_CREDIT_CODE = DemoScenarios.S7_ENTERPRISE.creditCode();

    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private final long seed;
    private final ZoneId zone;
    private final List<District> districts = DemoCatalog.DISTRICTS;
    private final double[] districtWeights;
    private final List<Category> categories = DemoCatalog.CATEGORIES;
    private final double[] categoryWeights;
    /** Per cause bucket: every (food, item) that can fail for that cause, and its weight. */
    private final List<List<Food>> causeFoods = new ArrayList<>();
    private final List<List<Item>> causeItems = new ArrayList<>();
    private final List<double[]> causeWeights = new ArrayList<>();

    public DemoDataGenerator(long seed, ZoneId zone) {
        this.seed = seed;
        this.zone = Objects.requireNonNull(zone, "zone");
        districtWeights = new double[districts.size()];
        for (int i = 0; i < districtWeights.length; i++) {
            districtWeights[i] = districts.get(i).weight();
        }
        categoryWeights = new double[categories.size()];
        for (int i = 0; i < categoryWeights.length; i++) {
            categoryWeights[i] = categories.get(i).weight();
        }
        for (String cause : DemoCatalog.CAUSES) {
            List<Food> foods = new ArrayList<>();
            List<Item> items = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (Food f : DemoCatalog.FOODS) {
                double share = DemoCatalog.category(f.category()).weight() * f.weight() / categoryFoodWeight(f.category());
                for (Item it : f.items()) {
                    if (it.cause().equals(cause)) {
                        foods.add(f);
                        items.add(it);
                        weights.add(share * it.failWeight());
                    }
                }
            }
            if (foods.isEmpty()) {
                throw new IllegalStateException("no item can fail for cause " + cause);
            }
            causeFoods.add(foods);
            causeItems.add(items);
            causeWeights.add(weights.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    public long seed() {
        return seed;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * One day of background traffic on all four topics, every event time inside {@code date} in
     * this generator's zone, ordered by event time (then topic, then key).
     */
    public List<DemoRecord> day(LocalDate date) {
        long daySeed = DemoCatalog.mix(seed, date.toEpochDay());
        List<DemoRecord> out = new ArrayList<>();
        // The labs' weekend duty (ReportTiming) draws from a stream of its own: the sampling stream's
        // draws, and so every other field of a sample, stay what they were before it existed.
        sampling(date, new SplittableRandom(DemoCatalog.mix(daySeed, 1)), new SplittableRandom(DemoCatalog.mix(daySeed, 5)),
                out);
        illness(date, new SplittableRandom(DemoCatalog.mix(daySeed, 2)), out);
        complaints(date, new SplittableRandom(DemoCatalog.mix(daySeed, 3)), out);
        opinion(date, new SplittableRandom(DemoCatalog.mix(daySeed, 4)), out);
        out.sort(ORDER);
        return out;
    }

    /**
     * Background traffic for the days {@code from} (inclusive) to {@code to} (exclusive), day by
     * day in event-time order; lazily generated, so a year costs no memory up front. That is not
     * the order the records would be published in: see {@link #arrivals(LocalDate, LocalDate)}.
     * Throws IllegalArgumentException when {@code to} is before {@code from}.
     */
    public Stream<DemoRecord> history(LocalDate from, LocalDate to) {
        return from.datesUntil(to).flatMap(d -> day(d).stream());
    }

    /**
     * Background traffic of the days {@code from} (inclusive) to {@code to} (exclusive) in arrival
     * order — by {@link DemoRecord#arrivalTime()}, then topic, then key — as it would be published.
     * The same records as {@code history(from, to)}, in another order: lab results come after
     * records of later days. Records of the range that arrive after {@code to} starts (lab reports
     * of its last days) are included, at the end, in arrival order: nothing of the range is cut.
     * Lazily generated; holds only the records still on their way (about two weeks of lab reports).
     * Throws IllegalArgumentException when {@code to} is before {@code from}.
     */
    public Stream<DemoRecord> arrivals(LocalDate from, LocalDate to) {
        return arrivals(from, to, date -> false);
    }

    /**
     * As {@link #arrivals(LocalDate, LocalDate)}, with the planted incidents ({@link #scenarios})
     * of the days {@code plantOn} accepts merged in, in arrival order like the rest.
     */
    public Stream<DemoRecord> arrivals(LocalDate from, LocalDate to, Predicate<LocalDate> plantOn) {
        return inArrivalOrder(from.datesUntil(to).iterator(), plantOn);
    }

    /**
     * Traffic from {@code from} on, without end, in arrival order, with the planted incidents of the
     * days {@code plantOn} accepts: for a feeder that publishes each record when its arrival time
     * comes. To know the next record, the merge generates days up to the day after its arrival.
     */
    public ArrivalMerge<DemoRecord> arrivalsFrom(LocalDate from, Predicate<LocalDate> plantOn) {
        return merge(Stream.iterate(from, d -> d.plusDays(1)).iterator(), plantOn);
    }

    private Stream<DemoRecord> inArrivalOrder(Iterator<LocalDate> days, Predicate<LocalDate> plantOn) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merge(days, plantOn),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private ArrivalMerge<DemoRecord> merge(Iterator<LocalDate> days, Predicate<LocalDate> plantOn) {
        Objects.requireNonNull(plantOn, "plantOn");
        return new ArrivalMerge<>(days, date -> {
            List<DemoRecord> records = new ArrayList<>(day(date));
            if (plantOn.test(date)) {
                records.addAll(DemoScenarios.build(date, zone));
            }
            return records;
        }, DemoRecord::arrivalTime, ARRIVAL_ORDER, zone);
    }

    /**
     * The planted incidents of {@code date}, all with event times inside that day and ids
     * {@code DEMO-S<n>-<yyyyMMdd>-<nn>} (see {@link #scenarioId}). They do not depend on the
     * seed. S1 克伦特罗 in 武清区 猪肉; S2 a 西青区 business failing twice (韭菜); S3 a run of
     * 乳制品 failures in 河北区; S4 three illness cases from one 蓟州区 school canteen; S5 a burst
     * of complaints about 韭菜 in 武清区; S6 a 微博 spike about 韭菜 农药 in 武清区 with one
     * rumour; S7 a failing 武清区 韭菜 sample (腐霉利) that S5 and S6 fuse with.
     */
    public List<DemoRecord> scenarios(LocalDate date) {
        List<DemoRecord> out = new ArrayList<>(DemoScenarios.build(date, zone));
        out.sort(ORDER);
        return out;
    }

    /** The id of the {@code seq}-th record (1-based) of scenario {@code scenario} on {@code date}. */
    public static String scenarioId(int scenario, LocalDate date, int seq) {
        return DemoScenarios.id(scenario, date, seq);
    }

    static final Comparator<DemoRecord> ORDER = Comparator.comparing(DemoRecord::eventTime)
            .thenComparing(DemoRecord::topic).thenComparing(DemoRecord::key);

    /** The order records are published in: arrival time, then topic, then key. */
    public static final Comparator<DemoRecord> ARRIVAL_ORDER = Comparator.comparing(DemoRecord::arrivalTime)
            .thenComparing(DemoRecord::topic).thenComparing(DemoRecord::key);

    // ------------------------------------------------------------------------------------------
    // Sampling results
    // ------------------------------------------------------------------------------------------

    private void sampling(LocalDate date, SplittableRandom rnd, SplittableRandom labDuty, List<DemoRecord> out) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        double dayFactor = weekend ? 0.3 : 1.28; // mean over a week is 1.0
        int seq = 0;
        for (District d : districts) {
            int n = Pick.poisson(rnd, d.samplesPerDay() * dayFactor);
            for (int i = 0; i < n; i++) {
                out.add(sample(date, d, ++seq, rnd, labDuty));
            }
        }
    }

    private DemoRecord sample(LocalDate date, District d, int seq, SplittableRandom rnd, SplittableRandom labDuty) {
        boolean failing = rnd.nextDouble() < DemoCatalog.FAILURE_RATE;
        Food food;
        Item failed = null;
        if (failing) {
            int cause = Pick.index(rnd, DemoCatalog.CAUSE_WEIGHTS);
            int k = Pick.index(rnd, causeWeights.get(cause));
            food = causeFoods.get(cause).get(k);
            failed = causeItems.get(cause).get(k);
        } else {
            Category c = categories.get(Pick.index(rnd, categoryWeights));
            food = pickFood(c.name(), rnd);
        }
        String stage = food.stages().pick(rnd, failing);
        boolean agri = stage.equals("种植养殖") || stage.equals("屠宰");
        String agency = agri ? DemoCatalog.AGENCY_AGRI : DemoCatalog.AGENCY_SAMR;
        String program = agri
                ? DemoCatalog.AGRI_PROGRAMS[Pick.index(rnd, DemoCatalog.AGRI_PROGRAM_WEIGHTS)]
                : DemoCatalog.SAMR_PROGRAMS[Pick.index(rnd, DemoCatalog.SAMR_PROGRAM_WEIGHTS)];
        if (stage.equals("进口") && program.equals("快检")) {
            program = "监督抽查";
        }
        Lab lab = lab(d, agri, program, stage, rnd);

        ZonedDateTime sampledAt = at(date, 8 * 60 + rnd.nextInt(9 * 60 + 30));
        // When the result is published, and so when the record arrives (see ReportTiming): 快检 the
        // same day, a lab report 2–10 days later in office hours on a working day.
        ZonedDateTime reportedAt = program.equals("快检")
                ? ReportTiming.rapidTest(sampledAt, rnd.nextInt(200))
                : ReportTiming.labReport(sampledAt, 2 + rnd.nextInt(9), rnd.nextInt(8 * 60), labDuty);
        String prefix = agri ? "NCP" : program.equals("快检") ? "KJ" : program.equals("风险监测") ? "FX" : "DC";
        String sampleId = prefix + date.format(YMD) + d.code() + String.format("%04d", seq);

        ObjectNode n = DemoJson.object();
        n.put("sampleId", sampleId);
        n.put("program", program);
        n.put("agency", agency);
        n.put("lab", lab.name());
        n.put("labCode", lab.code());
        putDistrict(n, d, rnd);
        Enterprise e = rnd.nextDouble() < 0.93 ? enterprise(d, food, stage, rnd) : null;
        String town = e != null ? e.town() : DemoIdentity.town(rnd, d);
        if (town != null) {
            n.put("town", town);
        }
        n.put("stage", stage);
        if (e != null) {
            n.set("enterprise", DemoJson.enterprise(e, true));
        }
        n.put("foodCategory", food.category());
        n.put("foodSubcategory", food.subcategory());
        n.put("foodName", food.name());
        n.put("sampledAt", DemoJson.iso(sampledAt));
        n.put("reportedAt", DemoJson.iso(reportedAt));
        n.put("verdict", failing ? "不合格" : "合格");
        n.set("items", items(food, failed, rnd));
        return new DemoRecord(TOPIC_SAMPLING, sampleId, DemoJson.write(n), sampledAt.toInstant(), reportedAt.toInstant());
    }

    private Food pickFood(String category, SplittableRandom rnd) {
        List<Food> foods = new ArrayList<>();
        for (Food f : DemoCatalog.FOODS) {
            if (f.category().equals(category)) {
                foods.add(f);
            }
        }
        double[] w = new double[foods.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = foods.get(i).weight();
        }
        return foods.get(Pick.index(rnd, w));
    }

    private static double categoryFoodWeight(String category) {
        double sum = 0;
        for (Food f : DemoCatalog.FOODS) {
            if (f.category().equals(category)) {
                sum += f.weight();
            }
        }
        return sum;
    }

    /** 合格: no items (half the time) or 1–3 passing items; 不合格: the failing item(s) and a few passing ones. */
    private ArrayNode items(Food food, Item failed, SplittableRandom rnd) {
        ArrayNode arr = DemoJson.MAPPER.createArrayNode();
        List<Item> pool = new ArrayList<>(food.items());
        if (failed == null && rnd.nextBoolean()) {
            return arr;
        }
        List<ObjectNode> nodes = new ArrayList<>();
        if (failed != null) {
            pool.remove(failed);
            nodes.add(DemoJson.item(failed, false, rnd));
            // Now and then a second item of the same cause fails too (韭菜: 腐霉利 and 毒死蜱).
            for (Item other : List.copyOf(pool)) {
                if (other.cause().equals(failed.cause()) && rnd.nextDouble() < 0.08) {
                    pool.remove(other);
                    nodes.add(DemoJson.item(other, false, rnd));
                    break;
                }
            }
        }
        int passing = failed == null ? 1 + rnd.nextInt(3) : rnd.nextInt(3);
        for (int i = 0; i < passing && !pool.isEmpty(); i++) {
            nodes.add(DemoJson.item(pool.remove(rnd.nextInt(pool.size())), true, rnd));
        }
        for (int i = nodes.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            ObjectNode t = nodes.get(i);
            nodes.set(i, nodes.get(j));
            nodes.set(j, t);
        }
        nodes.forEach(arr::add);
        return arr;
    }

    private static Lab lab(District d, boolean agri, String program, String stage, SplittableRandom rnd) {
        if (program.equals("快检")) {
            return DemoCatalog.rapidLab(d, agri);
        }
        if (stage.equals("进口")) {
            return DemoCatalog.LAB_CUSTOMS;
        }
        if (agri) {
            return d.planDistrict() && !d.code().equals("120105") && rnd.nextBoolean()
                    ? DemoCatalog.districtLab(d, true) : DemoCatalog.LAB_TJNC;
        }
        return switch (program) {
            case "区抽" -> d.planDistrict() && !d.code().equals("120105") && rnd.nextInt(3) > 0
                    ? DemoCatalog.districtLab(d, false)
                    : rnd.nextBoolean() ? DemoCatalog.LAB_TJFS : DemoCatalog.LAB_TJZJ;
            case "风险监测" -> DemoCatalog.LAB_TJFS;
            default -> rnd.nextInt(3) > 0 ? DemoCatalog.LAB_TJFS : DemoCatalog.LAB_TJZJ;
        };
    }

    private Enterprise enterprise(District d, Food food, String stage, SplittableRandom rnd) {
        String sub = food.subcategory();
        Kind kind = switch (stage) {
            case "种植养殖" -> switch (sub) {
                case "水果类" -> Kind.FARM_FRUIT;
                case "鲜蛋" -> Kind.FARM_POULTRY;
                case "水产品" -> Kind.FARM_AQUA;
                case "畜禽肉及副产品" -> Kind.FARM_LIVESTOCK;
                default -> Kind.FARM_VEG;
            };
            case "屠宰" -> Kind.SLAUGHTER;
            case "生产" -> Kind.PRODUCER;
            case "流通" -> food.category().equals("食用农产品") && rnd.nextDouble() < 0.6 ? Kind.MARKET_STALL : Kind.RETAIL;
            case "餐饮" -> rnd.nextDouble() < 0.2 ? Kind.CANTEEN : Kind.RESTAURANT;
            case "网络销售" -> Kind.ONLINE;
            case "进口" -> Kind.IMPORTER;
            case "储备" -> Kind.RESERVE;
            default -> Kind.RETAIL;
        };
        String category = kind == Kind.PRODUCER ? food.category() : null;
        Enterprise e = DemoIdentity.enterprise(seed, d, kind, category, rnd.nextInt(kind.poolSize(d)));
        return e;
    }

    // ------------------------------------------------------------------------------------------
    // Illness reports
    // ------------------------------------------------------------------------------------------

    /** A suspected food with the agents that go with it (reference/foodborne.md section 3). */
    private record Suspect(String food, String category, String syndrome, String[] pathogens) {
    }

    private static final List<Suspect> SUSPECTS = List.of(
            new Suspect("凉拌菜", "餐饮食品", "胃肠道", new String[]{"诺如病毒", "致泻大肠埃希氏菌", "沙门氏菌"}),
            new Suspect("外卖快餐", "餐饮食品", "胃肠道", new String[]{"金黄色葡萄球菌", "蜡样芽胞杆菌", "诺如病毒"}),
            new Suspect("海鲜（虾、贝类）", "食用农产品", "胃肠道", new String[]{"副溶血性弧菌", "诺如病毒"}),
            new Suspect("卤肉", "肉制品", "胃肠道", new String[]{"沙门氏菌", "金黄色葡萄球菌"}),
            new Suspect("鸡蛋", "食用农产品", "胃肠道", new String[]{"沙门氏菌"}),
            new Suspect("剩米饭", "餐饮食品", "胃肠道", new String[]{"蜡样芽胞杆菌"}),
            new Suspect("四季豆", "食用农产品", "胃肠道", new String[]{}),
            new Suspect("野生蘑菇", "食用农产品", "神经系统", new String[]{}),
            new Suspect("牛奶", "乳制品", "胃肠道", new String[]{"金黄色葡萄球菌"}),
            new Suspect("蛋糕", "糕点", "胃肠道", new String[]{"金黄色葡萄球菌", "沙门氏菌"}),
            new Suspect("烧烤", "餐饮食品", "胃肠道", new String[]{"致泻大肠埃希氏菌", "沙门氏菌"}),
            new Suspect("自制腌菜", "蔬菜制品", "其他", new String[]{}));
    private static final double[] SUSPECT_WEIGHTS = {14, 14, 10, 9, 7, 6, 5, 3, 3, 4, 8, 2};

    private static final String[] PLACE_TYPES = {"餐饮服务单位", "家庭", "集体用餐单位", "学校食堂", "农村集体聚餐"};
    private static final double[] PLACE_WEIGHTS = {50, 36, 6, 4, 4};

    private void illness(LocalDate date, SplittableRandom rnd, List<DemoRecord> out) {
        // Summer peak: 6–9月 carry about 60–66 % of events (foodborne.md section 4).
        double season = 1 + 0.55 * Math.cos(2 * Math.PI * (date.getDayOfYear() - 213) / 365.25);
        int seq = 0;
        for (District d : districts) {
            int n = Pick.poisson(rnd, d.weight() * season);
            for (int i = 0; i < n; i++) {
                out.add(illnessCase(date, d, ++seq, rnd));
            }
        }
    }

    private DemoRecord illnessCase(LocalDate date, District d, int seq, SplittableRandom rnd) {
        String caseId = "FBD" + date.format(YMD) + d.code() + String.format("%04d", seq);
        // Onsets cluster in the evening and night after meals.
        int hour = Pick.index(rnd, new double[]{3, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 5, 6, 6, 6, 7, 8, 8, 8, 7, 6, 4});
        ZonedDateTime onset = at(date, hour * 60 + rnd.nextInt(60));
        boolean winter = date.getMonthValue() >= 11 || date.getMonthValue() <= 3;

        Suspect suspect = rnd.nextDouble() < 0.75 ? SUSPECTS.get(Pick.index(rnd, SUSPECT_WEIGHTS)) : null;
        String syndrome = suspect == null ? (rnd.nextDouble() < 0.95 ? "胃肠道" : "其他") : suspect.syndrome();
        String pathogen = null;
        if (suspect != null && suspect.pathogens().length > 0 && rnd.nextDouble() < 0.22) {
            pathogen = winter && rnd.nextDouble() < 0.5 ? "诺如病毒" : Pick.one(rnd, suspect.pathogens());
        } else if (suspect == null && rnd.nextDouble() < 0.1) {
            pathogen = winter ? "诺如病毒" : "致泻大肠埃希氏菌";
        }
        ZonedDateTime exposure = onset.minusMinutes(incubationMinutes(pathogen, suspect, rnd));

        ObjectNode n = DemoJson.object();
        n.put("caseId", caseId);
        n.put("reportingUnit", Pick.one(rnd, d.reportingUnits()));
        putDistrict(n, d, rnd);
        n.put("onsetAt", DemoJson.iso(onset));
        // Filed by the hospital 3 hours to 3 days after onset, in its office hours (ReportTiming).
        ZonedDateTime reportedAt = ReportTiming.hospitalReport(onset.plusMinutes(180 + rnd.nextInt(3 * 24 * 60)), rnd);
        n.put("reportedAt", DemoJson.iso(reportedAt));
        int age = rnd.nextDouble() < 0.15 ? 1 + rnd.nextInt(14) : 15 + rnd.nextInt(71);
        n.put("age", age);
        n.put("sex", rnd.nextBoolean() ? "男" : "女");
        ArrayNode symptoms = n.putArray("symptoms");
        symptoms(syndrome, rnd).forEach(symptoms::add);
        n.put("syndrome", syndrome);
        if (suspect != null) {
            n.put("suspectedFood", suspect.food());
            n.put("foodCategory", suspect.category());
        }
        if (rnd.nextDouble() < 0.8) {
            n.set("exposurePlace", exposurePlace(d, suspect, rnd));
            n.put("exposureAt", DemoJson.iso(exposure));
        }
        if (pathogen != null) {
            n.put("pathogen", pathogen);
        }
        n.put("hospitalized", rnd.nextDouble() < 0.12);
        return new DemoRecord(TOPIC_ILLNESS, caseId, DemoJson.write(n), onset.toInstant(), reportedAt.toInstant());
    }

    private static long incubationMinutes(String pathogen, Suspect suspect, SplittableRandom rnd) {
        double[] hours;
        if (pathogen != null) {
            hours = switch (pathogen) {
                case "诺如病毒" -> new double[]{12, 48};
                case "副溶血性弧菌" -> new double[]{4, 30};
                case "沙门氏菌" -> new double[]{6, 48};
                case "金黄色葡萄球菌" -> new double[]{1, 6};
                case "蜡样芽胞杆菌" -> new double[]{1, 15};
                default -> new double[]{10, 48};
            };
        } else if (suspect != null && suspect.food().equals("野生蘑菇")) {
            hours = new double[]{0.5, 6};
        } else if (suspect != null && suspect.food().equals("四季豆")) {
            hours = new double[]{1, 5};
        } else if (suspect != null && suspect.food().equals("自制腌菜")) {
            hours = new double[]{0.3, 3};
        } else {
            hours = new double[]{2, 24};
        }
        return Math.round(Pick.between(rnd, hours[0], hours[1]) * 60);
    }

    private static List<String> symptoms(String syndrome, SplittableRandom rnd) {
        List<String> out = new ArrayList<>();
        switch (syndrome) {
            case "神经系统" -> {
                out.add("恶心");
                out.add("头晕");
                addSome(out, rnd, "呕吐", "幻觉", "视物模糊", "大汗", "腹痛");
            }
            case "其他" -> {
                out.add("口唇紫绀");
                out.add("头晕");
                addSome(out, rnd, "乏力", "恶心", "呼吸困难");
            }
            default -> {
                if (rnd.nextDouble() < 0.85) {
                    out.add("腹泻");
                }
                if (rnd.nextDouble() < 0.6) {
                    out.add("呕吐");
                }
                addSome(out, rnd, "恶心", "腹痛", "发热", "乏力");
                if (out.isEmpty()) {
                    out.add("腹痛");
                }
            }
        }
        return out;
    }

    private static void addSome(List<String> out, SplittableRandom rnd, String... candidates) {
        for (String c : candidates) {
            if (rnd.nextDouble() < 0.4) {
                out.add(c);
            }
        }
    }

    private ObjectNode exposurePlace(District d, Suspect suspect, SplittableRandom rnd) {
        String type = PLACE_TYPES[Pick.index(rnd, PLACE_WEIGHTS)];
        if (suspect != null && suspect.category().equals("餐饮食品") && type.equals("家庭")) {
            type = "餐饮服务单位";
        }
        ObjectNode p = DemoJson.object();
        switch (type) {
            case "餐饮服务单位", "学校食堂", "集体用餐单位" -> {
                Kind kind = switch (type) {
                    case "学校食堂" -> Kind.SCHOOL;
                    case "集体用餐单位" -> rnd.nextBoolean() ? Kind.CATERER : Kind.CANTEEN;
                    default -> Kind.RESTAURANT;
                };
                Enterprise e = DemoIdentity.enterprise(seed, d, kind, null, rnd.nextInt(kind.poolSize(d)));
                p.put("name", e.name());
                p.put("type", type);
                p.put("creditCode", e.creditCode());
                p.put("address", e.address());
            }
            case "农村集体聚餐" -> {
                String town = DemoIdentity.town(rnd, d);
                String village = Pick.one(rnd, DemoCatalog.SURNAMES) + (rnd.nextBoolean() ? "家庄村" : "庄子村");
                String host = Pick.one(rnd, DemoCatalog.SURNAMES) + "某某";
                p.put("name", village + host + "家宴");
                p.put("type", type);
                p.put("address", "天津市" + d.name() + (town == null ? "" : town) + village);
            }
            default -> {
                String town = DemoIdentity.town(rnd, d);
                String home = Pick.one(rnd, DemoCatalog.COMMUNITIES) + (1 + rnd.nextInt(40)) + "号楼" + (1 + rnd.nextInt(6))
                        + "门" + (1 + rnd.nextInt(18)) + "0" + (1 + rnd.nextInt(4));
                p.put("name", home + "居民家庭");
                p.put("type", "家庭");
                p.put("address", "天津市" + d.name() + (town == null ? "" : town) + home);
            }
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------
    // Complaints
    // ------------------------------------------------------------------------------------------

    private static final String[] CHANNELS = {"12315", "12345", "网络", "来信", "现场"};
    private static final double[] CHANNEL_WEIGHTS = {55, 30, 8, 3, 4};
    private static final String[] ISSUES = {"身体不适", "变质", "异物", "过期", "标签标识", "假冒伪劣", "虚假宣传", "无证经营",
            "卫生条件", "其他"};
    private static final double[] ISSUE_WEIGHTS = {15, 18, 15, 12, 10, 5, 4, 6, 10, 5};
    private static final String[] WHEN = {"昨天", "今天中午", "前天晚上", "本周一", "昨晚", "上周末", "今天上午"};
    private static final String[] WHO = {"家人", "孩子", "我和家人", "家里老人", "我"};
    private static final String[] SICK = {"腹泻", "呕吐", "肚子疼", "上吐下泻", "拉肚子", "恶心头晕"};
    private static final String[] FOREIGN = {"头发", "塑料片", "小虫子", "金属丝", "玻璃碴", "钢丝球碎屑"};

    /** Issues that make sense for the food: nobody finds 后厨卫生 in a bottle of 酱油. */
    private static String issue(TextFood food, SplittableRandom rnd) {
        double[] w = ISSUE_WEIGHTS.clone();
        List<String> allowed = switch (food.category()) {
            case "餐饮食品" -> List.of("身体不适", "变质", "异物", "卫生条件", "无证经营", "其他");
            case "食用农产品" -> List.of("身体不适", "变质", "无证经营", "其他");
            default -> List.of("身体不适", "变质", "异物", "过期", "标签标识", "假冒伪劣", "虚假宣传", "其他");
        };
        for (int i = 0; i < ISSUES.length; i++) {
            if (!allowed.contains(ISSUES[i])) {
                w[i] = 0;
            }
        }
        return ISSUES[Pick.index(rnd, w)];
    }

    private void complaints(LocalDate date, SplittableRandom rnd, List<DemoRecord> out) {
        int seq = 0;
        for (District d : districts) {
            int n = Pick.poisson(rnd, d.weight() * 1.3);
            for (int i = 0; i < n; i++) {
                out.add(complaint(date, d, ++seq, rnd));
            }
        }
    }

    private DemoRecord complaint(LocalDate date, District d, int seq, SplittableRandom rnd) {
        String complaintId = "TS" + date.format(YMD) + String.format("%05d", seq);
        int hour = Pick.index(rnd, new double[]{1, 0.5, 0.3, 0.2, 0.2, 0.5, 1, 3, 6, 9, 9, 8, 7, 7, 8, 8, 7, 6, 5, 5, 4, 3, 2, 1});
        ZonedDateTime received = at(date, hour * 60 + rnd.nextInt(60));
        TextFood food = Pick.one(rnd, DemoCatalog.TEXT_FOODS);
        String issue = issue(food, rnd);
        Enterprise e = null;
        if (rnd.nextDouble() < 0.3) {
            Kind kind = switch (food.category()) {
                case "餐饮食品" -> Kind.RESTAURANT;
                case "食用农产品" -> rnd.nextBoolean() ? Kind.MARKET_STALL : Kind.RETAIL;
                default -> rnd.nextDouble() < 0.15 ? Kind.ONLINE : Kind.RETAIL;
            };
            e = DemoIdentity.enterprise(seed, d, kind, null, rnd.nextInt(kind.poolSize(d)));
        }
        String place = place(d, food, e, rnd);
        String text = complaintText(issue, food, place, rnd);

        ObjectNode n = DemoJson.object();
        n.put("complaintId", complaintId);
        n.put("channel", CHANNELS[Pick.index(rnd, CHANNEL_WEIGHTS)]);
        n.put("receivedAt", DemoJson.iso(received));
        double r = rnd.nextDouble();
        if (r < 0.2) {
            n.put("districtCode", d.code());
            n.put("districtName", d.name());
        } else if (r < 0.28) {
            n.put("districtCode", d.code());
        } else if (r < 0.36) {
            n.put("districtName", d.name());
        }
        if (e != null) {
            ObjectNode en = DemoJson.object();
            en.put("name", e.name());
            if (rnd.nextDouble() < 0.6) {
                en.put("creditCode", e.creditCode());
            }
            n.set("enterprise", en);
        }
        if (rnd.nextDouble() < 0.25) {
            n.put("foodCategory", food.category());
        }
        if (rnd.nextDouble() < 0.35) {
            n.put("foodName", food.name());
        }
        n.put("issueType", issue);
        n.put("text", text);
        // A complaint is known when it is received: it arrives at its event time.
        return new DemoRecord(TOPIC_COMPLAINTS, complaintId, DemoJson.write(n), received.toInstant(), received.toInstant());
    }

    /** Where it happened, as people write it: district and town, town only, "武清", or nothing. */
    private static String place(District d, TextFood food, Enterprise e, SplittableRandom rnd) {
        if (e != null && rnd.nextBoolean()) {
            return e.name();
        }
        String venue = switch (food.category()) {
            case "餐饮食品" -> Pick.one(rnd, new String[]{"一家饭店", "某外卖店", "一家小餐馆", "某快餐店"});
            case "食用农产品" -> Pick.one(rnd, new String[]{"某农贸市场", "菜市场一个摊位", "某超市", "路边菜摊"});
            default -> Pick.one(rnd, new String[]{"某超市", "一家便利店", "某网店", "小区门口的商店"});
        };
        if (venue.equals("某网店")) {
            return venue;
        }
        String town = DemoIdentity.town(rnd, d);
        double r = rnd.nextDouble();
        if (r < 0.45) {
            return d.name() + (town == null ? "" : town) + venue;
        } else if (r < 0.6) {
            return d.name() + venue;
        } else if (r < 0.75 && town != null) {
            return town + venue;
        } else if (r < 0.8) {
            return d.shortName() + venue;
        }
        return venue;
    }

    private static String complaintText(String issue, TextFood textFood, String place, SplittableRandom rnd) {
        String when = Pick.one(rnd, WHEN);
        String food = textFood.name();
        boolean eatenThere = textFood.category().equals("餐饮食品");
        return switch (issue) {
            case "身体不适" -> !eatenThere
                    ? when + "在" + place + "买的" + food + "，" + Pick.one(rnd, WHO) + "吃完后" + Pick.one(rnd, SICK)
                    + "，怀疑" + food + "有问题，请求查处。"
                    : when + "在" + place + "吃了" + food + "，当晚就" + Pick.one(rnd, SICK) + "，已去医院就诊，要求商家给说法。";
            case "变质" -> "在" + place + "购买的" + food + "回家后发现已经变质，有明显异味，商家拒绝退换。";
            case "异物" -> when + "在" + place + "买的" + food + "里吃出了" + Pick.one(rnd, FOREIGN) + "，要求赔偿未果，请监管部门处理。";
            case "过期" -> place + "在售的" + food + "已超过保质期仍在销售，" + when + "购买时才发现。";
            case "标签标识" -> place + "销售的" + food + "没有中文标签，生产日期和生产厂家都看不清。";
            case "假冒伪劣" -> "怀疑" + place + "卖的" + food + "是假冒品牌，包装粗糙，口感也不对。";
            case "虚假宣传" -> place + "宣称其" + food + "能降血糖、治疗疾病，涉嫌虚假宣传，请核查。";
            case "无证经营" -> place + "附近有人无证经营" + food + "，没有营业执照和食品经营许可证。";
            case "卫生条件" -> place + "卫生条件很差，后厨有苍蝇，" + food + "加工生熟不分。";
            default -> "反映" + place + "销售的" + food + "价格标示不清，称重也有问题。";
        };
    }

    // ------------------------------------------------------------------------------------------
    // Opinion signals
    // ------------------------------------------------------------------------------------------

    private static final String[] SOURCES = {"微博", "微信", "抖音", "新闻", "论坛", "其他"};
    private static final double[] SOURCE_WEIGHTS = {40, 20, 20, 10, 8, 2};

    private void opinion(LocalDate date, SplittableRandom rnd, List<DemoRecord> out) {
        int n = Pick.poisson(rnd, 14);
        for (int i = 1; i <= n; i++) {
            out.add(signal(date, i, rnd));
        }
    }

    private DemoRecord signal(LocalDate date, int seq, SplittableRandom rnd) {
        String signalId = "YQ" + date.format(YMD) + String.format("%05d", seq);
        ZonedDateTime published = at(date, 6 * 60 + rnd.nextInt(18 * 60)).plusSeconds(rnd.nextInt(60));
        String source = SOURCES[Pick.index(rnd, SOURCE_WEIGHTS)];
        TextFood food = Pick.one(rnd, DemoCatalog.TEXT_FOODS);
        District d = rnd.nextDouble() < 0.35 ? districts.get(Pick.index(rnd, districtWeights)) : null;
        String where = d == null ? "" : rnd.nextDouble() < 0.7 ? d.name() : d.shortName();

        String title;
        String text;
        double sentiment;
        boolean rumour = false;
        int kind = Pick.index(rnd, new double[]{30, 25, 20, 22, 3});
        switch (kind) {
            case 0 -> {
                title = "网友曝光" + where + "某店" + food.name() + "有问题";
                text = "有网友发帖称，在" + where + "一家店购买的" + food.name() + "吃后身体不适，商家态度敷衍，引发网友关注。";
                sentiment = -Pick.between(rnd, 0.3, 0.8);
            }
            case 1 -> {
                title = food.name() + "怎么挑？这份食品安全小贴士请收好";
                text = "购买" + food.name() + "要选择正规渠道，注意查看生产日期和保质期，发现问题可拨打12315投诉。";
                sentiment = Pick.between(rnd, 0.1, 0.6);
            }
            case 2 -> {
                title = (where.isEmpty() ? "天津" : where) + "市场监管部门公布一批食品抽检结果";
                text = "近日，" + (where.isEmpty() ? "天津市" : where) + "市场监管部门公布食品安全监督抽检信息，涉及" + food.name()
                        + "等多类食品，不合格产品已依法处置。";
                sentiment = Pick.between(rnd, -0.2, 0.2);
            }
            case 3 -> {
                title = null;
                text = where + "这家店的" + food.name() + "真是一言难尽，" + Pick.one(rnd, new String[]{"吃完肚子疼了一晚上",
                        "味道不对劲", "里面有头发", "价格贵还不新鲜"}) + "，大家避雷！";
                sentiment = -Pick.between(rnd, 0.2, 0.7);
            }
            default -> {
                title = "转发扩散！" + food.name() + "千万别吃";
                text = "网传" + where + "卖的" + food.name() + "里检出有毒物质，吃了会致癌，赶紧告诉家人！";
                sentiment = -Pick.between(rnd, 0.6, 0.95);
                rumour = true;
            }
        }
        int reach = reach(source, rnd);
        ObjectNode n = DemoJson.object();
        n.put("signalId", signalId);
        n.put("source", source);
        n.put("publishedAt", DemoJson.iso(published));
        if (title != null) {
            n.put("title", title);
        }
        n.put("text", text);
        n.put("url", url(source, date, rnd));
        if (d != null && rnd.nextDouble() < 0.4) {
            n.put("districtName", d.name());
            if (rnd.nextBoolean()) {
                n.put("districtCode", d.code());
            }
        }
        if (rnd.nextDouble() < 0.3) {
            n.put("foodCategory", food.category());
        }
        n.put("reach", reach);
        n.put("reposts", (int) (reach * Pick.between(rnd, 0.0005, 0.02)));
        n.put("comments", (int) (reach * Pick.between(rnd, 0.0005, 0.01)));
        n.put("sentiment", Math.round(sentiment * 100) / 100.0);
        n.put("rumour", rumour);
        // A post is seen when it is published: it arrives at its event time.
        return new DemoRecord(TOPIC_OPINION, signalId, DemoJson.write(n), published.toInstant(), published.toInstant());
    }

    private static int reach(String source, SplittableRandom rnd) {
        return (int) switch (source) {
            case "微博" -> Pick.logBetween(rnd, 200, 60_000);
            case "抖音" -> Pick.logBetween(rnd, 500, 120_000);
            case "新闻" -> Pick.logBetween(rnd, 2_000, 100_000);
            case "微信" -> Pick.logBetween(rnd, 300, 30_000);
            default -> Pick.logBetween(rnd, 50, 5_000);
        };
    }

    /** Example domains only: these are not real posts. */
    static String url(String source, LocalDate date, SplittableRandom rnd) {
        long id = 1_000_000_000L + (rnd.nextLong() & 0x3FFFFFFFFL);
        return switch (source) {
            case "微博" -> "https://weibo.example/" + (100000 + rnd.nextInt(900000)) + "/" + Long.toString(id, 36);
            case "微信" -> "https://mp.weixin.example/s/" + Long.toString(id, 36) + Long.toString(rnd.nextLong() & 0xFFFFFFL, 36);
            case "抖音" -> "https://www.douyin.example/video/" + id;
            case "新闻" -> "https://news.example/" + date.format(DateTimeFormatter.ofPattern("yyyy/MMdd")) + "/" + id + ".html";
            case "论坛" -> "https://bbs.example/thread-" + (id % 10_000_000) + "-1-1.html";
            default -> "https://www.example.com/post/" + id;
        };
    }

    // ------------------------------------------------------------------------------------------

    /** Both code and name mostly; sometimes only one of them, as the contract allows. */
    private static void putDistrict(ObjectNode n, District d, SplittableRandom rnd) {
        double r = rnd.nextDouble();
        if (r < 0.7) {
            n.put("districtCode", d.code());
            n.put("districtName", d.name());
        } else if (r < 0.88) {
            n.put("districtCode", d.code());
        } else {
            n.put("districtName", d.name());
        }
    }

    private ZonedDateTime at(LocalDate date, int minuteOfDay) {
        return date.atTime(LocalTime.ofSecondOfDay(minuteOfDay * 60L)).atZone(zone);
    }
}
