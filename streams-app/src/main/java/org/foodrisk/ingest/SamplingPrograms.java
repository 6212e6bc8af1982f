package org.foodrisk.ingest;

import java.util.Set;

/**
 * Which sampling programs (contract {@code program}) count in pass rates and plan targets.
 *
 * <p>Pass rates (合格率) and the plans' sampling targets (抽检量, 合格率) are figures of official
 * supervision sampling (监督抽检: 国抽/省抽/市抽/区抽/县抽/监督抽查). Three programs are not:
 * <ul>
 *   <li>快检 — on-site rapid tests (test strips, enzyme inhibition) are screening: a positive needs
 *       confirmation by a lab and is not a legal verdict;</li>
 *   <li>风险监测 — risk monitoring samples where problems are suspected on purpose, so its failure
 *       rate is biased upwards and says nothing about the district's pass rate;</li>
 *   <li>你点我检 — consumers choose what is tested, again a selected, not a representative, sample.</li>
 * </ul>
 * 例行监测 (the agriculture system's routine monitoring of 食用农产品 quality) <b>counts</b>: it is
 * official lab testing on a sampling plan, and it is what the plans' agriculture figures are made
 * of (农产品产地抽检总体合格率 ≥97%, the 批次/千人 by 区农业农村委). A record without a program
 * (written before programs were read) counts, as it did then, so stored tallies stay consistent
 * when such a record is corrected.
 */
public final class SamplingPrograms {

    private static final Set<String> NOT_SUPERVISION = Set.of("快检", "风险监测", "你点我检");

    /**
     * The programs of 监督抽检 proper: official sampling whose 不合格 verdict is a legal finding that the
     * regulator must follow up (核查处置, SAMR《食品安全抽样检验管理办法》). 例行监测 counts in pass rates but is
     * monitoring, not supervision: its failures are followed up through the agriculture system's own
     * procedures, not as 核查处置 cases. A record without a program is not known to be supervision.
     */
    private static final Set<String> SUPERVISION = Set.of("国抽", "省抽", "市抽", "区抽", "县抽", "监督抽查");

    /** What an alert's detector text says about the programs a figure counts. */
    public static final String COUNTED = "计入监督抽检（国抽、省抽、市抽、区抽、县抽、监督抽查）及农业农村部门例行监测；不计快检、风险监测、你点我检";

    private SamplingPrograms() {
    }

    /** Whether a 不合格 of this program opens a 核查处置 case (see {@link #SUPERVISION}). */
    public static boolean isSupervision(String program) {
        return program != null && SUPERVISION.contains(program);
    }

    public static boolean countsInPassRates(String program) {
        return program == null || !NOT_SUPERVISION.contains(program);
    }
}
