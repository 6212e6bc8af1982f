package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestJson;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.foodrisk.topology.FlourSampling.NEW_DISTRICT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, the weekly pooled model in the service: with {@code weekly-count-method: pooled-nb} each ISO week's sums of
 * every district of a city × food category are judged together when the week's Sunday closes — a district is judged
 * from its fifth whole week, where the weekly improved Farrington needs five years of its own weeks. The evaluation
 * (docs/evaluation.md, "A new district's first weeks") found it the best of the methods at matched false-alarm rates in
 * a new district's first weeks. Traffic in arrival order: results three days after sampling, weekends quieter.
 */
class PooledWeeklyTopologyTest {

    private static final String KIND = "sampling.aberration";
    /** Days per-series (EARS C2, the default), weeks pooled. */
    private static final TopologySettings WEEKLY_POOLED = TopologySettings.defaults().with(new CountAberrationSettings(
            "ears-c2", CountAberrationSettings.DEFAULT_COUNT_METHOD_OPTIONS, 28, 3, "comparable-days",
            CountAberrationSettings.POOLED_METHOD, Map.of(), CountAberrationSettings.DEFAULT_COUNT_ALERT_BUDGET));

    private TopologyTestDriver driver;
    private TestOutputTopic<String, String> alerts;
    private TestInputTopic<String, String> sampling;
    private final ContractValidator contract = ContractValidator.forTopic(Topics.ALERTS);

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void start(String id, TopologySettings settings) {
        driver = Drivers.topology(id, Instant.parse("2024-07-31T00:00:00Z"), PlanCatalog.bundled(), settings);
        alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
        sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS.asText());
    }

    /** Two failed samples on each workday of the week from {@code monday}: no day reaches the three a daily alert needs. */
    private static List<FlourSampling.Report> weekOfFailures(String prefix, String district, LocalDate monday,
                                                             double delayDays) {
        return weekOfFailures(prefix, district, monday, 2, delayDays);
    }

    private static List<FlourSampling.Report> weekOfFailures(String prefix, String district, LocalDate monday,
                                                             int perWorkday, double delayDays) {
        List<FlourSampling.Report> reports = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            reports.addAll(FlourSampling.outbreak(prefix + "-" + day, district, monday.plusDays(day), perWorkday,
                    delayDays));
        }
        return reports;
    }

    /** The weekly count alerts published so far (the window is a whole week), each checked against the contract. */
    private List<JsonNode> weeklyAlerts() {
        List<JsonNode> out = alerts.readValuesToList().stream().map(TestJson::parse)
                .filter(a -> a.path("kind").asText().equals(KIND))
                .filter(a -> {
                    LocalDate start = LocalDate.parse(a.path("window").path("start").asText().substring(0, 10));
                    LocalDate end = LocalDate.parse(a.path("window").path("end").asText().substring(0, 10));
                    return end.equals(start.plusWeeks(1));
                }).toList();
        out.forEach(alert -> assertEquals(List.of(), contract.validate(alert), alert.toString()));
        return out;
    }

    @Test
    void aDistrictInItsSixthWeekIsJudgedWeeklyByThePooledModel() {
        start("pooled-weekly-new-district", WEEKLY_POOLED);
        // The new district's sixth week (from June 24): ten failures, two a workday, reported three days later.
        LocalDate monday = LocalDate.of(2024, 6, 24);
        List<FlourSampling.Report> reports = new ArrayList<>(FlourSampling.background(LocalDate.of(2024, 7, 10), null));
        reports.addAll(weekOfFailures("OUTBREAK", NEW_DISTRICT, monday, 3));
        FlourSampling.publishInArrivalOrder(sampling, reports);

        List<JsonNode> raised = weeklyAlerts();
        assertEquals(List.of(NEW_DISTRICT), raised.stream().map(a -> a.path("districtCode").asText()).distinct().toList(),
                "weekly alerts for the new district only: " + raised);
        assertEquals(1, raised.stream().map(a -> a.path("alertId").asText()).distinct().count(), raised.toString());
        assertTrue(raised.stream().noneMatch(a -> a.path("judgement").path("state").asText().equals("撤回")),
                raised.toString());
        JsonNode alert = raised.get(0);
        assertTrue(alert.path("window").path("start").asText().startsWith("2024-06-24T00:00"), alert.toString());
        assertEquals("初判", alert.path("judgement").path("state").asText(), alert.toString());
        assertTrue(alert.path("headline").asText().contains("当周"), alert.toString());
        JsonNode detector = alert.path("detector");
        assertEquals("pooled-nb", detector.path("name").asText(), detector.toString());
        // Judged when Sunday closed (Tuesday, a day's grace): the ten failures were in, and so were the background's
        // results of Monday to Thursday — the district's level is under two failures a week.
        assertTrue(detector.path("observed").asInt() >= 10, detector.toString());
        assertTrue(detector.path("expected").asDouble() < 3, detector.toString());
        assertTrue(detector.path("pValue").asDouble() < 0.001, detector.toString());
        List<String> evidence = new ArrayList<>();
        alert.path("evidence").forEach(e -> evidence.add(e.path("id").asText()));
        assertTrue(evidence.stream().filter(id -> id.startsWith("OUTBREAK-")).count() == 10, evidence.toString());
    }

    @Test
    void theWeeklyImprovedFarringtonJudgesNoneOfTheseWeeks() {
        // The control: the default weekly method needs five years and three weeks of a series' own weeks.
        start("pooled-weekly-control", TopologySettings.defaults());
        List<FlourSampling.Report> reports = new ArrayList<>(FlourSampling.background(LocalDate.of(2024, 7, 10), null));
        reports.addAll(weekOfFailures("OUTBREAK", NEW_DISTRICT, LocalDate.of(2024, 6, 24), 3));
        FlourSampling.publishInArrivalOrder(sampling, reports);
        assertEquals(List.of(), weeklyAlerts());
    }

    /**
     * The new district's third week: too new for a level of its own (min-periods 4 weeks), it is judged at the city's
     * — the average district's failure rate per sample (issue 19, detection in the first weeks).
     */
    @Test
    void aDistrictInItsThirdWeekIsJudgedAtTheCitysLevel() {
        List<JsonNode> raised = earlyOutbreaks(WEEKLY_POOLED);
        assertEquals(List.of("120111", NEW_DISTRICT), raised.stream().map(a -> a.path("districtCode").asText())
                .distinct().sorted().toList(), raised.toString());
    }

    @Test
    void withNewUnitsWaitADistrictInItsThirdWeekIsNotJudgedYet() {
        List<JsonNode> raised = earlyOutbreaks(TopologySettings.defaults().with(new CountAberrationSettings(
                "ears-c2", CountAberrationSettings.DEFAULT_COUNT_METHOD_OPTIONS, 28, 3, "comparable-days",
                CountAberrationSettings.POOLED_METHOD, Map.of("new-units", "wait"),
                CountAberrationSettings.DEFAULT_COUNT_ALERT_BUDGET)));
        assertEquals(List.of("120111"), raised.stream().map(a -> a.path("districtCode").asText()).distinct().toList(),
                raised.toString());
    }

    /** Twenty failures, four a workday, in the new district's third week and the same in an established one. */
    private List<JsonNode> earlyOutbreaks(TopologySettings settings) {
        start("pooled-weekly-too-new", settings);
        LocalDate monday = LocalDate.of(2024, 6, 3);
        List<FlourSampling.Report> reports = new ArrayList<>(FlourSampling.background(LocalDate.of(2024, 6, 20), null));
        reports.addAll(weekOfFailures("EARLY", NEW_DISTRICT, monday, 4, 3));
        reports.addAll(weekOfFailures("OLD", "120111", monday, 4, 3));
        FlourSampling.publishInArrivalOrder(sampling, reports);
        return weeklyAlerts();
    }

    @Test
    void lateFailuresRaiseTheWeekLateAndCorrectionsWithdrawIt() {
        start("pooled-weekly-late", WEEKLY_POOLED);
        LocalDate monday = LocalDate.of(2024, 6, 24);
        List<FlourSampling.Report> reports = new ArrayList<>(FlourSampling.background(LocalDate.of(2024, 7, 25), null));
        // The week's ten failures in an established district reach the system in one upload two weeks after the
        // Monday, after the week closed; four days later the lab corrects all of them to 合格 (same sampleId, new
        // content) — the week's first days are then beyond the re-judgement horizon, its last ones within it.
        List<FlourSampling.Report> late = new ArrayList<>();
        List<FlourSampling.Report> corrections = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            late.addAll(FlourSampling.outbreak("LATE-" + day, "120111", monday.plusDays(day), 2, 14 - day));
            for (int i = 1; i <= 2; i++) {
                corrections.add(FlourSampling.result("LATE-" + day + "-" + i, "120111", monday.plusDays(day), false,
                        18 - day));
            }
        }
        ZonedDateTime uploaded = late.get(0).reportedAt();
        ZonedDateTime corrected = corrections.get(0).reportedAt();
        reports.addAll(late);
        reports.addAll(corrections);
        FlourSampling.publishInArrivalOrder(sampling, reports.stream().filter(r -> r.reportedAt().isBefore(uploaded)).toList());
        assertEquals(List.of(), weeklyAlerts(), "an ordinary week");

        FlourSampling.publishInArrivalOrder(sampling, reports.stream()
                .filter(r -> !r.reportedAt().isBefore(uploaded) && r.reportedAt().isBefore(corrected)).toList());
        List<JsonNode> raised = weeklyAlerts();
        assertEquals(1, raised.size(), raised.toString());
        assertEquals("补判", raised.get(0).path("judgement").path("state").asText(), raised.get(0).toString());
        assertEquals("120111", raised.get(0).path("districtCode").asText());
        assertTrue(raised.get(0).path("detector").path("observed").asInt() >= 10, raised.get(0).toString());

        FlourSampling.publishInArrivalOrder(sampling, reports.stream().filter(r -> !r.reportedAt().isBefore(corrected)).toList());
        List<JsonNode> withdrawn = weeklyAlerts();
        assertEquals(1, withdrawn.size(), withdrawn.toString());
        assertEquals(raised.get(0).path("alertId").asText(), withdrawn.get(0).path("alertId").asText());
        assertEquals("撤回", withdrawn.get(0).path("judgement").path("state").asText(), withdrawn.get(0).toString());
    }

    @Test
    void theStageIsWiredForWeeksAloneAndTheWeeklyFarringtonStops() {
        String described = FoodRiskTopology.build(WEEKLY_POOLED, PlanCatalog.bundled()).describe().toString();
        assertTrue(described.contains("detect-pooled-count-aberrations")
                && described.contains("signals-by-city-category-repartition"), described);
    }

    @Test
    void badWeeklyPooledOptionsAreRefusedWhenTheServiceStarts() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                new CountAberrationSettings("ears-c2", CountAberrationSettings.DEFAULT_COUNT_METHOD_OPTIONS, 28, 3,
                        "comparable-days", CountAberrationSettings.POOLED_METHOD, Map.of("windw", "52"),
                        CountAberrationSettings.DEFAULT_COUNT_ALERT_BUDGET));
        assertTrue(refused.getMessage().contains("windw"), refused.getMessage());
    }
}
