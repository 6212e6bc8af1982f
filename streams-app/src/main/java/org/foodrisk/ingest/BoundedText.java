package org.foodrisk.ingest;

import java.util.regex.Pattern;

/**
 * Shortens a text to a bound the contract sets (a dead letter's reason may have 2,000
 * characters). Hostile records produce unbounded explanations — 20,000 wrong array elements make
 * 20,000 schema messages — and a dead letter larger than its topic accepts would stop the stream
 * on that record forever, so every refusal is bounded where it is made.
 */
public final class BoundedText {

    private BoundedText() {
    }

    /**
     * The text itself when it has at most {@code maxChars} characters; otherwise its beginning,
     * cut after the last whole "; "-separated message that fits when there is one, and a note of
     * how much was left out. Never splits a surrogate pair.
     */
    public static String bounded(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int room = maxChars - 40; // for the note
        int cut = text.lastIndexOf("; ", room);
        if (cut < room / 2) {
            cut = Character.isHighSurrogate(text.charAt(room - 1)) ? room - 1 : room;
        }
        return text.substring(0, cut) + " … (" + (text.length() - cut) + " more characters)";
    }

    /**
     * The text itself when it has at most {@code maxChars} characters; otherwise its first
     * {@code maxChars - 1} and "…". For short display texts (a line-list entry, a headline) where a
     * note of what was cut would take the room of the text. Never splits a surrogate pair.
     */
    public static String abbreviated(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int cut = maxChars - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }

    /**
     * A list joined by {@code separator} kept to its first {@code maxItems} entries, each abbreviated
     * to {@code maxItemChars}, with "等N项" for the entries left out. For item lists that detectors
     * still read entry by entry (a substance name stays whole unless the entry itself is longer than
     * {@code maxItemChars}), where cutting the joined text would cut an entry in half.
     */
    public static String list(String joined, String separator, int maxItems, int maxItemChars) {
        if (joined == null) {
            return null;
        }
        String[] items = joined.split(Pattern.quote(separator), -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(items.length, maxItems); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(abbreviated(items[i], maxItemChars));
        }
        if (items.length > maxItems) {
            out.append("等").append(items.length).append("项");
        }
        return out.toString();
    }
}
