package org.foodrisk.topology;

import org.foodrisk.testsupport.TestJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.foodrisk.testsupport.Drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily count detectors on sparse counts and around holidays (issue 13, part 3), on the production
 * settings: a baseline of zeros and the return to normal after 春节 were seen to alarm.
 */
class SparseCountsTopologyTest {

    private TopologyTestDriver driver;
    private TestOutputTopic<String, String> alerts;
    private TestInputTopic<String, String> illness;
    private TestInputTopic<String, String> complaints;

    @BeforeEach
    void start() {
        driver = Drivers.topology("sparse-counts-test");
        alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
        illness = TestTopics.input(driver, TypedTopics.ILLNESS_REPORTS.asText());
        complaints = TestTopics.input(driver, TypedTopics.COMPLAINTS.asText());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private List<JsonNode> alertsOfKind(String kind) {
        return alerts.readValuesToList().stream().map(TestJson::parse)
                .filter(a -> a.path("kind").asText().equals(kind)).toList();
    }

    /** A case published an hour after its onset (arrival order = onset order here, as reports come in). */
    private void publishCase(String id, LocalDate day, int hour, String syndrome) {
        OffsetDateTime onset = day.atTime(hour, 0).atOffset(ZoneOffset.ofHours(8));
        illness.pipeInput(id, """
                {"caseId":"%s","reportingUnit":"武清区人民医院","districtCode":"120114",
                 "onsetAt":"%s","symptoms":["腹泻"],"syndrome":"%s"}
                """.formatted(id, onset.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), syndrome), onset.plusHours(1).toInstant());
    }

    private void publishComplaint(String id, LocalDate day, int hour) {
        OffsetDateTime received = day.atTime(hour, 0).atOffset(ZoneOffset.ofHours(8));
        complaints.pipeInput(id, """
                {"complaintId":"%s","channel":"12315","receivedAt":"%s","districtCode":"120114",
                 "foodCategory":"乳制品","issueType":"变质","text":"在武清区买的酸奶变质（%s）"}
                """.formatted(id, received.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), id), received.plusMinutes(30).toInstant());
    }

    @Test
    void threeCasesOverABaselineOfZerosAreNotAboveAConfirmedThreeCaseCluster() {
        // 武清区: 2–7 胃肠道 cases a day through May 2024, no 神经系统 case; on 2024-05-29 one 神经系统
        // case in the morning series of 胃肠道, and on 2024-05-30 three 神经系统 cases.
        int[] background = {2, 6, 3, 7, 4, 5};
        int n = 0;
        for (LocalDate day = LocalDate.of(2024, 5, 1); day.isBefore(LocalDate.of(2024, 6, 2)); day = day.plusDays(1)) {
            int gastro = background[day.getDayOfMonth() % background.length];
            for (int i = 0; i < gastro; i++) {
                publishCase("S-" + n++, day, 8 + i, "胃肠道");
            }
            if (day.equals(LocalDate.of(2024, 5, 29))) {
                publishCase("N-1", day, 16, "神经系统");
            }
            if (day.equals(LocalDate.of(2024, 5, 30))) {
                for (int i = 0; i < 3; i++) {
                    publishCase("N-" + (2 + i), day, 16 + i, "神经系统");
                }
            }
        }
        List<JsonNode> out = alertsOfKind("illness.aberration").stream()
                .filter(a -> a.path("headline").asText().contains("神经系统")).toList();
        assertTrue(out.stream().noneMatch(a -> a.path("window").path("start").asText().startsWith("2024-05-29")),
                "one case against a baseline of zeros is no alert: " + out);
        assertEquals(1, out.size(), "three cases of a rare syndrome still stand out: " + out);
        JsonNode alert = out.get(0);
        assertEquals("2024-05-30T00:00:00+08:00", alert.path("window").path("start").asText());
        assertTrue(alert.path("detector").path("threshold").asDouble() > 0,
                "a baseline of zeros must not give a threshold of 0: " + alert.path("detector"));
        assertEquals("YELLOW", alert.path("level").asText(),
                "not above a confirmed 3-case cluster (YELLOW): a statistical alarm on 3 cases is evidence, not an outbreak");
    }

    @Test
    void theReturnToNormalAfterChunJieIsNoSpike() {
        // 武清区 乳制品 complaints: 4–8 a day from 2024-12-09; 春节 2025 (1-28 … 2-4, 国办发明电〔2024〕12号)
        // at 30 % of normal (2 a day); then back to normal until 2025-02-28.
        int[] normal = {5, 7, 6, 8, 4, 6, 7};
        int n = 0;
        for (LocalDate day = LocalDate.of(2024, 12, 9); day.isBefore(LocalDate.of(2025, 3, 1)); day = day.plusDays(1)) {
            boolean chunJie = !day.isBefore(LocalDate.of(2025, 1, 28)) && !day.isAfter(LocalDate.of(2025, 2, 4));
            int count = chunJie ? 2 : normal[(int) (day.toEpochDay() % normal.length)];
            for (int i = 0; i < count; i++) {
                publishComplaint("C-" + n++, day, 8 + i);
            }
        }
        List<String> spikes = alertsOfKind("complaint.spike").stream()
                .map(a -> a.path("window").path("start").asText().substring(0, 10)).toList();
        assertEquals(List.of(), spikes, "normal days after the holiday's dip are no spike");
    }
}
