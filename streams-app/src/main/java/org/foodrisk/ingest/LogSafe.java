package org.foodrisk.ingest;

/**
 * Untrusted text (request paths, action fields, record values) as it may go into a log line: in
 * double quotes, with CR, LF and every other control character escaped, and cut at
 * {@value #MAX_CHARS} characters — so that a value cannot forge log lines of its own (issue 14) nor
 * flood the log.
 */
public final class LogSafe {

    static final int MAX_CHARS = 200;

    private LogSafe() {
    }

    public static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 8).append('"');
        int shown = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    // C0/C1 controls, and the line and paragraph separators some log viewers break at.
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > shown) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.append('"').toString();
    }
}
