package org.foodrisk.connect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.DateTimeException;

/** Dates and times as labs write them, turned into ISO-8601 with an offset (+08:00 by default). */
final class Dates {

    private static final Pattern YMD = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})日?(?:\\s*T?\\s*(\\d{1,2})[:：时](\\d{2})(?:[:：分](\\d{2}))?)?");
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");

    private Dates() {
    }

    /**
     * The first date(-time) in the text, at the given offset when the text has none:
     * {@code 2024-05-06T09:30:00+08:00}, {@code 2024-05-06 09:30}, {@code 2024/5/6},
     * {@code 2024年5月6日}, {@code 2024.05.06}, {@code 20240506} (also inside a batch code such as
     * {@code 2024/03/01 批号A1}).
     */
    static Optional<OffsetDateTime> parse(String text, ZoneOffset offset) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(s));
        } catch (DateTimeParseException notWithOffset) {
            // fall through
        }
        try {
            return Optional.of(LocalDateTime.parse(s).atOffset(offset));
        } catch (DateTimeParseException notLocal) {
            // fall through
        }
        try {
            Matcher m = YMD.matcher(s);
            if (m.find()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                LocalDateTime t = m.group(4) == null ? d.atStartOfDay()
                        : d.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                return Optional.of(t.atOffset(offset));
            }
            Matcher c = COMPACT.matcher(s);
            if (c.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)),
                        Integer.parseInt(c.group(3))).atStartOfDay().atOffset(offset));
            }
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static String format(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
