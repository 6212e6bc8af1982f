package org.foodrisk.benchmark.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.kafka.Json;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.List;

/** What the planted records share: times written as the contract wants them, and when reports are issued. */
final class PlantRecords {

    private static final LocalTime LAB_OPENS = LocalTime.of(9, 0);

    private PlantRecords() {
    }

    static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    /** ISO-8601 with the offset, e.g. 2025-02-10T09:30:00+08:00, as every producer of the demo writes it. */
    static String iso(ZonedDateTime time) {
        return time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static DemoRecord record(String topic, String id, ObjectNode value, ZonedDateTime eventTime, ZonedDateTime arrival) {
        return new DemoRecord(topic, id, value.toString(), eventTime.toInstant(), arrival.toInstant());
    }

    /**
     * A lab report {@code daysAfter} days after sampling, in office hours, on the first working day
     * from then: labs do not issue reports on rest days or 法定节假日 (the demo's labs issue a tenth of
     * them on weekend duty; the planted ones never do, which only makes them later).
     */
    static ZonedDateTime labReport(ZonedDateTime sampledAt, int daysAfter, SplittableRandom random) {
        LocalDate day = sampledAt.toLocalDate().plusDays(daysAfter);
        while (!Period.isWorkday(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(LAB_OPENS.plusMinutes(random.nextInt(8 * 60))).atZone(sampledAt.getZone());
    }

    /** A hospital's case report at {@code due}, or the next morning (08:00–10:59) when that is at night. */
    static ZonedDateTime hospitalReport(ZonedDateTime due, SplittableRandom random) {
        if (due.getHour() < 8) {
            return due.withHour(8 + random.nextInt(3));
        }
        if (due.getHour() >= 21) {
            return due.plusDays(1).withHour(8 + random.nextInt(3));
        }
        return due;
    }

    /** A complaint received (and so arriving) at {@code at}, about 身体不适, its district and food only in its text. */
    static ObjectNode complaint(String id, String channel, ZonedDateTime at, String text) {
        ObjectNode value = object();
        value.put("complaintId", id);
        value.put("channel", channel);
        value.put("receivedAt", iso(at));
        value.put("issueType", "身体不适");
        value.put("text", text);
        return value;
    }

    static <T> T pick(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
