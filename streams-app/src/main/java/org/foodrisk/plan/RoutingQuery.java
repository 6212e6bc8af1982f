package org.foodrisk.plan;

/**
 * What routing knows about a risk: where, when, which kind of signal, and what it is about.
 * Any field but {@code signalType} may be null.
 *
 * @param signalType sampling / illness / complaint / opinion (as in PlanTask.signalTypes)
 */
public record RoutingQuery(String districtCode, String districtName, int year, String signalType,
                           String foodCategory, String foodName, String hazard, String substance, String stage) {
}
