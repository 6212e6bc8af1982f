package org.foodrisk.disposal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the units and the districts' plans stand on 核查处置 as of a moment: {@link DisposalRates} per unit
 * (a unit is a unit of one district: 武清's 区市场监管局 is not 西青's) and per plan (district), each with the
 * targets its plan states ({@link DisposalTargets}) and whether they are met.
 */
public record DisposalStanding(OffsetDateTime asOf, List<Row> byUnit, List<Row> byPlan) {

    /** A stated target against the actual rate; {@code met} is null while there is no rate to judge. */
    public record TargetCheck(String metric, double value, String comparator, String planTitle, String taskNumber,
                              String asWritten, Double actual, Boolean met) {
    }

    /** One unit (unit set) or one district's plan (unit null). */
    public record Row(String districtCode, String districtName, String unit, String planTitle, DisposalRates rates,
                      List<TargetCheck> targets) {
    }

    /** The targets a district's plan states for a year ({@link DisposalTargets#of}). */
    @FunctionalInterface
    public interface TargetSource {
        List<DisposalTargets.Target> of(String districtCode, String districtName, int year);
    }

    public static DisposalStanding of(List<DisposalCase> cases, OffsetDateTime asOf, TargetSource targets) {
        Map<String, List<DisposalCase>> byUnit = new TreeMap<>();
        Map<String, List<DisposalCase>> byDistrict = new TreeMap<>();
        for (DisposalCase c : cases) {
            String district = c.districtCode() != null ? c.districtCode() : String.valueOf(c.districtName());
            byUnit.computeIfAbsent(district + "|" + c.unit(), k -> new ArrayList<>()).add(c);
            byDistrict.computeIfAbsent(district, k -> new ArrayList<>()).add(c);
        }
        List<Row> units = new ArrayList<>();
        byUnit.values().forEach(members -> units.add(row(members, members.get(0).unit(), asOf, targets)));
        List<Row> plans = new ArrayList<>();
        byDistrict.values().forEach(members -> plans.add(row(members, null, asOf, targets)));
        return new DisposalStanding(asOf, units, plans);
    }

    private static Row row(List<DisposalCase> members, String unit, OffsetDateTime asOf, TargetSource targets) {
        DisposalCase first = members.get(0);
        DisposalRates rates = DisposalRates.of(members, asOf);
        List<TargetCheck> checks = new ArrayList<>();
        for (DisposalTargets.Target target : targets.of(first.districtCode(), first.districtName(), asOf.getYear())) {
            if (unit != null && !target.binds(unit)) {
                continue;
            }
            Double actual = DisposalTargets.HANDLING.equals(target.metric()) ? rates.handlingRate() : rates.onTimeRate();
            checks.add(new TargetCheck(target.metric(), target.value(), target.comparator(), target.planTitle(),
                    target.taskNumber(), target.asWritten(), actual, actual == null ? null : target.met(actual)));
        }
        String planTitle = members.stream().map(DisposalCase::planTitle).filter(t -> t != null).findFirst().orElse(null);
        return new Row(first.districtCode(), first.districtName(), unit, planTitle, rates, checks);
    }
}
