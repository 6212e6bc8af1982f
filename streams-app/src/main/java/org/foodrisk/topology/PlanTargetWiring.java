package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.PlanTargetRule;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.plan.PlanCatalog;

import java.time.ZoneId;

/**
 * <pre>
 *  sampling ─ [by district] ─ detect-plan-targets   (the year's totals against the plans' targets)
 * </pre>
 */
final class PlanTargetWiring {

    private PlanTargetWiring() {
    }

    static KStream<String, Detection> wire(KStream<String, Signal> signals, ZoneId zone,
                                           PlanCatalog catalog) {
        PlanTargetRule rule = new PlanTargetRule();
        return signals
                // Every program: the plan totals keep to the programs that count in pass rates, but some targets
                // name 快检 or 风险监测 (蓟州: 生鲜乳快速检测586个) and are tallied from them (PlanTargetProcessor).
                .filter((id, s) -> s.type() == SignalType.SAMPLING && s.districtCode() != null,
                        Named.as("filter-district-sampling"))
                .selectKey((id, signal) -> signal.districtCode(), Named.as("key-by-district"))
                .repartition(Repartitioned.with(TopologySerdes.KEY, TopologySerdes.SIGNAL).withName("sampling-by-district"))
                // Cached: one value per district and year, rewritten with every sample — the replay benchmark's
                // changelogs held 184 MB of it for 200,000 results (issue 18); now each key once a commit.
                .process(WithStores.of(() -> new PlanTargetProcessor(catalog, rule, zone),
                                StateStores.cachedBinary(StoreNames.PLAN_PROGRESS, DistrictYearTotals.SERDE)),
                        Named.as("detect-plan-targets"));
    }
}
