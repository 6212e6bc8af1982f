package org.foodrisk.summary;

import org.foodrisk.reference.Period;
import org.foodrisk.plan.TargetProgress;
import org.foodrisk.alert.Alert;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.alert.AlertUpdater;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Evidence;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.plan.PlanTaskRef;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: headlines, evidence and names from outside cannot forge structure in the 会商 .md or .html. */
class SummaryEncodingTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2024-05-01T09:00:00+08:00");
    private static final LocalDate DAY = LocalDate.of(2024, 4, 24);
    private static final String PAYLOAD = "投诉\n## 伪造标题\n| 伪造 | 表格 |\n<script>alert(1)</script>[链接](http://evil)"
            + "<img src=x onerror=\"alert(2)\">**粗**";

    private static RiskSummary summary() {
        OffsetDateTime start = DAY.atStartOfDay(TIANJIN).toOffsetDateTime();
        Detection detection = Detection.of("complaint.repeat-enterprise", "k|" + PAYLOAD, AlertLevel.YELLOW,
                        SignalType.COMPLAINT)
                .district("120114", "武清区")
                .food("食用农产品" + PAYLOAD, null)
                .window(start, start.plusDays(1))
                .evidence(List.of(new Evidence("complaint", "C-1\n## 伪造", start.plusHours(3), PAYLOAD)))
                .headline("武清区某摊位" + PAYLOAD)
                .build();
        PlanTaskRef task = new PlanTaskRef("t1", "计划", "（十三）", "整治" + PAYLOAD, List.of("区市场监管局" + PAYLOAD),
                List.of("配合单位\n| x |"), "match");
        Alert alert = AlertUpdater.apply(null, detection, List.of(task), NOW).orElseThrow();
        TargetProgress progress = new TargetProgress("t1", "（十一）", "抽检量" + PAYLOAD, "全区\n## x", "<b>局</b>", 100,
                "批次|x", 50, 10, false, "10批次", null);
        return new RiskSummaryBuilder(TIANJIN).build("120114", "武清区", Period.weekOf(DAY), List.of(alert), List.of(progress));
    }

    @Test
    void outsideTextInTheMarkdownIsLiteral() {
        String md = summary().markdown();
        for (String line : md.split("\n")) {
            assertFalse(line.startsWith("## ") && line.contains("伪造"), "forged heading: " + line);
            assertFalse(line.startsWith("|") && line.contains("伪造") && !line.contains("\\| 伪造 \\|"), "forged row: " + line);
            assertFalse(line.startsWith("| 伪造") || line.startsWith("| x"), "forged row: " + line);
        }
        assertFalse(md.contains("[链接](http://evil)"), md);
        String unescaped = md.replace("\\<", "");
        assertFalse(unescaped.contains("<script>"), md);
        assertFalse(unescaped.contains("<img"), md);
        assertFalse(unescaped.contains("<b>"), md);
        assertTrue(md.contains("\\[链接\\](http://evil)"), md);
        assertTrue(md.contains("投诉 ## 伪造标题 \\| 伪造 \\| 表格 \\|"), md);
        // the table rows keep their column count: every escaped | stays inside its cell
        int rows = 0;
        for (String line : md.split("\n")) {
            long pipes = line.replace("\\|", "").chars().filter(c -> c == '|').count();
            if (line.startsWith("| 区市场监管局") || line.startsWith("| 食用农产品")) {
                assertTrue(pipes == 3 || pipes == 7, line);
                rows++;
            } else if (line.startsWith("| （十一）")) {
                assertEquals(7, pipes, line);
                rows++;
            }
        }
        assertEquals(4, rows, md);
    }

    @Test
    void outsideTextInTheHtmlIsText() {
        String html = SummaryHtml.render(summary());
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("<a "), html);
        assertFalse(html.contains("<h2>伪造") || html.contains("<h2> 伪造"), html);
        assertFalse(html.contains("<td>伪造</td>"), html);
        assertFalse(html.contains("\\["), "markdown escapes are resolved in the page: " + html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;[链接](http://evil)"), html);
        assertTrue(html.contains("**粗**"), "escaped emphasis stays literal: " + html);
        assertTrue(html.contains("| 伪造 | 表格 |"), html);
        assertTrue(html.contains("<strong>[黄色] 武清区某摊位投诉 ## 伪造标题"), "the service's own bold still renders: " + html);
    }
}
