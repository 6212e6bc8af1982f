package org.foodrisk.summary;

import org.foodrisk.reference.Period;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicationScheduleTest {

    private final PublicationSchedule schedule = new PublicationSchedule(ZoneId.of("Asia/Shanghai"), Duration.ofHours(8));

    @Test
    void aWeekIsDueOnMondayAtEightInEventTime() {
        // 2024-W19 is Monday 6 May to Sunday 12 May; Monday 13 May 08:00 +08:00 is 00:00Z.
        Period w18 = Period.parse("2024-W18");
        assertEquals(List.of(), schedule.due(true, w18, Instant.parse("2024-05-12T23:59:59Z")));
        assertEquals(List.of(Period.parse("2024-W19")), schedule.due(true, w18, Instant.parse("2024-05-13T00:00:00Z")));
    }

    @Test
    void aMonthIsDueOnTheFirstAtEight() {
        Period april = Period.parse("2024-04");
        assertEquals(List.of(), schedule.due(false, april, Instant.parse("2024-05-31T23:00:00Z")));
        assertEquals(List.of(Period.parse("2024-05")), schedule.due(false, april, Instant.parse("2024-06-01T00:30:00Z")));
    }

    @Test
    void aReplayPublishesEveryPeriodItPasses() {
        List<Period> due = schedule.due(true, Period.parse("2023-W51"), Instant.parse("2024-01-22T01:00:00Z"));
        assertEquals(List.of("2023-W52", "2024-W01", "2024-W02", "2024-W03"), due.stream().map(Period::id).toList());
    }

    @Test
    void atStartOnlyTheLatestClosedPeriodIsPublished() {
        assertEquals(List.of(Period.parse("2024-W19")), schedule.due(true, null, Instant.parse("2024-05-15T00:00:00Z")));
        assertEquals(List.of(Period.parse("2024-04")), schedule.due(false, null, Instant.parse("2024-05-15T00:00:00Z")));
    }
}
