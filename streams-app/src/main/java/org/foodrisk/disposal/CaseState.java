package org.foodrisk.disposal;

/**
 * Where a 核查处置 case stands: 待核查 (opened, no one has taken it up) → 核查中 (the responsible unit is
 * investigating) → 已处置 (a disposal measure is recorded). Written on the wire as these words.
 */
public enum CaseState {
    待核查,
    核查中,
    已处置
}
