package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.PlanTargetRule;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SamplingPrograms;
import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.TargetTally;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Sampling results keyed by district: yearly totals in event time, judged against the governing
 * plan's volume targets once per event week — on the first sampled day of each new ISO week —
 * (replaying a year judges the same days). Weekly, not daily: an annual target moves slowly, and
 * judging it daily put a new version of every lagging target's alert on the alert topic each
 * day (a quarter of all alert versions on the benchmark's two-year backlog), news to no one.
 * The plan-progress page and the 会商 summaries show the daily figures from the same store.
 */
final class PlanTargetProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    private final PlanCatalog catalog;
    private final PlanTargetRule rule;
    private final ZoneId zone;
    private KeyValueStore<String, DistrictYearTotals> totals;

    PlanTargetProcessor(PlanCatalog catalog, PlanTargetRule rule, ZoneId zone) {
        this.catalog = catalog;
        this.rule = rule;
        this.zone = zone;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        totals = context.getStateStore(StoreNames.PLAN_PROGRESS);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        LocalDate day = DayKeys.day(signal.eventTime(), zone);
        String key = record.key() + "|" + day.getYear();
        Optional<Plan> plan = catalog.planFor(signal.districtCode(), signal.districtName(), day.getYear());
        boolean inTotals = SamplingPrograms.countsInPassRates(signal.tagValue("program"));
        DistrictYearTotals updated = Optional.ofNullable(totals.get(key)).orElse(DistrictYearTotals.empty());
        if (inTotals) {
            updated = updated.add(signal.sign(), signal.failed(), signal.foodCategory(), signal.agency(), day.toString());
        }
        updated = updated.withTargets(signal.sign(), plan.map(p -> TargetTally.of(p, signal)).orElse(Map.of()),
                inTotals, day.toString());
        boolean newWeek = signal.sign() > 0 && (updated.lastJudged() == null
                || weekOf(LocalDate.parse(updated.lastJudged())).isBefore(weekOf(day)));
        if (newWeek) {
            updated = updated.judgedOn(day.toString());
            DistrictYearTotals snapshot = updated;
            plan.ifPresent(governing ->
                    rule.evaluate(governing, signal.districtCode(), signal.districtName(), day, snapshot.asTotals(),
                                    LocalDate.parse(snapshot.firstDay()), zone)
                            .forEach(detection -> context().forward(new Record<>(detection.dedupKey(), detection,
                                    record.timestamp()))));
        }
        totals.put(key, updated);
    }

    /** The Monday of the ISO week of the day. */
    private static LocalDate weekOf(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }
}
