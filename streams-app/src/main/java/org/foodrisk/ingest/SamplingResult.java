package org.foodrisk.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A lab test result on foodrisk.sampling-results.v1, after normalization. The last four fields are optional
 * contract additions for 抽检信息公开 (the label's producer, 规格型号, 生产日期, 批号): no detector reads them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SamplingResult(
        String sampleId,
        String program,
        String agency,
        String lab,
        String labCode,
        String districtCode,
        String districtName,
        String town,
        String stage,
        Enterprise enterprise,
        String foodCategory,
        String foodSubcategory,
        String foodName,
        OffsetDateTime sampledAt,
        OffsetDateTime reportedAt,
        String verdict,
        List<TestItem> items,
        LabelledManufacturer labelledManufacturer,
        String specification,
        String productionDate,
        String batchNo) {

    public boolean failed() {
        return "不合格".equals(verdict);
    }

    /** Whether the result is of {@code district}, given as a code or a name (the contract allows either). */
    public boolean isOf(String district) {
        return district.equals(districtCode) || district.equals(districtName);
    }

    public List<TestItem> failedItems() {
        if (items == null) {
            return List.of();
        }
        List<TestItem> failing = items.stream().filter(i -> Boolean.FALSE.equals(i.pass())).toList();
        // A 不合格 verdict whose items do not say which failed: all listed items are the reason.
        return failing.isEmpty() && failed() ? items : failing;
    }

    /** 标称生产企业: the producer the label names (not the sampled business). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LabelledManufacturer(String name, String address) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TestItem(String item, String hazardClass, String result, String unit, String limit,
                           String limitType, String standard, Boolean pass) {
    }
}
