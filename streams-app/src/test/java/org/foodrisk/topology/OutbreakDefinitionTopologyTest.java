package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code illness.cluster} follows the outbreak definition (issue 13, part 4): cases join when they
 * share a canonical place, a compatible syndrome (or the same pathogen) and one exposure window.
 * Reports are published in arrival order (a report comes days after onset), never sorted by onset.
 */
class OutbreakDefinitionTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> reports;
    private TestOutputTopic<String, String> alerts;

    @BeforeEach
    void start() {
        driver = Drivers.topology("outbreak-definition-test");
        reports = TestTopics.input(driver, TypedTopics.ILLNESS_REPORTS.asText());
        alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** One case report as a hospital would write it; {@code exposureAt} and {@code pathogen} may be null. */
    private record Report(String caseId, String onsetAt, String syndrome, List<String> symptoms, String placeName,
                          String placeType, String address, String exposureAt, String pathogen, String reportedAt) {

        String json() {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("caseId", caseId);
            n.put("reportingUnit", "天津市蓟州区人民医院");
            n.put("districtCode", "120119");
            n.put("onsetAt", onsetAt);
            n.put("reportedAt", reportedAt);
            symptoms.forEach(n.putArray("symptoms")::add);
            if (syndrome != null) {
                n.put("syndrome", syndrome);
            }
            ObjectNode place = n.putObject("exposurePlace");
            place.put("name", placeName);
            if (placeType != null) {
                place.put("type", placeType);
            }
            if (address != null) {
                place.put("address", address);
            }
            if (exposureAt != null) {
                n.put("exposureAt", exposureAt);
            }
            if (pathogen != null) {
                n.put("pathogen", pathogen);
            }
            return n.toString();
        }
    }

    private static final List<String> GASTRO = List.of("腹泻", "呕吐", "腹痛");
    private static final List<String> NEURO = List.of("头晕", "视物模糊", "恶心");

    private static Report gastro(String id, String onset, String place, String type, String exposureAt, String reportedAt) {
        return new Report(id, onset, "胃肠道", GASTRO, place, type, null, exposureAt, null, reportedAt);
    }

    private static String iso(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Publishes in the order given, each at its own reportedAt (the arrival time). */
    private void arrive(Report... inArrivalOrder) {
        for (Report r : inArrivalOrder) {
            reports.pipeInput(r.caseId(), r.json(), OffsetDateTime.parse(r.reportedAt()).toInstant());
        }
    }

    private List<JsonNode> clusterAlerts() {
        List<JsonNode> out = new ArrayList<>();
        for (String value : alerts.readValuesToList()) {
            try {
                JsonNode alert = Json.MAPPER.readTree(value);
                if (alert.path("kind").asText().equals("illness.cluster")) {
                    out.add(alert);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    private static Set<String> evidenceIds(JsonNode alert) {
        Set<String> ids = new TreeSet<>();
        alert.path("evidence").forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }

    /** The latest version of each alert, by alertId. */
    private static List<JsonNode> latest(List<JsonNode> versions) {
        return versions.stream().collect(Collectors.groupingBy(a -> a.path("alertId").asText(),
                        LinkedHashMap::new, Collectors.toList())).values().stream()
                .map(list -> list.get(list.size() - 1)).toList();
    }

    @Test
    void threeGastroCasesAfterOneCanteenLunchReportedDaysLaterOutOfOrderAreOneOutbreak() {
        String lunch = "2024-05-06T11:50:00+08:00";
        String canteen = "蓟州区渔阳中学学生食堂";
        Report first = gastro("OB-1", "2024-05-06T20:10:00+08:00", canteen, "学校食堂", lunch, "2024-05-09T10:00:00+08:00");
        Report second = gastro("OB-2", "2024-05-07T02:30:00+08:00", canteen, "学校食堂", lunch, "2024-05-08T09:00:00+08:00");
        Report third = gastro("OB-3", "2024-05-07T09:45:00+08:00", canteen, "学校食堂", lunch, "2024-05-10T16:00:00+08:00");
        // Arrival order: the second onset is reported first (1 day later), the first 3 days later.
        arrive(second, first, third);

        List<JsonNode> versions = clusterAlerts();
        List<JsonNode> alertsNow = latest(versions);
        assertEquals(1, alertsNow.size(), "one outbreak, one alert: " + versions);
        JsonNode alert = alertsNow.get(0);
        assertEquals(Set.of("OB-1", "OB-2", "OB-3"), evidenceIds(alert));
        assertEquals("ORANGE", alert.path("level").asText(), "3 cases YELLOW, one level up for a school canteen");
        assertEquals("2024-05-06T20:10:00+08:00", alert.path("window").path("start").asText(),
                "the window starts at the earliest onset, whichever report came first");
    }

    @Test
    void unrelatedCasesWhosePlaceIsOnlyAtHomeDoNotJoin() {
        arrive(new Report("HH-1", "2024-07-10T19:00:00+08:00", "胃肠道", GASTRO, "家中", "家庭", null, null, null,
                        "2024-07-11T09:00:00+08:00"),
                new Report("HH-2", "2024-07-10T21:00:00+08:00", "胃肠道", GASTRO, "家中", "家庭", null, null, null,
                        "2024-07-11T10:00:00+08:00"),
                new Report("HH-3", "2024-07-11T08:00:00+08:00", "胃肠道", GASTRO, "家庭", "家庭", null, null, null,
                        "2024-07-12T09:00:00+08:00"),
                new Report("HH-4", "2024-07-11T12:00:00+08:00", "胃肠道", GASTRO, "自家", null, null, null, null,
                        "2024-07-12T11:00:00+08:00"),
                new Report("HH-5", "2024-07-11T13:00:00+08:00", "胃肠道", GASTRO, "家 中", "家庭", null, null, null,
                        "2024-07-12T12:00:00+08:00"));
        assertTrue(clusterAlerts().isEmpty(), "five households in one district are not one exposure place");
    }

    @Test
    void twoMembersOfOneHouseholdWithTheSameAddressJoin() {
        arrive(new Report("HA-1", "2024-07-10T19:00:00+08:00", "胃肠道", GASTRO, "家中", "家庭",
                        "天津市蓟州区渔阳镇府君小区3号楼2门101", "2024-07-10T12:00:00+08:00", null, "2024-07-11T09:00:00+08:00"),
                new Report("HA-2", "2024-07-10T23:00:00+08:00", "胃肠道", GASTRO, "家庭", "家庭",
                        "蓟州区渔阳镇府君小区 3号楼2门101", "2024-07-10T12:00:00+08:00", null, "2024-07-12T09:00:00+08:00"));
        List<JsonNode> out = latest(clusterAlerts());
        assertEquals(1, out.size(), "the same home (same address) is a common exposure");
        assertEquals(Set.of("HA-1", "HA-2"), evidenceIds(out.get(0)));
    }

    @Test
    void aBusyCanteensSporadicCasesOfDifferentSyndromesOverSixWeeksAreNotOneLongOutbreak() {
        // One case every ~2 days (44 h and 52 h apart in turn) for 6 weeks, syndromes in turn; reported 1–3 days later.
        String[] syndromes = {"胃肠道", "神经系统", "其他"};
        List<List<String>> symptoms = List.of(GASTRO, NEURO, List.of("口唇紫绀", "乏力"));
        OffsetDateTime onset = OffsetDateTime.parse("2024-03-01T18:00:00+08:00");
        List<Report> inOnsetOrder = new ArrayList<>();
        for (int i = 0; onset.isBefore(OffsetDateTime.parse("2024-04-12T00:00:00+08:00")); i++) {
            OffsetDateTime reported = onset.plusHours(i % 3 == 0 ? 72 : 24 + i % 2);
            inOnsetOrder.add(new Report("BC-" + i, iso(onset), syndromes[i % 3], symptoms.get(i % 3),
                    "某区机关单位职工食堂", "集体用餐单位", null, null, null, iso(reported)));
            onset = onset.plusHours(i % 2 == 0 ? 44 : 52);
        }
        assertTrue(inOnsetOrder.size() >= 20, "six weeks of sporadic cases");
        List<Report> byArrival = new ArrayList<>(inOnsetOrder);
        byArrival.sort(Comparator.comparing(r -> OffsetDateTime.parse(r.reportedAt())));
        assertTrue(!byArrival.equals(inOnsetOrder), "arrival order differs from onset order");
        arrive(byArrival.toArray(Report[]::new));

        assertTrue(TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText())
                .isEmpty(), "every report is accepted");
        List<JsonNode> out = clusterAlerts();
        assertTrue(out.isEmpty(), "no two cases share a syndrome and an exposure window: "
                + out.stream().map(a -> evidenceIds(a).toString()).toList());
    }

    @Test
    void noClusterAlertSpansMoreThanOneExposureWindowAtABusyCanteenOfOneSyndrome() {
        // The same canteen, all 胃肠道 with the meal known: cases two days apart are separate meals.
        OffsetDateTime meal = OffsetDateTime.parse("2024-03-01T12:00:00+08:00");
        List<Report> cases = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            OffsetDateTime onset = meal.plusHours(6 + i % 5);
            cases.add(gastro("BM-" + i, iso(onset), "某区机关单位职工食堂", "集体用餐单位", iso(meal),
                    iso(onset.plusHours(30))));
            meal = meal.plusHours(i % 2 == 0 ? 44 : 52);
        }
        arrive(cases.toArray(Report[]::new));
        assertTrue(TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText())
                .isEmpty(), "every report is accepted");
        List<JsonNode> out = clusterAlerts();
        assertTrue(out.isEmpty(), "one case per meal is not an outbreak: "
                + out.stream().map(a -> evidenceIds(a).toString()).toList());
    }

    @Test
    void variantsOfOneCanteensNameJoin() {
        String lunch = "2024-09-12T12:00:00+08:00";
        arrive(gastro("NV-1", "2024-09-12T18:00:00+08:00", "XX中学食堂", "学校食堂", lunch, "2024-09-13T09:00:00+08:00"),
                gastro("NV-2", "2024-09-12T20:00:00+08:00", "XX中学 食堂", "学校食堂", lunch, "2024-09-13T10:00:00+08:00"),
                gastro("NV-3", "2024-09-12T21:30:00+08:00", "天津市XX中学食堂", "学校食堂", lunch, "2024-09-14T09:00:00+08:00"),
                gastro("NV-4", "2024-09-13T01:00:00+08:00", "ＸＸ中学　食堂", "学校食堂", lunch, "2024-09-14T10:00:00+08:00"),
                gastro("NV-5", "2024-09-13T02:00:00+08:00", "天津市蓟州区 XX中学食堂。", "学校食堂", lunch,
                        "2024-09-15T10:00:00+08:00"));
        List<JsonNode> out = latest(clusterAlerts());
        assertEquals(1, out.size(), "one canteen however its name is written: " + out);
        assertEquals(Set.of("NV-1", "NV-2", "NV-3", "NV-4", "NV-5"), evidenceIds(out.get(0)));
        assertEquals("RED", out.get(0).path("level").asText(), "5 cases ORANGE, one level up for a school canteen");
    }

    @Test
    void differentSyndromesAtOnePlaceWithinADayAreNotOneOutbreak() {
        String dinner = "2024-08-03T18:30:00+08:00";
        arrive(new Report("DS-1", "2024-08-03T20:00:00+08:00", "神经系统", NEURO, "某农家乐餐厅", "餐饮服务单位", null,
                        dinner, null, "2024-08-04T09:00:00+08:00"),
                gastro("DS-2", "2024-08-04T10:00:00+08:00", "某农家乐餐厅", "餐饮服务单位", dinner, "2024-08-05T09:00:00+08:00"));
        assertTrue(clusterAlerts().isEmpty(), "胃肠道 and 神经系统 are not a similar illness");
    }

    @Test
    void differentSyndromesJoinWhenTheLaboratoryFindsTheSamePathogen() {
        String dinner = "2024-08-03T18:30:00+08:00";
        arrive(new Report("DP-1", "2024-08-04T08:00:00+08:00", "神经系统", List.of("视物模糊", "吞咽困难"), "某农家乐餐厅",
                        "餐饮服务单位", null, dinner, "肉毒梭菌", "2024-08-05T09:00:00+08:00"),
                new Report("DP-2", "2024-08-04T06:00:00+08:00", "胃肠道", List.of("呕吐", "腹泻"), "某农家乐餐厅",
                        "餐饮服务单位", null, dinner, "肉毒梭菌", "2024-08-06T09:00:00+08:00"));
        List<JsonNode> out = latest(clusterAlerts());
        assertEquals(1, out.size(), "the same agent says it is one illness");
        assertEquals(Set.of("DP-1", "DP-2"), evidenceIds(out.get(0)));
    }

    @Test
    void twoGastroCasesWithoutExposureTimeJoinWhenTheirOnsetsFitOneExposureWindow() {
        // No exposureAt: exposure is estimated from onset and the syndrome's incubation period.
        arrive(new Report("EE-1", "2024-06-02T08:00:00+08:00", null, List.of("腹泻"), "某快餐店", "餐饮服务单位", null, null,
                        null, "2024-06-03T09:00:00+08:00"),
                new Report("EE-2", "2024-06-03T08:00:00+08:00", null, List.of("腹泻", "呕吐"), "某快餐店", "餐饮服务单位", null,
                        null, null, "2024-06-04T09:00:00+08:00"));
        List<JsonNode> out = latest(clusterAlerts());
        assertEquals(1, out.size(), "24 h apart fits the incubation of gastro-intestinal illness");
        JsonNode alert = out.get(0);
        assertTrue(Duration.between(OffsetDateTime.parse(alert.path("window").path("start").asText()),
                OffsetDateTime.parse(alert.path("window").path("end").asText())).toHours() <= 24);
    }
}
