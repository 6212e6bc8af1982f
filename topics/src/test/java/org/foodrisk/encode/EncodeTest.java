package org.foodrisk.encode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The payloads of issue 14 through each output format's encoder. */
class EncodeTest {

    private static final String HEADING = "投诉\n## 伪造标题";
    private static final String ROW = "| 伪造 | 表格 |";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String LINK = "[链接](http://evil)";

    @Test
    void markdownKeepsOutsideTextOnItsLineAndInert() {
        assertEquals("投诉 ## 伪造标题", Markdown.inline(HEADING));
        assertEquals("投诉 ## 伪造标题", Markdown.inline("投诉\r\n\r\n## 伪造标题"));
        assertEquals("\\| 伪造 \\| 表格 \\|", Markdown.inline(ROW));
        assertEquals("\\<script\\>alert(1)\\</script\\>", Markdown.inline(SCRIPT));
        assertEquals("\\[链接\\](http://evil)", Markdown.inline(LINK));
        assertEquals("\\*\\*粗\\*\\* \\_斜\\_ \\`码\\` \\~\\~删\\~\\~ \\\\ A\\&amp;B", Markdown.inline("**粗** _斜_ `码` ~~删~~ \\ A&amp;B"));
        assertEquals("\\## 标题", Markdown.inline("## 标题"));
        assertEquals("\\- 项", Markdown.inline("- 项"));
        assertEquals("\\> 引用", Markdown.inline("> 引用"));
        assertEquals("12\\. 项", Markdown.inline("12. 项"));
        assertEquals("", Markdown.inline(null));
    }

    @Test
    void markdownLeavesOrdinaryTextAlone() {
        for (String plain : new String[] {"武清区猪肉检出禁用兽药（克伦特罗）", "猪肉 克伦特罗 2.3μg/kg（限量：不得检出）",
                "DEMO-S1-20261123-01", "微博 阅读780000 紧急扩散！#武清韭菜#", "区市场监管局、公安武清分局", "2024-05-06"}) {
            assertEquals(plain, Markdown.inline(plain));
        }
    }

    @Test
    void htmlEscapesTheFiveCharacters() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.text(SCRIPT));
        assertEquals("&lt;img src=x onerror=&quot;a&#39;b&#39;&quot;&gt; &amp;amp;", Html.text("<img src=x onerror=\"a'b'\"> &amp;"));
        assertEquals("", Html.text(null));
    }

    @Test
    void chatMarkdownUsesFullWidthFormsAndOneLine() {
        String name = ChatMarkdown.text("某超市 [点我](http://evil) <font color=\"info\">**假**</font> <@all>\n### 伪造\n> 引");
        assertFalse(name.contains("\n"));
        for (char c : "[]()<>*#".toCharArray()) {
            assertFalse(name.indexOf(c) >= 0, c + " in " + name);
        }
        assertEquals("某超市 ［点我］（http://evil） ＜font color=\"info\"＞＊＊假＊＊＜/font＞ ＜@all＞ ＃＃＃ 伪造 ＞ 引", name);
        assertEquals("武清区杨村惠丰农贸市场23号摊位（张某某）", ChatMarkdown.text("武清区杨村惠丰农贸市场23号摊位（张某某）"));
        assertEquals("－ 项", ChatMarkdown.text("- 项"));
    }

    @Test
    void csvNeutralisesFormulasAndQuotes() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\"", Csv.cell("=HYPERLINK(\"http://evil\",\"点我\")"));
        assertEquals("'=HYPERLINK(\"http://evil\")", Csv.neutralise("=HYPERLINK(\"http://evil\")"));
        for (String formula : new String[] {"+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertTrue(Csv.cell(formula).replace("\"", "").startsWith("'"), formula);
        }
        assertEquals("武清区", Csv.cell("武清区"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"第一行\n第二行\"", Csv.cell("第一行\n第二行"));
        assertEquals("", Csv.cell(null));
    }
}
