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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code illness.spacetime-cluster}: the space–time permutation scan over town × day of cases without a common place. */
class SpaceTimeClusterTopologyTest {

    /** Ten towns of 武清区 (shared/reference/districts.md); the scan needs several to have power. */
    private static final String[] TOWNS = {"杨村街道", "下朱庄街道", "东蒲洼街道", "黄庄街道", "徐官屯街道", "运河西街道",
            "大碱厂镇", "崔黄口镇", "大良镇", "梅厂镇"};
    private static final int BURST_TOWN = 9;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> reports;
    private TestOutputTopic<String, String> alerts;

    @BeforeEach
    void start() {
        driver = Drivers.topology("spacetime-cluster-test");
        reports = TestTopics.input(driver, TypedTopics.ILLNESS_REPORTS.asText());
        alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private record Report(String id, OffsetDateTime onset, OffsetDateTime reported, String town, String place) {
        String json() {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("caseId", id);
            n.put("reportingUnit", "武清区人民医院");
            n.put("districtCode", "120114");
            n.put("onsetAt", onset.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            n.put("reportedAt", reported.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            n.putArray("symptoms").add("腹泻");
            n.put("syndrome", "胃肠道");
            n.put("town", town);
            if (place != null) {
                n.putObject("exposurePlace").put("name", place).put("type", place.equals("家中") ? "家庭" : "餐饮服务单位");
            }
            return n.toString();
        }
    }

    /** One case a day in each of ten towns for 28 days, then 10 in 梅厂镇 (and 1 elsewhere) on day 29, then a later case. */
    private List<Report> month(String burstPlace) {
        LocalDate first = LocalDate.of(2024, 7, 1);
        List<Report> out = new ArrayList<>();
        int n = 0;
        for (int day = 0; day < 29; day++) {
            for (int t = 0; t < TOWNS.length; t++) {
                int count = day == 28 && t == BURST_TOWN ? 10 : 1;
                for (int k = 0; k < count; k++) {
                    OffsetDateTime onset = first.plusDays(day).atTime(8 + k, 5 * t).atOffset(ZoneOffset.ofHours(8));
                    String place = day == 28 && t == BURST_TOWN ? (k % 2 == 0 ? "家中" : burstPlace) : (n % 5 == 0 ? "家中" : null);
                    // Reported 1–2 days after onset: arrival order is not onset order.
                    out.add(new Report("ST-" + n, onset, onset.plusHours(20 + (n * 7L) % 30), TOWNS[t], place));
                    n++;
                }
            }
        }
        OffsetDateTime closing = first.plusDays(30).atTime(12, 0).atOffset(ZoneOffset.ofHours(8));
        out.add(new Report("ST-close", closing, closing.plusHours(2), TOWNS[0], null));
        out.sort(Comparator.comparing(Report::reported));
        return out;
    }

    private void arrive(List<Report> byArrival) {
        for (Report r : byArrival) {
            reports.pipeInput(r.id(), r.json(), r.reported().toInstant());
        }
    }

    private List<JsonNode> allAlerts() {
        List<JsonNode> out = new ArrayList<>();
        for (String value : alerts.readValuesToList()) {
            try {
                out.add(Json.MAPPER.readTree(value));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    private static List<JsonNode> ofKind(List<JsonNode> alerts, String kind) {
        return alerts.stream().filter(a -> a.path("kind").asText().equals(kind)).toList();
    }

    private List<JsonNode> spaceTimeAlerts() {
        return ofKind(allAlerts(), "illness.spacetime-cluster");
    }

    @Test
    void aBurstOfCasesWithoutCommonPlaceInOneTownIsASpaceTimeCluster() {
        arrive(month(null));
        List<JsonNode> versions = spaceTimeAlerts();
        // Judged when the 29th closes on the arrival clock, with the cases reported by then; the burst's
        // later reports (up to two days after onset) update the same alert.
        assertEquals(1, versions.stream().map(a -> a.path("alertId").asText()).distinct().count(),
                versions.stream().map(a -> a.path("headline").asText()).toList().toString());
        assertTrue(versions.get(0).path("detector").path("observed").asDouble() < 10.0,
                "raised before every report of the 29th was in: " + versions.get(0).path("headline").asText());
        JsonNode alert = versions.get(versions.size() - 1);
        assertTrue(alert.path("headline").asText().contains("梅厂镇"), alert.path("headline").asText());
        assertEquals("space-time-permutation-scan", alert.path("detector").path("name").asText());
        assertEquals(10.0, alert.path("detector").path("observed").asDouble());
        assertTrue(alert.path("detector").path("pValue").asDouble() <= 0.01);
        assertEquals(10, alert.path("evidence").size());
        assertEquals("2024-07-29T00:00:00+08:00", alert.path("window").path("start").asText());
        assertEquals("120114", alert.path("districtCode").asText());
        assertTrue(alert.path("planTasks").size() > 0, "routed to the district's 食源性疾病 owner");
    }

    @Test
    void casesThatNameACommonPlaceAreLeftToTheOutbreakRule() {
        // Half of the burst names 某饭店: only the other half (家中, no common place) is scanned.
        arrive(month("某饭店"));
        List<JsonNode> all = allAlerts();
        List<JsonNode> clusters = ofKind(all, "illness.cluster");
        assertEquals(1, clusters.stream().map(a -> a.path("alertId").asText()).distinct().count(),
                "the 5 cases at 某饭店 on one day are a suspected outbreak");
        for (JsonNode alert : ofKind(all, "illness.spacetime-cluster")) {
            assertTrue(alert.path("detector").path("observed").asDouble() <= 5.0,
                    "the 5 cases at 某饭店 are not in the scan: " + alert.path("headline").asText());
        }
    }
}
