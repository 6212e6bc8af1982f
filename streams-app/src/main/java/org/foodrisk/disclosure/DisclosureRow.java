package org.foodrisk.disclosure;

import java.time.OffsetDateTime;

/**
 * One result as 抽检信息公开 lists it. Texts are as the record wrote them; null where the record has nothing
 * (the column stays empty and {@link SamplingDisclosure#lacking()} counts it).
 *
 * @param failedItems     不合格 only: each failed item as 项目‖检验结果‖标准值, joined by "；"
 * @param disposal        不合格 only: the 核查处置 of the result as the case stands, or that there is none
 */
public record DisclosureRow(
        String sampleId,
        String verdict,
        String manufacturerName,
        String manufacturerAddress,
        String sampledUnit,
        String sampledUnitLocation,
        String foodName,
        String specification,
        String productionDateOrBatch,
        String failedItems,
        String category,
        String program,
        String lab,
        OffsetDateTime sampledAt,
        OffsetDateTime reportedAt,
        String disposal) {

    public boolean failed() {
        return "不合格".equals(verdict);
    }
}
