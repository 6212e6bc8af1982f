package org.foodrisk.benchmark.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.reference.District;
import org.foodrisk.topics.Topics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * (c) A burst of complaints known only from their text, as ComplaintTextTopologyTest writes them:
 * no districtCode, districtName or foodCategory, no enterprise; the district's full name and a
 * catering word (外卖, 火锅店, 快餐店 …) only in the text. Every template was checked against the
 * service's text extractor for all 16 districts (district and 餐饮食品 read correctly), so a miss
 * is the counting's, not the reading's.
 */
final class ComplaintPlants {

    static final int COMPLAINTS = 8;

    private static final List<String> TEXTS = List.of(
            "我在%s某外卖店买的炸鸡吃完腹泻",
            "%s一家火锅店吃完晚饭全家拉肚子",
            "在%s点的外卖盒饭有异味，吃后呕吐",
            "%s某快餐店的盒饭吃完肚子疼",
            "在%s一家烧烤店吃饭后上吐下泻",
            "孩子在%s的小饭桌吃午饭后呕吐",
            "%s某奶茶店的奶茶喝完拉肚子",
            "在%s某饭店吃的凉拌菜不新鲜，吃完腹泻",
            "昨晚在%s一家小餐馆吃了麻辣烫，半夜开始腹泻",
            "%s某饭店的饭菜吃完恶心头晕");
    private static final List<String> CHANNELS = List.of("12345", "12315", "12315", "网络");

    private final ZoneId zone;

    ComplaintPlants(ZoneId zone) {
        this.zone = zone;
    }

    /** Eight complaints over two days (four a day, 08:00–21:59), each received — and so arriving — when made. */
    Plant textOnlyBurst(int trial, District district, LocalDate day, SplittableRandom random) {
        String prefix = Plant.idPrefix(ScenarioClass.COMPLAINT_TEXT_BURST, trial);
        List<ZonedDateTime> times = new ArrayList<>();
        for (int k = 0; k < COMPLAINTS; k++) {
            times.add(day.plusDays(k / 4).atTime(8 + random.nextInt(14), random.nextInt(60)).atZone(zone));
        }
        times.sort(Comparator.naturalOrder());
        List<DemoRecord> records = new ArrayList<>();
        for (int k = 0; k < COMPLAINTS; k++) {
            String id = prefix + "-" + (k + 1);
            String channel = PlantRecords.pick(random, CHANNELS);
            ObjectNode value = PlantRecords.complaint(id, channel, times.get(k),
                    String.format(PlantRecords.pick(random, TEXTS), district.name()));
            records.add(PlantRecords.record(Topics.COMPLAINTS, id, value, times.get(k), times.get(k)));
        }
        return new Plant(ScenarioClass.COMPLAINT_TEXT_BURST, trial, district, day, records);
    }
}
