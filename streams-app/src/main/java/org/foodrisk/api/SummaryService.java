package org.foodrisk.api;

import org.foodrisk.query.AlertStoreReader;
import org.foodrisk.query.DailyCountsReader;
import org.foodrisk.query.ConsultationReader;
import org.foodrisk.query.DisposalCaseReader;
import org.foodrisk.query.ReceivedAlertReader;
import org.foodrisk.query.AlertQuery;
import jakarta.inject.Singleton;
import org.foodrisk.disposal.DisposalTargets;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Period;
import org.foodrisk.plan.PlanProgressCalculator;
import org.foodrisk.summary.CitySummary;
import org.foodrisk.summary.CityDistrictSections;
import org.foodrisk.summary.CitySummaryBuilder;
import org.foodrisk.summary.ConsultationFollowUp;
import org.foodrisk.summary.RiskSummary;
import org.foodrisk.summary.RiskSummaryBuilder;
import org.foodrisk.plan.TargetProgress;
import org.foodrisk.runtime.ServiceZone;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Builds the 会商 summary of a district and period from the alerts, counts, 核查处置 cases and 会商 records in the
 * stores.
 */
@Singleton
public class SummaryService {

    private final AlertStoreReader alerts;
    private final DailyCountsReader counts;
    private final PlanCatalog catalog;
    private final RiskSummaryBuilder builder;

    private final DisposalCaseReader cases;
    private final DisposalTargets disposalTargets;
    private final ConsultationReader consultations;
    private final ConsultationFollowUp followUp;
    private final ZoneId zone;
    private final CitySummaryBuilder cityBuilder;
    private final ReceivedAlertReader received;

    /** The scope of the city summary in paths and on the summary ({@code /api/v1/summaries/city/2026-W50}). */
    public static final String CITY = "city";

    public SummaryService(AlertStoreReader alerts, DailyCountsReader counts, PlanCatalog catalog,
                          ServiceZone zone, DisposalCaseReader cases, ConsultationReader consultations,
                          ReceivedAlertReader received) {
        this.received = received;
        this.cases = cases;
        this.consultations = consultations;
        this.zone = zone.zone();
        this.followUp = new ConsultationFollowUp(zone.zone());
        this.cityBuilder = new CitySummaryBuilder(zone.zone());
        this.disposalTargets = new DisposalTargets(catalog);
        this.alerts = alerts;
        this.counts = counts;
        this.catalog = catalog;
        this.builder = new RiskSummaryBuilder(zone.zone());
    }

    /**
     * The 会商 summary of 天津市 or a configured region across its districts (issue 20): ranking, cross-district risks,
     * 环比 and 同比, and the alerts partner regions shared.
     */
    public CitySummary city(SummaryScopes.Scope scope, Period period) {
        var all = alerts.find(new AlertQuery(null, null, null, null, null, null, null, null), 0, Integer.MAX_VALUE).alerts();
        CitySummary city = cityBuilder.build(scope.id(), scope.name(), scope.districts(), period, all, received.findAll(null));
        // The scope's own meetings (recorded under its id, e.g. "city") and its districts'.
        List<String> codes = scope.districts().stream().map(District::code).toList();
        var meetings = consultations.findAll(null).stream()
                .filter(c -> scope.id().equals(c.district()) || codes.contains(c.district())).toList();
        CitySummary withDecisions = followUp.append(city, period, meetings, LocalDate.now(zone));
        // Sections 六 and 七 from the districts' own summaries: the figures each district reads.
        List<RiskSummary> districts = scope.districts().stream().map(d -> summary(d, period)).toList();
        return CityDistrictSections.append(withDecisions, districts);
    }

    public RiskSummary summary(District district, Period period) {
        var districtAlerts = alerts.find(new AlertQuery(district.code(), null, null, null, null, null, null, null), 0,
                Integer.MAX_VALUE).alerts();
        List<TargetProgress> progress = catalog.planFor(district.code(), district.name(), period.last().getYear())
                .map(plan -> new PlanProgressCalculator().progress(plan, district.code(), period.last(),
                        counts.samplingTotals(district.code(), period.last())))
                .orElse(List.of());
        var districtCases = cases.findAll(new DisposalCaseReader.Query(district.code(), null, null, null, null));
        RiskSummary summary = builder.build(district.code(), district.name(), period, districtAlerts, progress, districtCases,
                disposalTargets.of(district.code(), district.name(), period.last().getYear()));
        return followUp.append(summary, period, consultations.findAll(district.code()), LocalDate.now(zone));
    }
}
