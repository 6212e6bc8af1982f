package org.foodrisk.disposal;

import org.foodrisk.alert.AlertBounds;

/**
 * How large a case may grow (as {@link AlertBounds} for alerts): texts copied from the sampling result
 * are cut to {@link #MAX_TEXT_CHARS}, findings to {@link #MAX_FINDINGS} lines of
 * {@link AlertBounds#MAX_EVIDENCE_SUMMARY_CHARS}, and the action log keeps the latest
 * {@link AlertBounds#MAX_ACTIONS} actions within {@link AlertBounds#MAX_ACTION_LOG_BYTES}. Actions' own
 * fields are bounded by the schema of foodrisk.disposal-actions.v1 (note 2,000, unit 256, by 128
 * characters, at most 6 measures). Worst case ≈ 160 KiB + 20 × 160 × 6 + 15 × 256 × 6 bytes ≈ 202 KiB,
 * well under the 1 MiB the cases topic and its changelog take.
 */
public final class CaseBounds {

    public static final int MAX_TEXT_CHARS = 256;
    public static final int MAX_FINDINGS = 20;
    public static final int MAX_NOTE_CHARS = AlertBounds.MAX_NOTE_CHARS;

    private CaseBounds() {
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }

    static String cut(String text) {
        return cut(text, MAX_TEXT_CHARS);
    }
}
