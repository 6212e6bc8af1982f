package org.foodrisk.benchmark.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.reference.District;
import org.foodrisk.topics.Topics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * (f) One 韭菜 incident seen in three streams, as the demo's planted incident and StreamDetectorsTopologyTest write
 * it: a failed sample (腐霉利, an ordinary pesticide, reported 2–5 working days later), three complaints and three
 * 微博 posts about 韭菜 in the district over three days. Complaints and posts name the district and the food only
 * in their text; every template was checked against the service's text extractor for all 16 districts (district,
 * 韭菜 and 食用农产品 read correctly in 96 of 96), so a miss is the fusion's, not the reading's.
 */
final class MultiStreamPlants {

    private static final List<String> COMPLAINTS = List.of(
            "在%s菜市场买的韭菜有农药味，吃完头晕",
            "%s某超市的韭菜吃了以后恶心想吐，怀疑农药超标",
            "在%s农贸市场买的韭菜炒鸡蛋吃完头晕乏力");
    private static final List<String> POSTS = List.of(
            "网传%s韭菜农药超标",
            "%s多人反映吃韭菜后头晕，疑似农药残留",
            "曝光：%s市场销售的韭菜检出农药残留超标");

    private final ZoneId zone;

    MultiStreamPlants(ZoneId zone) {
        this.zone = zone;
    }

    Plant leekAcrossStreams(int trial, District district, LocalDate day, SplittableRandom random) {
        String prefix = Plant.idPrefix(ScenarioClass.MULTI_STREAM, trial);
        List<DemoRecord> records = new ArrayList<>();
        ZonedDateTime sampled = day.atTime(8 + random.nextInt(8), random.nextInt(60)).atZone(zone);
        ZonedDateTime reported = PlantRecords.labReport(sampled, 2 + random.nextInt(4), random);
        records.add(PlantRecords.record(Topics.SAMPLING_RESULTS, prefix + "-S", sample(prefix + "-S", district, sampled,
                reported, random), sampled, reported));
        for (int k = 0; k < 3; k++) {
            ZonedDateTime at = day.plusDays(k).atTime(9 + random.nextInt(12), random.nextInt(60)).atZone(zone);
            String id = prefix + "-Q" + (k + 1);
            ObjectNode complaint = PlantRecords.complaint(id, "12345", at, String.format(COMPLAINTS.get(k), district.name()));
            records.add(PlantRecords.record(Topics.COMPLAINTS, id, complaint, at, at));
            ZonedDateTime posted = day.plusDays(k).atTime(10 + random.nextInt(12), random.nextInt(60)).atZone(zone);
            String postId = prefix + "-O" + (k + 1);
            ObjectNode post = PlantRecords.object();
            post.put("signalId", postId);
            post.put("source", "微博");
            post.put("publishedAt", PlantRecords.iso(posted));
            post.put("text", String.format(POSTS.get(k), district.name()));
            post.put("reach", 1_000 + random.nextInt(30_000));
            records.add(PlantRecords.record(Topics.OPINION_SIGNALS, postId, post, posted, posted));
        }
        return new Plant(ScenarioClass.MULTI_STREAM, trial, district, day, records);
    }

    /** The failed 韭菜 sample, written as SamplingPlants writes its results. */
    private static ObjectNode sample(String id, District district, ZonedDateTime sampled, ZonedDateTime reported,
                                     SplittableRandom random) {
        ObjectNode value = SamplingPlants.result(id, "区抽", district, district.name() + "菜市场" + id.substring(5) + "号摊位",
                "食用农产品", "蔬菜", "韭菜", sampled, reported, true);
        SamplingPlants.item(value.putArray("items"), "腐霉利", "农药残留",
                String.format(Locale.ROOT, "%.2f", 0.3 + random.nextDouble() * 1.2), "mg/kg", "0.2", false);
        return value;
    }
}
