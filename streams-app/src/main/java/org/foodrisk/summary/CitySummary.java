package org.foodrisk.summary;

import java.util.List;
import java.util.Map;

/**
 * The 会商 summary of a city (天津市, its 16 districts) or a configured group of districts, for one period (issue
 * 20): the districts ranked by their open risk, the risks that cross district lines, and the period against the one
 * before (环比) and the same period a year earlier (同比), with the {@code markdown} a city meeting reads.
 *
 * @param sameTimeLastYearNewAlerts null when the service holds no alert from before that period began: no 同比
 * @param received                  alerts partner regions shared (京津冀 预警交流): shared in the period, or shared
 *                                  before its end and not closed by the partner
 * @param decisions                 section 五: the decisions of the scope's own 会商 meetings and of its districts',
 *                                  followed as in a district's section 七 ({@link ConsultationFollowUp})
 * @param topRisks                  section 六: the most severe risks of all its districts ({@link CityDistrictSections})
 * @param districtWork              section 七: each district's plan targets, 核查处置 and open 会商 decisions
 */
public record CitySummary(String scope, String scopeName, String period, String periodStart, String periodEnd,
                          int newAlerts, int previousPeriodNewAlerts, Integer sameTimeLastYearNewAlerts,
                          Map<String, Integer> byLevel, List<DistrictStanding> ranking,
                          List<CrossDistrictRisk> crossDistrict, List<PartnerRisk> received, String markdown,
                          List<RiskSummary.DecisionFollowUp> decisions, List<CityRisk> topRisks,
                          List<DistrictWork> districtWork) {

    /** The same summary with the sections gathered from its districts' summaries appended. */
    public CitySummary withDistrictSections(List<CityRisk> top, List<DistrictWork> work, String sectionMarkdown) {
        return new CitySummary(scope, scopeName, period, periodStart, periodEnd, newAlerts, previousPeriodNewAlerts,
                sameTimeLastYearNewAlerts, byLevel, ranking, crossDistrict, received, markdown + sectionMarkdown,
                decisions, List.copyOf(top), List.copyOf(work));
    }

    /** One of the city's top risks: a district's top risk, with the district. */
    public record CityRisk(String districtCode, String districtName, RiskSummary.TopRisk risk) {
    }

    /**
     * A district's plan and 核查处置 standing as its own summary gives it.
     *
     * @param handlingRate null while it has no case this year; {@code onTimeRate} likewise
     */
    public record DistrictWork(String districtCode, String districtName, int targetsOnTrack, int targetsBehind,
                               int targetsUnmeasurable, int disposalCases, Double handlingRate, Double onTimeRate,
                               int openDecisions) {
    }

    /** The same summary with the 会商 decisions' section appended. */
    public CitySummary withDecisions(List<RiskSummary.DecisionFollowUp> followUps, String sectionMarkdown) {
        return new CitySummary(scope, scopeName, period, periodStart, periodEnd, newAlerts, previousPeriodNewAlerts,
                sameTimeLastYearNewAlerts, byLevel, ranking, crossDistrict, received, markdown + sectionMarkdown,
                List.copyOf(followUps), topRisks, districtWork);
    }

    /**
     * A district's open risk at the period's end: open alerts by level and overdue, the period's new alerts, and a
     * score (红 4, 橙 3, 黄 2, 蓝 1 per open alert) the ranking sorts by.
     */
    public record DistrictStanding(int rank, String districtCode, String districtName, int open, int openRed,
                                   int openOrange, int overdue, int newAlerts, int score) {
    }

    /**
     * One food × hazard, or one business, in alerts of two or more districts in the period.
     *
     * @param kind 食品×危害 or 经营主体
     */
    public record CrossDistrictRisk(String kind, String subject, List<String> districts, int alerts, String highestLevel,
                                    List<String> alertIds) {
    }

    /**
     * An alert a partner region shared, as the city meeting reads it.
     *
     * @param origin the partner cluster's MirrorMaker alias, {@code originRegion} the region as it names itself
     */
    public record PartnerRisk(String origin, String originRegion, String alertId, int version, String headline,
                              String level, String status, String district, String foodCategory, String sharedAt,
                              String note) {
    }
}
