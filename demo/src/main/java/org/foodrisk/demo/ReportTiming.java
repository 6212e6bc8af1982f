package org.foodrisk.demo;

import org.foodrisk.reference.HolidayCalendar;
import org.foodrisk.reference.HolidayCalendar.DayType;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * When a report of an event is issued, and so when its record arrives: real data comes late, and
 * the demo traffic is published in arrival order so that the service meets it late too.
 *
 * <ul>
 *   <li>实验室检验 (every program but 快检): the report comes 2–10 days after sampling — the sample
 *       travels to the lab, is tested, and the report is checked and signed; well inside the 20
 *       工作日 from receipt of the sample that the 食品安全抽样检验管理办法 allows. Labs issue reports
 *       in office hours (09:00–17:00) on working days: a report due on a 法定节假日 waits for the
 *       next working day, one due on a weekend mostly does too (a lab on weekend duty issues a
 *       tenth of them), and a weekend made a working day (调休上班) is a working day.</li>
 *   <li>快检 (rapid tests at a market's 快检室 or from a 快检车): the result is read on the spot and
 *       posted the same day, 30 minutes to 2½ hours after sampling — by 20:00 at the latest, as
 *       sampling ends at 17:30. Markets test every day, holidays included.</li>
 *   <li>Illness cases: the patient sees a doctor and the hospital files the case hours to three
 *       days after onset, between 08:00 and 21:00 (a case that would be filed at night is filed
 *       the next morning). Hospitals work weekends and holidays, so those days report too.</li>
 * </ul>
 * Complaints and opinion signals arrive when they happen: a complaint is received, a post
 * published, at its event time.
 *
 * <p>Every time is a function of draws the generator makes in a fixed order, so it stays
 * deterministic for a seed.
 */
final class ReportTiming {

    /** The share of lab reports due on a rest day that a lab on weekend duty issues that day. */
    static final double REST_DAY_DUTY = 0.1;

    private static final HolidayCalendar CALENDAR = HolidayCalendar.china();
    private static final LocalTime LAB_OPENS = LocalTime.of(9, 0);

    private ReportTiming() {
    }

    /**
     * A lab report: {@code daysAfter} (2–10) days after sampling, {@code minuteOfDay} (0–479)
     * minutes after the lab opens, on a working day — {@code duty} decides, for each rest day the
     * report would fall on, whether a lab on weekend duty issues it.
     */
    static ZonedDateTime labReport(ZonedDateTime sampledAt, int daysAfter, int minuteOfDay, SplittableRandom duty) {
        LocalDate day = issuingDay(sampledAt.toLocalDate().plusDays(daysAfter), duty);
        return day.atTime(LAB_OPENS.plusMinutes(minuteOfDay)).atZone(sampledAt.getZone());
    }

    /** A 快检 result: {@code draw} (0–199) spread over 30–149 minutes after sampling. */
    static ZonedDateTime rapidTest(ZonedDateTime sampledAt, int draw) {
        return sampledAt.plusMinutes(30 + draw * 120L / 200);
    }

    /** A hospital's case report at {@code due}, or the next morning (08:00–10:59) when that is at night. */
    static ZonedDateTime hospitalReport(ZonedDateTime due, SplittableRandom rnd) {
        if (due.getHour() < 8) {
            return due.withHour(8 + rnd.nextInt(3));
        }
        if (due.getHour() >= 21) {
            return due.plusDays(1).withHour(8 + rnd.nextInt(3));
        }
        return due;
    }

    /** {@code due}, or the first day from it on which a lab issues reports. */
    static LocalDate issuingDay(LocalDate due, SplittableRandom duty) {
        LocalDate day = due;
        while (true) {
            DayType type = CALENDAR.dayType(day);
            if (type == DayType.WORKDAY || type == DayType.REST_DAY && duty.nextDouble() < REST_DAY_DUTY) {
                return day;
            }
            day = day.plusDays(1);
        }
    }
}
