package org.foodrisk.encode;

/**
 * Text from outside written into a 企业微信 or 钉钉 group-robot markdown message. Neither robot
 * documents backslash escapes (not verified against the live clients), so the characters they
 * interpret become their full-width forms, which read naturally in Chinese text
 * and which neither interprets: {@code [ ] ( )} (links, images), {@code * _ ~ `} (bold, italic,
 * strikethrough, code), {@code < >} ({@code <font>}, {@code <@userid>} mentions, HTML, quotes),
 * {@code # |} (headings, tables), {@code !}. Line breaks and control characters become a space, so a
 * field stays on its {@code > 标签：值} line and cannot start a heading, list or quote.
 */
public final class ChatMarkdown {

    private static final String ACTIVE = "[]()*_~`<>#|!\\";
    private static final String FULL_WIDTH = "［］（）＊＿～｀＜＞＃｜！＼";

    private ChatMarkdown() {
    }

    /** {@code text} as literal chat-markdown text on one line; null → "". */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        String flat = Controls.collapse(text);
        StringBuilder out = new StringBuilder(flat.length());
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            int k = ACTIVE.indexOf(c);
            out.append(k >= 0 ? FULL_WIDTH.charAt(k) : c);
        }
        // "- x", "+ x", "1. x" and "> x" act only at a line's start, which a field never is; a leading
        // one is still made inert in case a caller puts the field first.
        if (out.length() > 0 && (out.charAt(0) == '-' || out.charAt(0) == '+' || out.charAt(0) == '=')) {
            out.setCharAt(0, out.charAt(0) == '-' ? '－' : out.charAt(0) == '+' ? '＋' : '＝');
        }
        return out.toString();
    }
}
