package org.foodrisk.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.foodrisk.reference.HolidayCalendar;
import org.foodrisk.reference.HolidayCalendar.DayType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.foodrisk.demo.DemoDataGenerator.TIANJIN;
import static org.foodrisk.demo.DemoDataGenerator.TOPIC_ILLNESS;
import static org.foodrisk.demo.DemoDataGenerator.TOPIC_SAMPLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demo traffic in arrival order: late lab results and illness reports, as they would be published. */
class DemoArrivalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HolidayCalendar CALENDAR = HolidayCalendar.china();
    /** Around 国庆节 2024 (10-01…10-07, 调休上班 on Sunday 09-29 and Saturday 10-12), and 中秋节 (09-15…09-17). */
    private static final LocalDate FROM = LocalDate.of(2024, 9, 9);
    private static final LocalDate TO = LocalDate.of(2024, 10, 21);

    private final DemoDataGenerator generator = new DemoDataGenerator(42, TIANJIN);
    private final List<DemoRecord> arrivals = generator.arrivals(FROM, TO).toList();

    @Test
    void arrivalsAreSortedByArrivalTimeThenTopicThenKey() {
        for (int i = 1; i < arrivals.size(); i++) {
            assertTrue(DemoDataGenerator.ARRIVAL_ORDER.compare(arrivals.get(i - 1), arrivals.get(i)) < 0,
                    "out of order at " + i + ": " + arrivals.get(i - 1).key() + " then " + arrivals.get(i).key());
        }
    }

    @Test
    void arrivalsHoldTheSameRecordsAsTheDaysNothingLostOrDoubled() {
        List<DemoRecord> days = new ArrayList<>();
        for (LocalDate d = FROM; d.isBefore(TO); d = d.plusDays(1)) {
            days.addAll(generator.day(d));
        }
        Set<String> keys = new HashSet<>();
        arrivals.forEach(r -> assertTrue(keys.add(r.topic() + "|" + r.key()), "doubled: " + r.key()));
        assertEquals(days.size(), arrivals.size());
        days.sort(DemoDataGenerator.ARRIVAL_ORDER);
        assertEquals(days, arrivals);
    }

    @Test
    void labResultsArriveDaysAfterSamplingSoTheSequenceIsNotInEventTimeOrder() {
        long late = arrivals.stream().filter(r -> r.topic().equals(TOPIC_SAMPLING))
                .filter(r -> Duration.between(r.eventTime(), r.arrivalTime()).compareTo(Duration.ofDays(2)) >= 0)
                .count();
        assertTrue(late > 1_000, "lab results at least 2 days after sampling: " + late);
        int inversions = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            if (arrivals.get(i).eventTime().isBefore(arrivals.get(i - 1).eventTime())) {
                inversions++;
            }
        }
        assertTrue(inversions > 1_000, "event-time inversions: " + inversions);
        // The range's last lab results still come, after it ends, at the end of the sequence.
        Instant end = TO.atStartOfDay(TIANJIN).toInstant();
        assertTrue(arrivals.get(arrivals.size() - 1).arrivalTime().isAfter(end.plus(Duration.ofDays(3))));
        assertTrue(arrivals.stream().allMatch(r -> r.eventTime().isBefore(end)), "only records of the range");
    }

    @Test
    void arrivalIsReportedAtForLabResultsAndIllnessCasesAndTheEventTimeOtherwise() throws Exception {
        for (DemoRecord r : arrivals) {
            JsonNode n = JSON.readTree(r.json());
            if (r.topic().equals(TOPIC_SAMPLING) || r.topic().equals(TOPIC_ILLNESS)) {
                assertEquals(OffsetDateTime.parse(n.get("reportedAt").asText()).toInstant(), r.arrivalTime(), r.json());
            } else {
                assertFalse(n.has("reportedAt"), r.json());
                assertEquals(r.eventTime(), r.arrivalTime(), r.json());
            }
        }
    }

    /** Labs issue reports on working days in office hours; a tenth of those due on a weekend come on weekend duty. */
    @Test
    void labReportsComeInOfficeHoursOnWorkingDaysNeverOnAHoliday() throws Exception {
        Map<DayType, Integer> reports = new HashMap<>();
        int rapid = 0;
        for (DemoRecord r : arrivals) {
            if (!r.topic().equals(TOPIC_SAMPLING)) {
                continue;
            }
            ZonedDateTime sampled = r.eventTime().atZone(TIANJIN);
            ZonedDateTime reported = r.arrivalTime().atZone(TIANJIN);
            if (JSON.readTree(r.json()).get("program").asText().equals("快检")) {
                rapid++;
                assertEquals(sampled.toLocalDate(), reported.toLocalDate(), "快检 the same day: " + r.json());
                assertTrue(Duration.between(sampled, reported).compareTo(Duration.ofMinutes(30)) >= 0, r.json());
                assertTrue(reported.toLocalTime().isBefore(LocalTime.of(20, 0)), "快检 by 20:00: " + r.json());
                continue;
            }
            DayType type = CALENDAR.dayType(reported.toLocalDate());
            assertNotEquals(DayType.HOLIDAY, type, "no lab report on a 法定节假日: " + r.json());
            assertFalse(reported.toLocalTime().isBefore(LocalTime.of(9, 0)), "office hours: " + r.json());
            assertTrue(reported.toLocalTime().isBefore(LocalTime.of(17, 0)), "office hours: " + r.json());
            long days = Duration.between(sampled.toLocalDate().atStartOfDay(), reported.toLocalDate().atStartOfDay()).toDays();
            assertTrue(days >= 2 && days <= 20, days + " days after sampling: " + r.json());
            reports.merge(type, 1, Integer::sum);
        }
        assertTrue(rapid > 50, "快检 results: " + rapid);
        // Per day: rest days get a small share of a working day's reports.
        Map<DayType, Integer> dayCount = new HashMap<>();
        for (LocalDate d = FROM.plusDays(12); d.isBefore(TO); d = d.plusDays(1)) {
            dayCount.merge(CALENDAR.dayType(d), 1, Integer::sum);
        }
        Map<DayType, Integer> steady = new HashMap<>();
        for (DemoRecord r : arrivals) {
            LocalDate day = r.arrivalTime().atZone(TIANJIN).toLocalDate();
            if (r.topic().equals(TOPIC_SAMPLING) && !day.isBefore(FROM.plusDays(12)) && day.isBefore(TO)
                    && !JSON.readTree(r.json()).get("program").asText().equals("快检")) {
                steady.merge(CALENDAR.dayType(day), 1, Integer::sum);
            }
        }
        double perWorkday = steady.get(DayType.WORKDAY) / (double) dayCount.get(DayType.WORKDAY);
        double perRestDay = steady.getOrDefault(DayType.REST_DAY, 0) / (double) dayCount.get(DayType.REST_DAY);
        assertTrue(perRestDay > 0 && perRestDay < perWorkday / 4, "per workday " + perWorkday + ", per rest day " + perRestDay);
        // 调休上班: Sunday 2024-09-29 and Saturday 2024-10-12 are working days, and labs work them.
        for (LocalDate workingWeekend : List.of(LocalDate.of(2024, 9, 29), LocalDate.of(2024, 10, 12))) {
            long issued = arrivals.stream().filter(r -> r.topic().equals(TOPIC_SAMPLING))
                    .filter(r -> r.arrivalTime().atZone(TIANJIN).toLocalDate().equals(workingWeekend))
                    .filter(r -> !r.eventTime().atZone(TIANJIN).toLocalDate().equals(workingWeekend)).count();
            assertTrue(issued > perWorkday / 3, workingWeekend + ": " + issued);
        }
    }

    @Test
    void illnessCasesAreFiledHoursToDaysAfterOnsetBetweenEightAndNine() {
        for (DemoRecord r : arrivals) {
            if (!r.topic().equals(TOPIC_ILLNESS)) {
                continue;
            }
            Duration delay = Duration.between(r.eventTime(), r.arrivalTime());
            assertTrue(delay.compareTo(Duration.ofHours(3)) >= 0 && delay.compareTo(Duration.ofDays(4)) < 0,
                    delay + ": " + r.json());
            LocalTime filed = r.arrivalTime().atZone(TIANJIN).toLocalTime();
            assertTrue(!filed.isBefore(LocalTime.of(8, 0)) && filed.isBefore(LocalTime.of(21, 0)), filed + ": " + r.json());
        }
    }

    @Test
    void theSameSeedGivesTheSameArrivals() {
        LocalDate from = LocalDate.of(2025, 1, 20);
        LocalDate to = from.plusDays(20);
        assertEquals(generator.arrivals(from, to).toList(),
                new DemoDataGenerator(42, TIANJIN).arrivals(from, to).toList());
        assertNotEquals(generator.arrivals(from, to).toList(),
                new DemoDataGenerator(43, TIANJIN).arrivals(from, to).toList());
    }

    @Test
    void plantedScenariosAreMergedInArrivalOrder() {
        LocalDate planted = LocalDate.of(2024, 5, 8);
        List<DemoRecord> withScenarios = generator.arrivals(planted.minusDays(3), planted.plusDays(3), planted::equals).toList();
        List<DemoRecord> expected = new ArrayList<>(generator.arrivals(planted.minusDays(3), planted.plusDays(3)).toList());
        expected.addAll(generator.scenarios(planted));
        expected.sort(DemoDataGenerator.ARRIVAL_ORDER);
        assertEquals(expected, withScenarios);
        // S2's second sample is reported 6 days after it was taken, after the range ends.
        DemoRecord s2 = withScenarios.stream().filter(r -> r.key().equals(DemoDataGenerator.scenarioId(2, planted, 2)))
                .findFirst().orElseThrow();
        assertEquals(Duration.ofDays(6), Duration.between(s2.eventTime().atZone(TIANJIN).toLocalDate().atStartOfDay(),
                s2.arrivalTime().atZone(TIANJIN).toLocalDate().atStartOfDay()));
    }

    @Test
    void theOpenEndedFeedStartsLikeTheBoundedOne() {
        LocalDate from = LocalDate.of(2024, 5, 1);
        Instant cut = from.plusDays(10).atStartOfDay(TIANJIN).toInstant();
        List<DemoRecord> bounded = generator.arrivals(from, from.plusDays(30)).filter(r -> r.arrivalTime().isBefore(cut))
                .toList();
        ArrivalMerge<DemoRecord> feed = generator.arrivalsFrom(from, date -> false);
        List<DemoRecord> open = new ArrayList<>();
        int maxPending = 0;
        while (feed.peekArrival().isBefore(cut)) {
            open.add(feed.next());
            maxPending = Math.max(maxPending, feed.pendingCount());
        }
        assertEquals(bounded, open);
        // It holds only the records on their way (lab reports of the last two weeks at most), not the whole range.
        assertTrue(maxPending < 2_500, "pending " + maxPending);
    }

    @Test
    void theFourArgumentRecordTakesItsArrivalFromReportedAt() {
        Instant sampled = Instant.parse("2024-05-06T01:00:00Z");
        DemoRecord reported = new DemoRecord(TOPIC_SAMPLING, "X1",
                "{\"sampleId\":\"X1\",\"reportedAt\":\"2024-05-09T10:00:00+08:00\"}", sampled);
        assertEquals(Instant.parse("2024-05-09T02:00:00Z"), reported.arrivalTime());
        DemoRecord complaint = new DemoRecord(DemoDataGenerator.TOPIC_COMPLAINTS, "T1", "{\"complaintId\":\"T1\"}", sampled);
        assertEquals(sampled, complaint.arrivalTime());
        assertThrows(IllegalArgumentException.class, () -> new DemoRecord(TOPIC_SAMPLING, "X2",
                "{\"reportedAt\":\"2024-05-05T10:00:00+08:00\"}", sampled));
    }
}
