package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.detect.CriticalHazardRule;
import org.foodrisk.detect.RestrictedPesticideRule;
import org.foodrisk.ingest.Signal;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.plan.PlanCatalog;

import java.util.List;

/**
 * The foodrisk topology, built from settings and the plan catalog:
 *
 * <pre>
 *  4 input topics ─ intake-* ─┬─ dead letters ──────────────────────────────► foodrisk.dead-letters.v1
 *                             └─ dedup-* (store) ─ emit-clock-ticks ─ signals ─ track-event-clock (the summaries' clock)
 *                                  └─ dead letters: new content under an id another publisher owns
 *                                  (arrival-clock ticks to every partition of the day-closing stages) ─┐
 *  [stage] ─ watermark-<stage>: the smallest tick of all input tasks closes days ─────────────────────┘
 *  signals ─ detect-critical-hazard ───────────────────────────────────┐
 *  signals ─ detect-restricted-pesticide (限用农药 on a crop where prohibited) ─┤
 *  signals ─ [by district|category] ─ count-daily ─┬ detect-failure-rate ─┤  (监督抽检 only)
 *                                                  ├ detect-food-hazard-cluster ─┤ (Bernoulli CUSUM per food × hazard,
 *                                                  │   when a day with failures closes)
 *                                                  ├ detect-count-aberrations (EARS C2 when a day closes,
 *                                                  │   farringtonFlexible when a week closes) ─┤
 *  signals ─ [by category] ─ detect-pooled-count-aberrations (count-method pooled-nb: one model across districts) ─┤
 *                                                  ├ detect-opinion ──────┤  (24 h spike, rumour)
 *                                                  └ detect-fusion ───────┤
 *  signals ─ [by enterprise] ─┬ detect-repeat-offender ──────────────────┤
 *                             └ detect-complaint-repeat (DETECTORS) ─────┤
 *  illness ─ [by district|syndrome] ─ count-daily-syndrome ─ detect-syndrome-aberrations ─┤
 *  signals ─ [by exposure place] ─ detect-illness-cluster ───────────────┤
 *  illness without place, with town ─ [by district] ─ detect-illness-spacetime ─┤
 *  sampling (every program) ─ [by district] ─ detect-plan-targets ─────────────────┤
 *                                        detections ─┐
 *  foodrisk.alert-actions.v1 ─ intake-alert-actions ─┴ [by alertId] ─ alert-state ─► foodrisk.alerts.v1
 *                                          (wall-clock punctuation: overdue)   └─► dead letters (refused actions)
 *  signals (监督抽检 results) ─┐
 *  foodrisk.disposal-actions.v1 ─ intake-disposal-actions ─┴ [by caseId] ─ disposal-case-state ─► foodrisk.disposal-cases.v1
 *                                          (wall-clock punctuation: overdue)          └─► dead letters (refused actions)
 *  foodrisk.consultation-actions.v1 ─ intake-consultation-actions ─ consultation-state ─► foodrisk.consultations.v1
 *  foodrisk.communication-actions.v1 ─ intake-communication-actions ─ communication-state ─► foodrisk.risk-communications.v1
 *  foodrisk.plan-catalog.v1 ─► global store ─► routing catalog
 * </pre>
 *
 * Every processor, store and repartition topic is named, so that the names of internal topics
 * and changelogs stay stable when the topology grows (renaming one would orphan its state);
 * {@code TopologyDescriptionTest} pins them all. Each part is wired by its own {@code *Wiring} class,
 * in the order {@link #build(TopologySettings, PlanCatalog, OutputCounters)} calls them: that order is
 * also the order in which a stream hands each record to the stages that read it (signals to the
 * detectors, say), which the description does not show — so keep it when adding a part.
 */
public final class FoodRiskTopology {

    /**
     * The detectors that wire themselves ({@link DetectorBuilder}): each declares its name, stores and settings,
     * so adding one is one line here. They are wired after the detectors {@code build} wires by hand, in this
     * order, so each reads its stream after the stages already on it; their settings are in
     * {@link TopologySettings#defaults()} because they are listed here.
     */
    static final List<DetectorBuilder<?>> DETECTORS = List.of(
            new ComplaintRepeatBuilder());

