package org.foodrisk.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * The 说明 of a disclosure, as lines of cells: what it holds and how it was counted, then each column some
 * rows leave empty. The XLSX writes it as a sheet; the API's JSON preview carries the same facts.
 */
final class DisclosureNotes {

    private static final String[] LACKING_HEADING = {"表", "栏目", "缺少的记录字段", "空缺行数"};

    private DisclosureNotes() {
    }

    static List<String[]> lines(SamplingDisclosure disclosure) {
        DisclosureRequest request = disclosure.request();
        String district = disclosure.districtName() != null ? disclosure.districtName() : request.district();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {district + "食品安全抽检信息公开（" + request.from() + "至" + request.to() + "）"});
        lines.add(new String[] {"统计口径", "检验报告签发日期（reportedAt；无则抽样日期）在本期内的结果，每个抽样单编号取最新版本"});
        lines.add(new String[] {"任务来源", request.programsLabel()});
        lines.add(new String[] {"不合格", disclosure.failed().size() + " 批次"});
        lines.add(new String[] {"合格", disclosure.passed().size() + " 批次"});
        lines.add(new String[] {"公告号", request.announcementNo() == null ? "未填写（发布时由本单位编号）" : request.announcementNo()});
        lines.add(new String[] {"生成时间", disclosure.generatedAt().toString()});
        lines.add(new String[] {"注意", "本表为发布前的草稿，须经审核后发布；空缺栏目为检验记录未提供的字段，未作推断填补"});
        lines.add(new String[] {});
        if (disclosure.lacking().isEmpty()) {
            lines.add(new String[] {"空缺栏目", "无"});
        } else {
            lines.add(LACKING_HEADING);
            for (SamplingDisclosure.Lacking lacking : disclosure.lacking()) {
                lines.add(new String[] {lacking.table(), lacking.heading(),
                        lacking.source() == null ? "（导出参数）" : lacking.source(), lacking.rows() + " / " + lacking.of()});
            }
        }
        return lines;
    }

    /** Whether a line is the heading of the lacking columns' table (bold in the workbook). */
    static boolean isHeading(String[] line) {
        return line == LACKING_HEADING;
    }
}
