package org.foodrisk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.foodrisk.topics.Rfc3339;
import org.junit.jupiter.api.Test;

class IsoTimesTest {

    /** What the ISO parser says: the time, or the refusal's text. */
    private static String iso(String text) {
        try {
            return OffsetDateTime.parse(text).toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    private static String ours(String text) {
        try {
            return IsoTimes.parse(text).toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    @Test
    void theCommonShapeTakesTheFastPath() {
        for (String text : List.of("2024-04-01T10:00:00+08:00", "2024-04-01T10:00:00Z", "2024-04-01T10:00:00.5-05:30",
                "2024-02-29T23:59:59.123456789+18:00", "0001-01-01T00:00:00-18:00")) {
            assertNotNull(Rfc3339.parseStrict(text), text);
            assertEquals(OffsetDateTime.parse(text), IsoTimes.parse(text), text);
        }
        for (String text : List.of("2024-04-01T10:00+08:00", "2024-04-01t10:00:00z", "2023-02-29T10:00:00+08:00",
                "2024-04-01T24:00:00Z", "2024-04-01T10:00:00+18:01", "2024-04-01T10:00:00+19:00", "2024-04-01T10:00:00.1234567890Z", "0000-01-01T00:00:00Z")) {
            assertNull(Rfc3339.parseStrict(text), text + ": left to the ISO parser");
        }
    }

    @Test
    void everyTextGivesWhatTheIsoParserGives() {
        SplittableRandom random = new SplittableRandom(18);
        String[] offsets = {"Z", "z", "+08:00", "+19:00", "+23:59", "-05:30", "+18:00", "-18:00", "+18:01", "+05:60", "+0800", "+08", "+08:00:00",
            "-00:00", ""};
        String[] fractions = {"", ".", ".5", ".123", ".123456789", ".1234567890", ".12a"};
        for (int i = 0; i < 200_000; i++) {
            String date = String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33));
            String time = String.format("%02d:%02d:%02d", random.nextInt(26), random.nextInt(62), random.nextInt(62));
            StringBuilder text = new StringBuilder(date).append(random.nextInt(20) == 0 ? 't' : 'T').append(time)
                    .append(fractions[random.nextInt(fractions.length)]).append(offsets[random.nextInt(offsets.length)]);
            if (random.nextInt(10) == 0) {
                // a character replaced: a letter for a digit, a space, a fullwidth digit, a missing separator
                int at = random.nextInt(text.length());
                text.setCharAt(at, "x 5０:-".charAt(random.nextInt(6)));
            }
            String candidate = text.toString();
            assertEquals(iso(candidate), ours(candidate), candidate);
        }
    }
}
