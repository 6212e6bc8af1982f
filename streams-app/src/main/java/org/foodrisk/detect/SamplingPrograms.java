package org.foodrisk.detect;

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

    /** What an alert's detector text says about the programs a figure counts. */
    public static final String COUNTED = "计入监督抽检（国抽、省抽、市抽、区抽、县抽、监督抽查）及农业农村部门例行监测；不计快检、风险监测、你点我检";

    private SamplingPrograms() {
    }

    public static boolean countsInPassRates(String program) {
        return program == null || !NOT_SUPERVISION.contains(program);
    }
}
