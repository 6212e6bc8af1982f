package org.foodrisk.disposal;

/**
 * What the responsible unit did about a 不合格 result — the measures the plans name for 检打联动 and
 * 召回整改 (蓟州 2018: "督促企业追溯源头、召回整改"; SAMR《食品安全抽样检验管理办法》: 封存、下架、召回、
 * 立案查处, and 复检 when the business contests the result). 其他 needs a note saying what.
 */
public enum DisposalMeasure {
    控制产品,
    召回,
    立案,
    复检,
    下架,
    其他;

    /** The measure of this name, or null. */
    public static DisposalMeasure of(String word) {
        for (DisposalMeasure measure : values()) {
            if (measure.name().equals(word)) {
                return measure;
            }
        }
        return null;
    }
}
