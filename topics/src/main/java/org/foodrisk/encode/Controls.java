package org.foodrisk.encode;

/** Line breaks and other control characters, collapsed: each run becomes one space. */
final class Controls {

    private Controls() {
    }

    static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL // C0, DEL, C1 (CR, LF, TAB, NEL …)
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E' // bidi overrides
                || c >= '\u2066' && c <= '\u2069';
    }

    static String collapse(String text) {
        StringBuilder out = null;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (!inRun) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                if (out != null) {
                    out.append(c);
                }
                inRun = false;
            }
        }
        return out == null ? text : out.toString();
    }
}
