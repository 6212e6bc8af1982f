package org.foodrisk.topology;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Keys of day buckets: {@code <prefix>|<yyyy-MM-dd>}. ISO dates sort as text, so the days of one
 * prefix form one contiguous key range that a store can scan.
 */
final class DayKeys {

    private DayKeys() {
    }

    static LocalDate day(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toLocalDate();
    }

    static String key(String prefix, LocalDate day) {
        return prefix + "|" + day;
    }

    static LocalDate dayOf(String key) {
        return LocalDate.parse(key.substring(key.lastIndexOf('|') + 1));
    }
}
