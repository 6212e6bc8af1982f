package org.foodrisk.encode;

/**
 * Text from outside written into CommonMark / GitHub-flavoured markdown (the 会商 summary).
 *
 * <p>{@link #inline} keeps a field on its line and inert: line breaks and other control characters
 * become one space (so the text never starts a line: no heading, list item, quote or table row of
 * its own), and every ASCII character that is active inside a line is backslash-escaped —
 * {@code \ ` * _ [ ] < > | ~ &} (emphasis, code, links and images, HTML and autolinks, table cells,
 * strikethrough, entity references). Characters that act only at the start of a line
 * ({@code # - + = . )} and {@code !}, which needs a following {@code [}) are escaped only if the
 * text itself starts with them, so ordinary text — Chinese punctuation, "2.3μg/kg",
 * "DEMO-S1-20261123-01", a Weibo "#话题#" — reads as it was written.
 */
public final class Markdown {

    private static final String ACTIVE = "\\`*_[]<>|~&";

    private Markdown() {
    }

    /** {@code text} as literal inline markdown, safe in running text and in a table cell; null → "". */
    public static String inline(String text) {
        if (text == null) {
            return "";
        }
        String flat = Controls.collapse(text);
        StringBuilder out = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (ACTIVE.indexOf(c) >= 0 || i == 0 && "#-+=>!".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        // "12. x" or "3) x" at the very start would make an ordered list where the field starts a line.
        int digits = 0;
        while (digits < flat.length() && digits < 9 && flat.charAt(digits) >= '0' && flat.charAt(digits) <= '9') {
            digits++;
        }
        if (digits > 0 && digits < flat.length() && (flat.charAt(digits) == '.' || flat.charAt(digits) == ')')) {
            out.insert(digits, '\\');
        }
        return out.toString();
    }
}
