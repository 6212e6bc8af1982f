package org.foodrisk.detect;

import org.foodrisk.ingest.SignalType;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * {@code illness.cluster}: two or more cases of one exposure place (or business) with a similar
 * illness and a common exposure window are a suspected outbreak — 食源性疾病暴发 as defined in
 * {@link OutbreakDefinition} (国家卫生健康委 食源性疾病监测; WHO, Foodborne disease outbreaks:
 * guidelines for investigation and control, 2008), which decides which cases form one episode.
 *
 * <p>Level: 2–4 cases YELLOW, 5–19 ORANGE, 20 or more (or any death) RED; one level up when the
 * place feeds many — 学校食堂, 集体用餐单位, 农村集体聚餐 — because exposure is wider and the
 * people exposed are often children. A case added later joins the same alert (its anchor).
 */
public final class IllnessClusterRule {

    public static final String KIND = "illness.cluster";

    /** Exposure times in the method text, in China's time (the text is read by district staff). */
    private static final DateTimeFormatter EXPOSURE_TIME = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final OutbreakDefinition definition;
    private final int minCases;
    private final LevelPolicy levels;

    public IllnessClusterRule(OutbreakDefinition definition, int minCases) {
        this(definition, minCases, LevelPolicy.defaults());
    }

    public IllnessClusterRule(OutbreakDefinition definition, int minCases, LevelPolicy levels) {
        this.definition = definition;
        this.minCases = minCases;
        this.levels = levels;
    }

    /** The detection for the episode, and the anchor its cases must carry from now on. */
    public record Result(Detection detection, String anchor, List<CaseHistory.Case> episode) {
    }

    public Optional<Result> evaluate(String placeKey, CaseHistory history, String caseId) {
        List<CaseHistory.Case> episode = definition.episodeOf(history.cases(), caseId);
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
        OutbreakDefinition.Exposure exposure = definition.commonExposure(episode);
        String syndromes = episode.stream().map(definition::syndromeOf).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("、"));
        String pathogens = episode.stream().map(definition::pathogenOf).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("、"));
        DetectorNumbers numbers = new DetectorNumbers("common-exposure-cluster", (double) n, null, (double) minCases,
                spanHours, null, "食源性疾病暴发定义（国家卫生健康委食源性疾病监测；WHO 2008暴发调查指南）：≥" + minCases
                + "例病例同一暴露场所、症候群相似（或病原相同）、暴露时间在同一" + definition.exposureWindow().toHours()
                + "小时暴露窗口内（无暴露时间时以发病时间减潜伏期推算）；"
                + (exposure.reported() ? "报告的共同暴露时间" : "推定共同暴露时间") + " " + EXPOSURE_TIME.format(exposure.earliest())
                + "—" + EXPOSURE_TIME.format(exposure.latest())
                + (syndromes.isEmpty() ? "" : "；症候群：" + syndromes) + (pathogens.isEmpty() ? "" : "；病原：" + pathogens)
                + "；statistic=首末病例发病间隔（小时）");
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
        Detection detection = Detection.of(KIND, KIND + "|" + placeKey + "|" + anchor, level, SignalType.ILLNESS)
                .district(first.districtCode(), first.districtName())
                .food(foodCategory, foodName)
                .enterprise(new Detection.EnterpriseRef(place, null, placeKey))
                .window(first.at(), last.at())
                .detector(numbers)
                .evidence(evidence)
                .headline(headline)
                .recommendedActions(actions)
                .setting(episode.stream().map(CaseHistory.Case::placeType).filter(Objects::nonNull).findFirst().orElse(null))
                .build();
        return Optional.of(new Result(detection, anchor, episode));
    }

}
