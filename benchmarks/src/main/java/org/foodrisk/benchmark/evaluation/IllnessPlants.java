package org.foodrisk.benchmark.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.reference.District;
import org.foodrisk.topics.Topics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Planted case reports, written as OutbreakDefinitionTopologyTest writes them: a hospital of the
 * district, onset, symptoms and syndrome, the exposure place; reported hours to three days after
 * onset in the hospital's hours (08:00–21:00), as the demo's hospitals do.
 */
final class IllnessPlants {

    private static final List<List<String>> GASTRO_SYMPTOMS = List.of(
            List.of("腹泻", "呕吐", "腹痛"), List.of("腹泻", "腹痛"), List.of("呕吐", "恶心", "腹痛"),
            List.of("腹泻", "发热", "腹痛"), List.of("腹泻", "呕吐"));
    private static final List<String> SCHOOLS = List.of("第一中学", "实验中学", "第二小学", "中心小学", "第三中学");

    private final ZoneId zone;

    IllnessPlants(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * (d) 3–5 胃肠道 cases who ate the same school lunch (11:40–12:20) at one canteen
     * (学校食堂); onsets 2–20 hours later, so within a day.
     */
    Plant canteenCluster(int trial, District district, LocalDate day, SplittableRandom random) {
        String prefix = Plant.idPrefix(ScenarioClass.CANTEEN_CLUSTER, trial);
        String town = district.towns().isEmpty() ? "" : PlantRecords.pick(random, district.towns());
        String canteen = district.name() + town + PlantRecords.pick(random, SCHOOLS) + "学生食堂";
        ZonedDateTime lunch = day.atTime(11, 40).plusMinutes(random.nextInt(41)).atZone(zone);
        int cases = 3 + random.nextInt(3);
        List<DemoRecord> records = new ArrayList<>();
        for (int k = 0; k < cases; k++) {
            ZonedDateTime onset = lunch.plusMinutes(120 + random.nextInt(18 * 60));
            ObjectNode value = caseReport(prefix + "-" + (k + 1), district, onset, random);
            value.put("age", 7 + random.nextInt(9));
            value.put("suspectedFood", "学校午餐");
            value.put("foodCategory", "餐饮食品");
            ObjectNode place = value.putObject("exposurePlace");
            place.put("name", canteen);
            place.put("type", "学校食堂");
            value.put("exposureAt", PlantRecords.iso(lunch));
            records.add(record(value, onset, random));
        }
        return new Plant(ScenarioClass.CANTEEN_CLUSTER, trial, district, day, records);
    }

    /**
     * (e) The negative control: two 胃肠道 cases of one district on one day, each ill at home (家中,
     * 家庭) with no address, exposure time or pathogen in common — two households, no outbreak.
     */
    Plant unrelatedHomeCases(int trial, District district, LocalDate day, SplittableRandom random) {
        String prefix = Plant.idPrefix(ScenarioClass.UNRELATED_HOME_CASES, trial);
        List<DemoRecord> records = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            ZonedDateTime onset = day.atTime(k == 0 ? 7 + random.nextInt(6) : 15 + random.nextInt(7), random.nextInt(60))
                    .atZone(zone);
            ObjectNode value = caseReport(prefix + "-" + (k + 1), district, onset, random);
            value.put("age", 20 + random.nextInt(60));
            ObjectNode place = value.putObject("exposurePlace");
            place.put("name", "家中");
            place.put("type", "家庭");
            records.add(record(value, onset, random));
        }
        return new Plant(ScenarioClass.UNRELATED_HOME_CASES, trial, district, day, records);
    }

    private static ObjectNode caseReport(String id, District district, ZonedDateTime onset, SplittableRandom random) {
        ObjectNode value = PlantRecords.object();
        value.put("caseId", id);
        value.put("reportingUnit", "天津市" + district.name() + "人民医院");
        value.put("districtCode", district.code());
        value.put("districtName", district.name());
        value.put("onsetAt", PlantRecords.iso(onset));
        value.put("sex", random.nextBoolean() ? "男" : "女");
        ArrayNode symptoms = value.putArray("symptoms");
        PlantRecords.pick(random, GASTRO_SYMPTOMS).forEach(symptoms::add);
        value.put("syndrome", "胃肠道");
        value.put("hospitalized", random.nextDouble() < 0.2);
        return value;
    }

    /** Filed 3 hours to 3 days after onset, in the hospital's hours. */
    private static DemoRecord record(ObjectNode value, ZonedDateTime onset, SplittableRandom random) {
        ZonedDateTime reported = PlantRecords.hospitalReport(onset.plusMinutes(180 + random.nextInt(3 * 24 * 60)), random);
        value.put("reportedAt", PlantRecords.iso(reported));
        return PlantRecords.record(Topics.ILLNESS_REPORTS, value.path("caseId").asText(), value, onset, reported);
    }
}
