package org.foodrisk.disposal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A 核查处置 case: the follow-up a 不合格 result of 监督抽检 obliges (topic foodrisk.disposal-cases.v1, key
 * caseId = the result's sampleId, so a result published twice is one case). Every change is a new version.
 *
 * @param unit        the unit that must act, as the district's plan writes it ({@link DisposalUnits})
 * @param unitBasis   how that unit was chosen (stage → agency, and whether the plan names it)
 * @param knownAt     when the 不合格 verdict was known: the lab's reportedAt, else sampledAt — the
 *                    deadline counts from here (replaying history gives the same deadlines as live)
 * @param openedAt    when the service opened the case (wall clock)
 * @param dueBy       by when it must be 已处置 ({@link DisposalDeadlines})
 * @param overdue     whether {@code dueBy} passed before it was 已处置 (marked on the wall clock)
 * @param withdrawn   the lab corrected the result to 合格 before anyone acted: the case counts nowhere
 * @param actions     the latest accepted actions ({@link CaseBounds}); all of them stay on the actions topic
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisposalCase(
        String caseId,
        int version,
        CaseState state,
        String sampleId,
        String program,
        String districtCode,
        String districtName,
        String stage,
        String unit,
        String unitBasis,
        String planId,
        String planTitle,
        String foodCategory,
        String foodName,
        String enterpriseName,
        List<String> findings,
        OffsetDateTime sampledAt,
        OffsetDateTime knownAt,
        OffsetDateTime openedAt,
        OffsetDateTime dueBy,
        String deadlineBasis,
        boolean overdue,
        OffsetDateTime acceptedAt,
        OffsetDateTime disposedAt,
        List<DisposalMeasure> measures,
        String disposition,
        boolean withdrawn,
        List<CaseAction> actions,
        OffsetDateTime updatedAt) {

    public DisposalCase {
        findings = findings == null ? List.of() : List.copyOf(findings);
        measures = measures == null ? List.of() : List.copyOf(measures);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Whether it was 已处置 by its deadline (true for a case without one). */
    public boolean disposedInTime() {
        return disposedAt != null && (dueBy == null || !disposedAt.isAfter(dueBy));
    }

    DisposalCase with(CaseState newState, boolean newOverdue, OffsetDateTime newAcceptedAt, OffsetDateTime newDisposedAt,
                      List<DisposalMeasure> newMeasures, String newDisposition, boolean newWithdrawn,
                      List<CaseAction> newActions, OffsetDateTime now) {
        return new DisposalCase(caseId, version + 1, newState, sampleId, program, districtCode, districtName, stage, unit,
                unitBasis, planId, planTitle, foodCategory, foodName, enterpriseName, findings, sampledAt, knownAt,
                openedAt, dueBy, deadlineBasis, newOverdue, newAcceptedAt, newDisposedAt, newMeasures, newDisposition,
                newWithdrawn, newActions, now);
    }
}
