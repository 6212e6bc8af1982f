package org.foodrisk.disclosure;

import org.foodrisk.disposal.CaseState;
import org.foodrisk.disposal.DisposalCase;
import org.foodrisk.disposal.DisposalMeasure;
import org.foodrisk.ingest.SamplingResult;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A district's 抽检信息公开 for one period: the 不合格 and the 合格 rows, and what the records lack.
 *
 * @param lacking for each column some rows leave empty, how many and why — the office fills them in or
 *                publishes without them, but nothing here is made up
 */
public record SamplingDisclosure(DisclosureRequest request, String districtName, List<DisclosureRow> failed,
                                 List<DisclosureRow> passed, List<Lacking> lacking, OffsetDateTime generatedAt) {

    /** Rows of one table whose column is empty, because the records do not carry its source field. */
    public record Lacking(String table, String heading, String source, int rows, int of) {
    }

    private static final Comparator<DisclosureRow> PUBLICATION_ORDER = Comparator
            .comparing(DisclosureRow::reportedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DisclosureRow::sampleId);

    public List<DisclosureRow> rows(String table) {
        return DisclosureTables.FAILED.equals(table) ? failed : passed;
    }

    /**
     * The period's disclosure from the latest version of every result the period might hold (more is fine:
     * what is not the district's, not of the programs asked for, or reported outside the period is left out).
     *
     * @param cases the 核查处置 case of a 不合格 result, by sampleId
     * @param zone  the zone whose calendar days the period counts (Tianjin's)
     */
    public static SamplingDisclosure of(DisclosureRequest request, Collection<SamplingResult> results,
                                        Function<String, Optional<DisposalCase>> cases, ZoneId zone,
                                        OffsetDateTime generatedAt) {
        List<DisclosureRow> failed = new ArrayList<>();
        List<DisclosureRow> passed = new ArrayList<>();
        String districtName = null;
        for (SamplingResult result : results) {
            if (!result.isOf(request.district()) || !request.programs().test(result.program())
                    || !reportedWithin(result, request.from(), request.to(), zone)) {
                continue;
            }
            districtName = districtName != null ? districtName : result.districtName();
            if (result.failed()) {
                failed.add(row(result, disposal(cases.apply(result.sampleId()), generatedAt)));
            } else {
                passed.add(row(result, null));
            }
        }
        failed.sort(PUBLICATION_ORDER);
        passed.sort(PUBLICATION_ORDER);
        List<Lacking> lacking = new ArrayList<>(lacking(DisclosureTables.FAILED, failed, request));
        lacking.addAll(lacking(DisclosureTables.PASSED, passed, request));
        return new SamplingDisclosure(request, districtName, List.copyOf(failed), List.copyOf(passed),
                List.copyOf(lacking), generatedAt);
    }


    /** Reported (signed) within the period, by the report's calendar day in {@code zone}. */
    static boolean reportedWithin(SamplingResult result, LocalDate from, LocalDate to, ZoneId zone) {
        OffsetDateTime known = result.reportedAt() != null ? result.reportedAt() : result.sampledAt();
        LocalDate day = known.atZoneSameInstant(zone).toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }

    static DisclosureRow row(SamplingResult result, String disposal) {
        SamplingResult.LabelledManufacturer manufacturer = result.labelledManufacturer();
        return new DisclosureRow(result.sampleId(), result.verdict(),
                manufacturer == null ? null : blankToNull(manufacturer.name()),
                manufacturer == null ? null : blankToNull(manufacturer.address()),
                result.enterprise() == null ? null : blankToNull(result.enterprise().name()),
                joined("", result.districtName(), result.town()),
                result.foodName(), blankToNull(result.specification()),
                joined("/", result.productionDate(), result.batchNo()),
                result.failed() ? failedItems(result) : null,
                result.foodCategory(), result.program(), blankToNull(result.lab()),
                result.sampledAt(), result.reportedAt(), disposal);
    }

    /** 项目‖检验结果‖标准值 of each failed item, as the national notices write it. */
    static String failedItems(SamplingResult result) {
        return result.failedItems().stream()
                .map(item -> item.item() + "‖" + measured(item.result(), item.unit()) + "‖" + standard(item))
                .collect(Collectors.joining("；"));
    }

    /**
     * The standard value: a number with its comparison and unit ("≤0.2mg/kg"); a text limit as written ("不得检出" —
     * labs often put the same words in limitType too: written once); no limit, the limitType alone.
     */
    private static String standard(SamplingResult.TestItem item) {
        if (item.limit() == null || item.limit().isBlank()) {
            return item.limitType() == null || item.limitType().isBlank() ? "—" : item.limitType().strip();
        }
        return isNumber(item.limit()) && item.limitType() != null ? item.limitType().strip() + measured(item.limit(), item.unit())
                : measured(item.limit(), item.unit());
    }

    /** A value with its unit when it is a number ("0.52mg/kg"); a text ("未检出", "不得检出") as it is. */
    private static String measured(String value, String unit) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        return isNumber(value) && unit != null ? value.strip() + unit : value.strip();
    }

    private static boolean isNumber(String value) {
        return value.strip().matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");
    }

    /**
     * How the result's 核查处置 case stands at {@code asOf}; a 不合格 without one says so. An open case past its
     * deadline is 超期 as of the export even before the service's periodic check has marked it.
     */
    static String disposal(Optional<DisposalCase> found, OffsetDateTime asOf) {
        if (found.isEmpty()) {
            return "未见核查处置案件";
        }
        DisposalCase c = found.get();
        StringBuilder text = new StringBuilder(c.state().name());
        if (c.state() == CaseState.已处置 && !c.measures().isEmpty()) {
            text.append("：").append(c.measures().stream().map(DisposalMeasure::name).collect(Collectors.joining("、")));
        }
        boolean late = c.state() == CaseState.已处置 ? !c.disposedInTime()
                : c.overdue() || c.dueBy() != null && c.dueBy().isBefore(asOf);
        if (late) {
            text.append("（超期）");
        }
        if (c.unit() != null) {
            text.append("；").append(c.unit());
        }
        return text.toString();
    }

    private static List<Lacking> lacking(String table, List<DisclosureRow> rows, DisclosureRequest request) {
        List<Lacking> lacking = new ArrayList<>();
        for (DisclosureColumn column : DisclosureTables.columns(table)) {
            int empty = 0;
            for (DisclosureRow row : rows) {
                String value = column.valueOf(row, 0, request);
                if (value == null || value.isBlank()) {
                    empty++;
                }
            }
            if (empty > 0) {
                lacking.add(new Lacking(table, column.heading(), column.source(), empty, rows.size()));
            }
        }
        return lacking;
    }

    private static String joined(String separator, String first, String second) {
        String a = blankToNull(first);
        String b = blankToNull(second);
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        return a + separator + b;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
