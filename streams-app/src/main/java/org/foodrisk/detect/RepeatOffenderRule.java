package org.foodrisk.detect;

import org.foodrisk.ingest.SignalType;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code sampling.repeat-offender}: the same business fails twice or more within a window
 * (default 90 days, DESIGN "Hard rules"). Level: 2 failures YELLOW, 3 or more ORANGE, RED when
 * any of them is a critical finding. One alert per business; further failures add evidence.
 */
public final class RepeatOffenderRule {

    public static final String KIND = "sampling.repeat-offender";

    private final Duration window;
    private final int minFailures;

    public RepeatOffenderRule(Duration window, int minFailures) {
        this.window = window;
        this.minFailures = minFailures;
    }

    public Optional<Detection> evaluate(String enterpriseKey, String enterpriseName, OffenderHistory history,
                                        OffenderHistory.Failure latest) {
        List<OffenderHistory.Failure> near = history.near(latest, window);
        if (near.size() < minFailures) {
            return Optional.empty();
        }
        AlertLevel level = near.size() >= minFailures + 1 ? AlertLevel.ORANGE : AlertLevel.YELLOW;
        if (near.stream().anyMatch(OffenderHistory.Failure::critical)) {
            level = AlertLevel.RED;
        }
        OffsetDateTime start = near.stream().map(OffenderHistory.Failure::at)
                .min(Comparator.comparing(OffsetDateTime::toInstant)).orElse(latest.at());
        OffsetDateTime end = near.stream().map(OffenderHistory.Failure::at)
                .max(Comparator.comparing(OffsetDateTime::toInstant)).orElse(latest.at());
        List<Evidence> evidence = near.stream()
                .map(f -> new Evidence("sampling", f.sampleId(), f.at(), f.foodName() + " " + f.items()))
                .toList();
        String name = enterpriseName == null ? enterpriseKey : enterpriseName;
        String headline = name + "在" + window.toDays() + "天内" + near.size() + "次抽检不合格";
        DetectorNumbers numbers = new DetectorNumbers("repeat-offender-rule", (double) near.size(), null,
                (double) minFailures, null, null,
                "硬规则：同一经营主体" + window.toDays() + "天内不合格≥" + minFailures + "次");
        List<String> actions = List.of(
                "将" + name + "列为重点监管对象，提高监督检查和抽检频次",
                "依法从严查处，责令整改并跟踪复查",
                "纳入信用监管，依法实施联合惩戒");
        return Optional.of(Detection.of(KIND, KIND + "|" + enterpriseKey, level, SignalType.SAMPLING)
                .district(latest.districtCode(), latest.districtName())
                .food(latest.foodCategory(), latest.foodName())
                .enterprise(new Detection.EnterpriseRef(enterpriseName, CriticalHazardRule.creditCodeOf(enterpriseKey),
                        enterpriseKey))
                .window(start, end)
                .detector(numbers)
                .evidence(evidence)
                .headline(headline)
                .recommendedActions(actions)
                .build());
    }
}
