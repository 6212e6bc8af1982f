package org.foodrisk.detect;

import java.util.Optional;

/**
 * The identity of a count-aberration risk, as its alert's {@code dedupKey}:
 * {@code <kind>|<district>|<category>} or {@code <kind>|<district>|症候群:<syndrome>} for an illness
 * syndrome's series, with {@code |周} for the weekly judgement of the same series. Built and read here
 * only: the alert carries the syndrome it was judged on ({@code Alert#syndrome}), so that no reader —
 * the dashboard's chart least of all — takes the key apart.
 */
public final class CountSeriesKey {

    private static final String SYNDROME = "症候群:";
    private static final String WEEKLY = "|周";

    private CountSeriesKey() {
    }

    /** @param series the food category, or the syndrome when {@code bySyndrome} */
    public static String of(String kind, String districtCode, String series, boolean bySyndrome, boolean weekly) {
        return String.join("|", kind, districtCode, bySyndrome ? SYNDROME + series : series) + (weekly ? WEEKLY : "");
    }

    /** The syndrome of a per-syndrome series' key; empty for any other key. */
    public static Optional<String> syndromeOf(String dedupKey) {
        if (dedupKey == null) {
            return Optional.empty();
        }
        for (String part : dedupKey.split("\\|")) {
            if (part.startsWith(SYNDROME) && part.length() > SYNDROME.length()) {
                return Optional.of(part.substring(SYNDROME.length()));
            }
        }
        return Optional.empty();
    }
}