    private FoodRiskTopology() {
    }

    public static Topology build(TopologySettings settings, PlanCatalog catalog) {
        return build(settings, catalog, OutputCounters.NONE);
    }

    /** @param counters told of every alert and dead letter written (operations metrics) */
    public static Topology build(TopologySettings settings, PlanCatalog catalog, OutputCounters counters) {
        return build(settings, catalog, counters, DETECTORS);
    }

    /** With other detectors that wire themselves than {@link #DETECTORS} (tests: one that is not listed). */
    static Topology build(TopologySettings settings, PlanCatalog catalog, OutputCounters counters,
                          List<DetectorBuilder<?>> detectors) {
        StreamsBuilder builder = new StreamsBuilder();
        PlanCatalogWiring.wire(builder, catalog);
        SignalStreams intake = IntakeWiring.wire(builder, settings, counters);
        KStream<String, Signal> signals = intake.signals();

        Detections detections = new Detections();
        detections.add("critical-hazard", DetectionStage.INTAKE, signals.flatMapValues(CriticalHazardRule::evaluate,
                Named.as("detect-critical-hazard")));
        detections.add("restricted-pesticide", DetectionStage.INTAKE, signals.flatMapValues(RestrictedPesticideRule::evaluate,
                Named.as("detect-restricted-pesticide")));
        DailyCountWiring.Counted counted = DailyCountWiring.count(builder, intake, settings, catalog);
        CategoryDetectorWiring.Detections byCategory = CategoryDetectorWiring.wire(counted, settings, catalog);
        detections.add("failure-rate", DetectionStage.DISTRICT_CATEGORY, byCategory.failureRate())
                .add("opinion", DetectionStage.DISTRICT_CATEGORY, byCategory.opinion())
                .add("fusion", DetectionStage.DISTRICT_CATEGORY, byCategory.fusion())
                .add("food-hazard-cluster", DetectionStage.DISTRICT_CATEGORY, byCategory.foodHazardClusters());
        detections.add("count-aberrations", DetectionStage.DISTRICT_CATEGORY, DailyCountWiring.detectAberrations(counted, settings));
        if (settings.counts().anyPooled()) {
            detections.add("pooled-count-aberrations", DetectionStage.CITY_CATEGORY, PooledCountWiring.wire(intake, settings));
        }
        detections.add("syndrome-aberrations", DetectionStage.DISTRICT_SYNDROME, SyndromeWiring.wire(builder, intake, settings));
        detections.add("plan-targets", DetectionStage.SAMPLING_BY_DISTRICT, PlanTargetWiring.wire(signals, settings.zone(), catalog));
        EnterpriseWiring.Detections byEnterprise = EnterpriseWiring.wire(signals, settings);
        detections.add("repeat-offender", DetectionStage.ENTERPRISE, byEnterprise.repeatOffenders());
        IllnessClusterWiring.Detections illnessClusters = IllnessClusterWiring.wire(intake, settings);
        detections.add("illness-cluster", DetectionStage.EXPOSURE_PLACE, illnessClusters.clusters())
                .add("illness-spacetime", DetectionStage.UNPLACED_CASES_BY_DISTRICT, illnessClusters.spaceTime());
        DetectorBuilder.Inputs inputs = new DetectorBuilder.Inputs(settings, catalog, intake, counted.signals(),
                byEnterprise.byEnterprise());
        for (DetectorBuilder<?> detector : detectors) {
            detections.add(detector.name(), detector.stage(), detector.buildFrom(inputs));
        }

        AlertWiring.wire(builder, detections, settings, catalog, counters);
        DisposalWiring.wire(builder, signals, settings, catalog, counters);
        RecordLifecycleWiring.wire(builder, RecordLifecycleWiring.consultations(), settings.zone(), counters);
        RecordLifecycleWiring.wire(builder, RecordLifecycleWiring.communications(), settings.zone(), counters);
        ReceivedAlertWiring.wire(builder, settings.exchange(), settings.zone(), counters);
        return builder.build();
    }
}
