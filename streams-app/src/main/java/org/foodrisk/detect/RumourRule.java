package org.foodrisk.detect;

import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

import java.util.List;
import java.util.Optional;

/**
 * {@code opinion.rumour}: a post flagged as a suspected rumour whose reach passes a threshold
 * (default 100 000) is flagged at once — a food-safety rumour spreads faster than any count can
 * rise, and the plans make rumour control a task of its own (河北 2023 （二十四）加强谣言治理).
 * ORANGE from 1 000 000 reach, else YELLOW. One alert per district × category while open.
 */
public final class RumourRule {

    public static final String KIND = "opinion.rumour";

    private final long minReach;
    private final LevelPolicy levels;

    public RumourRule(long minReach) {
        this(minReach, LevelPolicy.defaults());
    }

    public RumourRule(long minReach, LevelPolicy levels) {
        this.minReach = minReach;
        this.levels = levels;
    }

    public Optional<Detection> evaluate(Signal signal) {
        if (signal.type() != SignalType.OPINION || signal.sign() < 0 || !signal.hasTag("rumour")
                || signal.weight() < minReach) {
            return Optional.empty();
        }
        AlertLevel level = levels.rumour(signal.weight());
        String district = signal.districtCode() != null ? signal.districtCode() : String.valueOf(signal.districtName());
        DetectorNumbers numbers = new DetectorNumbers("high-reach-rumour", (double) signal.weight(), null,
                (double) minReach, null, null, "规则：疑似谣言且阅读量≥" + minReach + "即预警");
        return Optional.of(Detection.of(KIND, String.join("|", KIND, district, String.valueOf(signal.foodCategory())),
                        level, SignalType.OPINION)
                .district(signal.districtCode(), signal.districtName())
                .food(signal.foodCategory(), signal.foodName())
                .window(signal.eventTime(), signal.eventTime())
                .detector(numbers)
                .evidence(List.of(new Evidence("opinion", signal.id(), signal.eventTime(), signal.summary())))
                .headline("高传播量疑似食品安全谣言：" + signal.summary())
                .recommendedActions(List.of("立即核实信息真实性，会同网信部门研判处置", "属实的依法查处，不实的及时辟谣并发布权威信息",
                        "对恶意编造传播谣言的，依法移送公安机关"))
                .build());
    }
}
