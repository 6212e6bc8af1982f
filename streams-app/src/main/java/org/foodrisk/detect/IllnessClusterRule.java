package org.foodrisk.detect;

import org.foodrisk.alert.AlertLevel;
import org.foodrisk.ingest.SignalType;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code illness.cluster}: two or more cases with a common exposure place (or business) whose
 * onsets follow each other within a window (default 72 h) are a suspected outbreak —
 * 食源性疾病暴发 is "two or more cases with a common exposure" (国家食源性疾病监测; WHO
 * Foodborne disease outbreaks: guidelines for investigation and control, 2008).
 *
 * <p>Level: 2–4 cases YELLOW, 5–19 ORANGE, 20 or more (or any death) RED; one level up when the
 * place feeds many — 学校食堂, 集体用餐单位, 农村集体聚餐 — because exposure is wider and the
 * people exposed are often children. A case added later joins the same alert (its anchor).
 */
public final class IllnessClusterRule {

    public static final String KIND = "illness.cluster";

    private final Duration gap;
    private final int minCases;
    private final LevelPolicy levels;

    public IllnessClusterRule(Duration gap, int minCases) {
        this(gap, minCases, LevelPolicy.defaults());
    }

    public IllnessClusterRule(Duration gap, int minCases, LevelPolicy levels) {
        this.gap = gap;
        this.minCases = minCases;
        this.levels = levels;
    }

    public Duration gap() {
        return gap;
    }

    /** The detection for the episode, and the anchor its cases must carry from now on. */
    public record Result(Detection detection, String anchor, List<CaseHistory.Case> episode) {
    }

    public Optional<Result> evaluate(String placeKey, CaseHistory history, String caseId) {
        List<CaseHistory.Case> episode = history.episodeOf(caseId, gap);
        if (episode.size() < minCases) {
            return Optional.empty();
        }
        String anchor = episode.stream().map(CaseHistory.Case::anchor).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(episode.get(0).id());
        CaseHistory.Case first = episode.get(0);
        CaseHistory.Case last = episode.get(episode.size() - 1);
        int n = episode.size();
        boolean died = episode.stream().anyMatch(c -> c.tags().contains("died"));
        AlertLevel level = levels.cluster(n, died);
        boolean massExposure = episode.stream().anyMatch(c -> c.tags().contains("mass-exposure"));
        if (massExposure) {
            level = level.raise();
        }
        String place = first.placeName() == null ? placeKey : first.placeName();
        String headline = Objects.toString(first.districtName(), "") + place + "发生" + n + "例食源性疾病聚集性病例（疑似暴发）";
        double spanHours = Duration.between(first.at(), last.at()).toMinutes() / 60.0;
        DetectorNumbers numbers = new DetectorNumbers("common-exposure-cluster", (double) n, null, (double) minCases,
                spanHours, null, "≥" + minCases + "例病例有共同暴露场所，相邻发病间隔≤" + gap.toHours()
                + "小时即判定疑似暴发；statistic=首末病例发病间隔（小时）");
        List<Evidence> evidence = episode.stream()
                .map(c -> new Evidence("illness", c.id(), c.at(), c.summary())).toList();
        String foodCategory = episode.stream().map(CaseHistory.Case::foodCategory).filter(Objects::nonNull)
                .findFirst().orElse(null);
        String foodName = episode.stream().map(CaseHistory.Case::foodName).filter(Objects::nonNull)
                .findFirst().orElse(null);
        List<String> actions = List.of(
                "立即组织对" + place + "开展流行病学调查和现场卫生学调查",
                "封存可疑食品及原料，采集病例生物样本和食品样本送检",
                massExposure ? "学校/集体用餐单位：暂停供餐，排查同餐次就餐人员并做好家校沟通" : "排查同餐次就餐人员，追踪新发病例",
                "按规定时限报告食品安全事故，及时会商研判");
        Detection detection = new Detection(KIND, KIND + "|" + placeKey + "|" + anchor, level, SignalType.ILLNESS,
                first.districtCode(), first.districtName(), foodCategory, foodName, null, null, null,
                new Detection.EnterpriseRef(place, null, placeKey), first.at(), last.at(), numbers, evidence,
                headline, actions);
        return Optional.of(new Result(detection, anchor, episode));
    }

}
