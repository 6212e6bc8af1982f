package org.foodrisk.detect;

import org.foodrisk.ingest.SignalType;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fusion}: signals about the same district × category — and the same food, when the food
 * is named — from two or more streams inside one window (default 7 days) are one risk, not
 * several (DESIGN "Fusion": a failing 韭菜 sample, complaints about 韭菜 and a 微博 spike about
 * 韭菜 in the same week). Notable signals: failed samples, illness cases, complaints, opinion
 * posts. At least {@code minSignals} of them are required, so that one complaint and one
 * failed sample in a big category do not fuse by chance. At least one stream must carry weight of
 * its own (a lab-confirmed failure, or a burst of reports) — measured on the demo traffic, fusing
 * any two streams that mention the same food produced most of all alerts, the alert storm that
 * ESSENCE is known for.
 *
 * <p>Level rises with the number of streams that carry weight: 1 YELLOW, 2 ORANGE, 3 or more RED.
 */
public final class FusionRule {

    public static final String KIND = "fusion";

    private final Duration window;
    private final int minSignals;

    public FusionRule(Duration window, int minSignals) {
        this.window = window;
        this.minSignals = minSignals;
    }

    public Duration window() {
        return window;
    }

    public Optional<Detection> evaluate(String districtCode, String districtName, String foodCategory,
                                        RecentSignals recent, RecentSignals.Notable latest) {
        if (latest.food() == null) {
            // Category-only signals ("餐饮食品") agree by chance all the time; fusion needs a named food.
            return Optional.empty();
        }
        OffsetDateTime since = latest.at().minus(window);
        List<RecentSignals.Notable> related = recent.signals().stream()
                .filter(n -> !n.at().isBefore(since) && !n.at().isAfter(latest.at().plus(window)))
                .filter(n -> latest.food().equals(n.food()))
                .toList();
        Set<String> streams = new LinkedHashSet<>();
        related.forEach(n -> streams.add(n.type()));
        Set<String> strong = new LinkedHashSet<>();
        for (String stream : streams) {
            if (isStrong(stream, related.stream().filter(n -> n.type().equals(stream)).toList())) {
                strong.add(stream);
            }
        }
        if (streams.size() < 2 || strong.isEmpty() || related.size() < minSignals) {
            return Optional.empty();
        }
        AlertLevel level = strong.size() >= 3 ? AlertLevel.RED : strong.size() == 2 ? AlertLevel.ORANGE : AlertLevel.YELLOW;
        String food = latest.food() != null ? latest.food()
                : related.stream().map(RecentSignals.Notable::food).filter(Objects::nonNull).findFirst().orElse(null);
        String about = food != null ? food : foodCategory;
        String district = districtCode != null ? districtCode : String.valueOf(districtName);
        OffsetDateTime start = related.stream().map(RecentSignals.Notable::at)
                .min(Comparator.comparing(OffsetDateTime::toInstant)).orElse(latest.at());
        OffsetDateTime end = related.stream().map(RecentSignals.Notable::at)
                .max(Comparator.comparing(OffsetDateTime::toInstant)).orElse(latest.at());
        String streamNames = String.join("、", streams.stream().map(FusionRule::label).toList());
        DetectorNumbers numbers = new DetectorNumbers("multi-stream-fusion", (double) related.size(), null,
                (double) minSignals, (double) streams.size(), null,
                window.toDays() + "天内同一区、同一类别（同一食品）的信号来自≥2个数据流即融合；statistic=数据流个数");
        List<Evidence> evidence = related.stream().map(n -> new Evidence(n.type(), n.id(), n.at(), n.summary())).toList();
        return Optional.of(Detection.of(KIND, String.join("|", KIND, district, String.valueOf(foodCategory),
                        String.valueOf(food)), level, SignalType.valueOf(related.get(0).type().toUpperCase()))
                .district(districtCode, districtName)
                .food(foodCategory, food)
                .window(start, end)
                .detector(numbers)
                .evidence(evidence)
                .headline(Objects.toString(districtName, "") + about + "多源信号融合预警（" + streamNames + "，共"
                        + related.size() + "条）")
                .recommendedActions(List.of("组织相关部门会商研判，统筹核查" + about + "风险",
                        "对涉及的经营主体和产品开展监督检查与抽检", "加强舆情监测与风险交流"))
                .build());
    }

    /**
     * A stream carries weight of its own when it has a lab-confirmed failure, or a burst — at least
     * {@value #BURST} reports about the food within {@value #BURST_HOURS} hours. A single complaint
     * about 鸡蛋 plus a single post about 鸡蛋 in a district of a million people is daily noise.
     */
    private static boolean isStrong(String stream, List<RecentSignals.Notable> signals) {
        if ("sampling".equals(stream)) {
            return !signals.isEmpty();
        }
        for (int i = 0; i + BURST - 1 < signals.size(); i++) {
            OffsetDateTime first = signals.get(i).at();
            OffsetDateTime last = signals.get(i + BURST - 1).at();
            if (!last.isAfter(first.plusHours(BURST_HOURS))) {
                return true;
            }
        }
        return false;
    }

    private static final int BURST = 3;
    private static final int BURST_HOURS = 72;

    private static String label(String type) {
        return switch (type) {
            case "sampling" -> "抽检不合格";
            case "illness" -> "食源性疾病";
            case "complaint" -> "投诉举报";
            case "opinion" -> "舆情";
            default -> type;
        };
    }

}
