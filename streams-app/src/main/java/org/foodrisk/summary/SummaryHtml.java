package org.foodrisk.summary;

import org.foodrisk.encode.Html;

import java.util.ArrayList;
import java.util.List;

/**
 * A printable page of a summary: the markdown, rendered simply (headings, lists, tables, bold)
 * on A4-friendly CSS. Only the subset {@link RiskSummaryBuilder} writes is recognised, and only at
 * the places it writes it; all text is HTML-escaped ({@link Html#text}) and the markdown's backslash
 * escapes ({@code \|}, {@code \*}, {@code \[} … of {@link org.foodrisk.encode.Markdown#inline}) are
 * resolved to the literal character — so text from outside is text on the page, never markup
 * (issue 14).
 */
public final class SummaryHtml {

    private SummaryHtml() {
    }

    public static String render(RiskSummary summary) {
        return render(summary.districtName() + " " + summary.period(), summary.markdown());
    }

    /** Any summary's markdown (a district's, the city's) as a printable page titled {@code title} 会商摘要. */
    public static String render(String title, String markdown) {
        StringBuilder body = new StringBuilder();
        boolean inTable = false;
        boolean inList = false;
        for (String raw : markdown.split("\n")) {
            String line = inline(raw);
            if (raw.startsWith("|")) {
                if (raw.matches("\\|[-:| ]+\\|")) {
                    continue;
                }
                if (!inTable) {
                    body.append("<table>");
                    inTable = true;
                }
                body.append("<tr>");
                for (String cell : cells(raw)) {
                    body.append("<td>").append(inline(cell.strip())).append("</td>");
                }
                body.append("</tr>\n");
                continue;
            }
            if (inTable) {
                body.append("</table>\n");
                inTable = false;
            }
            boolean item = raw.matches("\\s*(-|\\d+\\.) .*");
            if (item && !inList) {
                body.append("<ul>");
                inList = true;
            } else if (!item && inList) {
                body.append("</ul>\n");
                inList = false;
            }
            if (raw.startsWith("# ")) {
                body.append("<h1>").append(line.substring(2)).append("</h1>\n");
            } else if (raw.startsWith("## ")) {
                body.append("<h2>").append(line.substring(3)).append("</h2>\n");
            } else if (raw.startsWith("### ")) {
                body.append("<h3>").append(line.substring(4)).append("</h3>\n");
            } else if (item) {
                body.append("<li").append(raw.startsWith(" ") ? " class=\"sub\"" : "").append(">")
                        .append(line.replaceFirst("^\\s*(-|\\d+\\.) ", "")).append("</li>\n");
            } else if (!raw.isBlank()) {
                body.append("<p>").append(line).append("</p>\n");
            }
        }
        if (inTable) {
            body.append("</table>\n");
        }
        if (inList) {
            body.append("</ul>\n");
        }
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
                + Html.text(title) + " 会商摘要</title><style>"
                + "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:190mm;margin:auto;line-height:1.6}"
                + "table{border-collapse:collapse;margin:8px 0}td{border:1px solid #999;padding:2px 8px}"
                + "li.sub{margin-left:2em;font-size:.92em}@media print{body{margin:10mm}}</style></head><body>\n"
                + body + "</body></html>\n";
    }

    /** A table row's cells: split at every {@code |} that is not backslash-escaped. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length()) {
                cell.append(c).append(row.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() && !cell.toString().isBlank()) {
            cells.add(cell.toString());
        }
        return cells;
    }

    /**
     * One line of markdown text as HTML: {@code **…**} pairs (not escaped) become {@code <strong>},
     * a backslash before ASCII punctuation gives that character, everything else is escaped text.
     */
    static String inline(String text) {
        List<Integer> stars = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\' && i + 1 < text.length() && punctuation(text.charAt(i + 1))) {
                i++;
            } else if (text.startsWith("**", i)) {
                stars.add(i);
                i++;
            }
        }
        int pairs = stars.size() / 2 * 2;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int star = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && punctuation(text.charAt(i + 1))) {
                out.append(Html.text(String.valueOf(text.charAt(++i))));
            } else if (star < pairs && stars.get(star) == i) {
                out.append(star % 2 == 0 ? "<strong>" : "</strong>");
                star++;
                i++;
            } else {
                out.append(Html.text(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    private static boolean punctuation(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }
}
