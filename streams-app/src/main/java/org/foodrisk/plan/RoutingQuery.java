package org.foodrisk.plan;

/**
 * What routing knows about a risk: where, when, which kind of signal, and what it is about.
 * Any field but {@code signalType} may be null.
 *
 * @param signalType sampling / monitoring / illness / complaint / opinion (as in PlanTask.signalTypes)
 * @param stage      contract stage of a sample (种植养殖 / 屠宰 / 生产 / 流通 / 餐饮 / 进口 / 网络销售 / 储备)
 * @param setting    where one kitchen feeds many: an exposure place's type (学校食堂, 集体用餐单位,
 *                   农村集体聚餐, 养老机构) or words naming it (校园周边)
 */
public record RoutingQuery(String districtCode, String districtName, int year, String signalType,
                           String foodCategory, String foodName, String hazard, String substance, String stage,
                           String setting) {

    public RoutingQuery(String districtCode, String districtName, int year, String signalType, String foodCategory,
                        String foodName, String hazard, String substance, String stage) {
        this(districtCode, districtName, year, signalType, foodCategory, foodName, hazard, substance, stage, null);
    }
}
