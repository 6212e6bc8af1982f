package org.foodrisk.encode;

/**
 * A CSV cell a spreadsheet will open (RFC 4180 quoting plus formula neutralising, OWASP "CSV
 * injection"): text from outside starting with {@code = + - @}, a tab or a carriage return would be
 * read by Excel / LibreOffice / WPS as a formula ({@code =HYPERLINK(…)}, {@code =cmd|…}), so it is
 * prefixed with {@code '}, which they show as text; then a cell holding {@code , " CR LF} (or a
 * leading or trailing space) is quoted, its {@code "} doubled.
 */
public final class Csv {

    private Csv() {
    }

    /** The cell, neutralised and quoted as needed; null → "" (an empty cell). */
    public static String cell(String text) {
        return quote(neutralise(text));
    }

    /** Only the formula neutralising, for a writer (e.g. commons-csv) that quotes by itself. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private static String quote(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || !text.isEmpty() && (text.charAt(0) == ' ' || text.endsWith(" "));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
