package org.foodrisk.topics;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A strict subset of RFC 3339 date-times that JSON Schema's {@code format: date-time} certainly
 * accepts: {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} with ASCII digits, an upper-case
 * {@code T} and {@code Z}, a real calendar date of a year 0001–9999, and seconds 00–59.
 *
 * <p>Everything else is "not certain", not "invalid": a lower-case {@code t}, a leap second
 * (valid only at the end of June or December in UTC), more than nine fraction digits — the
 * schema engine decides those, and words the refusal if there is one.
 */
public final class Rfc3339 {

    /** The longest string accepted here: 19 + 10 (".123456789") + 6 ("+08:00"), within maxLength 64. */
    private static final int MAX_LENGTH = 35;
    private static final int SECONDS_END = "2024-05-06T09:30:00".length();

    private Rfc3339() {
    }

    static boolean isStrictDateTime(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || length > MAX_LENGTH) {
            return false;
        }
        if (!(text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':')) {
            return false;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false; // also when a "digit" was not one (digits() gives -1)
        }
        int i = SECONDS_END;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 9) {
                return false;
            }
        }
        return isOffset(text, i);
    }

    /**
     * The time a strict date-time ({@link #isStrictDateTime}) names, read digit by digit — equal to what
     * {@link OffsetDateTime#parse} gives for it — or null for any other text, and for an offset beyond the ±18:00
     * Java can represent. The intake reads every record's times with this before the general ISO parser (issue 18).
     */
    public static OffsetDateTime parseStrict(String text) {
        if (!isStrictDateTime(text)) {
            return null;
        }
        int i = SECONDS_END;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
            nanos = digits(text, start, i - start);
            for (int scale = i - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        try {
            int sign = text.charAt(i) == '-' ? -1 : 1;
            ZoneOffset offset = text.charAt(i) == 'Z' ? ZoneOffset.UTC
                    : ZoneOffset.ofHoursMinutes(sign * digits(text, i + 1, 2), sign * digits(text, i + 4, 2));
            return OffsetDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2),
                    digits(text, 14, 2), digits(text, 17, 2), nanos, offset);
        } catch (DateTimeException e) {
            return null; // an offset of more than 18 hours
        }
    }

    /** {@code Z} or {@code ±HH:MM} from {@code start} to the end of the text. */
    private static boolean isOffset(String text, int start) {
        int rest = text.length() - start;
        if (rest == 1) {
            return text.charAt(start) == 'Z';
        }
        if (rest != 6) {
            return false;
        }
        char sign = text.charAt(start);
        if ((sign != '+' && sign != '-') || text.charAt(start + 3) != ':') {
            return false;
        }
        int hours = digits(text, start + 1, 2);
        int minutes = digits(text, start + 4, 2);
        return hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59;
    }

    /** The number the ASCII digits at {@code [start, start + count)} spell, or -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Proleptic Gregorian, as java.time (and so the engine) counts. */
    private static boolean isLeapYear(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }
}
