package org.foodrisk.consultation;

/** Where a 会商 decision stands: 待落实 (decided) → 落实中 (the unit reported progress) → 已落实 (done). */
public enum DecisionState {
    待落实,
    落实中,
    已落实
}
