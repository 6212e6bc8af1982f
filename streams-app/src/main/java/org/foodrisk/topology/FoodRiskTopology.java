package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertIds;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.detect.CaseHistory;
import org.foodrisk.disposal.CaseLifecycle;
import org.foodrisk.disposal.DisposalCase;
import org.foodrisk.disposal.DisposalUnits;
import org.foodrisk.detect.ComplaintRepeatRule;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.CriticalHazardRule;
import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.Farrington;
import org.foodrisk.detect.aberration.FarringtonFlexible;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.FusionRule;
import org.foodrisk.detect.HourlyVolume;
import org.foodrisk.detect.IllnessClusterRule;
import org.foodrisk.detect.IncubationPeriods;
import org.foodrisk.detect.OutbreakDefinition;
import org.foodrisk.detect.SpaceTimeClusterRule;
import org.foodrisk.detect.TownCases;
import org.foodrisk.detect.OpinionSpikeRule;
import org.foodrisk.detect.PlanTargetRule;
import org.foodrisk.detect.RecentSignals;
import org.foodrisk.detect.RumourRule;
import org.foodrisk.detect.DailyTally;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.FailureRateRule;
import org.foodrisk.detect.OffenderHistory;
import org.foodrisk.detect.RepeatOffenderRule;
import org.foodrisk.detect.BernoulliCusum;
import org.foodrisk.detect.FailureBaseline;
import org.foodrisk.detect.FoodHazardClusterRule;
import org.foodrisk.detect.FoodHazardDay;
import org.foodrisk.detect.FoodHazardEpisode;
import org.foodrisk.ingest.SamplingPrograms;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.kafka.JsonSerde;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.plan.PassRateTargets;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.PlanRouter;
import org.foodrisk.topics.Topics;

import java.util.ArrayList;
import java.util.List;

/**
 * The foodrisk topology, built by one function from settings and the plan catalog:
 *
 * <pre>
 *  4 input topics ─ intake-* ─┬─ dead letters ──────────────────────────────► foodrisk.dead-letters.v1
 *                             └─ dedup-* (store) ─ emit-clock-ticks ─ signals ─ track-event-clock (the summaries' clock)
 *                                  └─ dead letters: new content under an id another publisher owns
 *                                  (arrival-clock ticks to every partition of the day-closing stages) ─┐
 *  [stage] ─ watermark-<stage>: the smallest tick of all input tasks closes days ─────────────────────┘
 *  signals ─ detect-critical-hazard ───────────────────────────────────┐
 *  signals ─ [by district|category] ─ count-daily ─┬ detect-failure-rate ─┤  (监督抽检 only)
 *                                                  ├ detect-food-hazard-cluster ─┤ (Bernoulli CUSUM per food × hazard)
 *                                                  ├ detect-count-aberrations (EARS C2 when a day closes,
 *                                                  │   farringtonFlexible when a week closes) ─┤
 *                                                  ├ detect-opinion ──────┤  (24 h spike, rumour)
 *                                                  └ detect-fusion ───────┤
 *  signals ─ [by enterprise] ─┬ detect-repeat-offender ──────────────────┤
 *                             └ detect-complaint-repeat ─────────────────┤
 *  illness ─ [by district|syndrome] ─ count-daily-syndrome ─ detect-syndrome-aberrations ─┤
 *  signals ─ [by exposure place] ─ detect-illness-cluster ───────────────┤
 *  illness without place, with town ─ [by district] ─ detect-illness-spacetime ─┤
 *  sampling (监督抽检) ─ [by district] ─ detect-plan-targets ────────────────────────┤
 *                                        detections ─┐
 *  foodrisk.alert-actions.v1 ─ intake-alert-actions ─┴ [by alertId] ─ alert-state ─► foodrisk.alerts.v1
 *                                          (wall-clock punctuation: overdue)   └─► dead letters (refused actions)
 *  signals (监督抽检 results) ─┐
 *  foodrisk.disposal-actions.v1 ─ intake-disposal-actions ─┴ [by caseId] ─ disposal-case-state ─► foodrisk.disposal-cases.v1
 *                                          (wall-clock punctuation: overdue)          └─► dead letters (refused actions)
 *  foodrisk.plan-catalog.v1 ─► global store ─► routing catalog
 * </pre>
 *
 * Every processor, store and repartition topic is named, so that the names of internal topics
 * and changelogs stay stable when the topology grows (renaming one would orphan its state).
 */
public final class FoodRiskTopology {

    private static final JsonSerde<Signal> SIGNAL = JsonSerde.of(Signal.class);
    private static final JsonSerde<Detection> DETECTION = JsonSerde.of(Detection.class);
    private static final JsonSerde<Alert> ALERT = JsonSerde.of(Alert.class);
    private static final JsonSerde<AlertCommand> COMMAND = JsonSerde.of(AlertCommand.class);
    private static final JsonSerde<DeadLetter> DEAD_LETTER = JsonSerde.of(DeadLetter.class);
    private static final JsonSerde<DisposalCase> DISPOSAL_CASE = JsonSerde.of(DisposalCase.class);
    private static final JsonSerde<DisposalCommand> DISPOSAL_COMMAND = JsonSerde.of(DisposalCommand.class);

    private FoodRiskTopology() {
    }

    public static Topology build(TopologySettings settings, PlanCatalog catalog) {
        return build(settings, catalog, OutputCounters.NONE);
    }

    /** @param counters told of every alert and dead letter written (operations metrics) */
    public static Topology build(TopologySettings settings, PlanCatalog catalog, OutputCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        RecordIntake intake = new RecordIntake(settings.futureTolerance());

        addPlanCatalog(builder, catalog);

        List<KStream<String, Signal>> perInput = new ArrayList<>();
        for (InputTopic input : InputTopic.values()) {
            perInput.add(ingest(builder, input, intake, counters));
        }
        KStream<String, Signal> merged = perInput.get(0);
        for (int i = 1; i < perInput.size(); i++) {
            merged = merged.merge(perInput.get(i), Named.as("merge-signals-" + InputTopic.values()[i].shortName()));
        }
        // The arrival clock of each input task, sent as ticks behind its records to the stages that close days.
        // Cached: nearly every record in arrival order moves the clock; the changelog needs its value once a commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ARRIVAL_CLOCK),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        KStream<String, Signal> clocked = merged.process(() -> new ArrivalClockProcessor(settings.time()),
                Named.as("emit-clock-ticks"), StoreNames.ARRIVAL_CLOCK);
        KStream<String, Signal> ticks = clocked.filter((id, value) -> value == null, Named.as("filter-clock-ticks"));
        KStream<String, Signal> signals = clocked.filter((id, value) -> value != null, Named.as("filter-signals"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.EVENT_CLOCK),
                Serdes.String(), Serdes.Long()));
        signals.process(EventClockProcessor::new, Named.as("track-event-clock"), StoreNames.EVENT_CLOCK);

        KStream<String, Detection> critical = signals.flatMapValues(CriticalHazardRule::evaluate,
                Named.as("detect-critical-hazard"));

        builder.addStateStore(store(StoreNames.DAILY_COUNTS, JsonSerde.of(DailyCount.class)));
        // Counted signals and the stage's watermarks (null values): only the day-closing detector reads the latter.
        KStream<String, Signal> countedWithWatermarks = withWatermark(builder,
                signals.selectKey((id, signal) -> signal.districtCategoryKey(), Named.as("key-by-district-category")),
                ticks, "signals-by-district-category", settings)
                .process(() -> new DailyCountsProcessor(settings.zone(), StoreNames.DAILY_COUNTS, catalog), Named.as("count-daily"),
                        StoreNames.DAILY_COUNTS);
        KStream<String, Signal> byDistrictCategory = countedWithWatermarks
                .filter((key, signal) -> signal != null, Named.as("filter-counted-signals"));

        builder.addStateStore(store(StoreNames.FAILURE_RATE_TALLIES, JsonSerde.of(DailyTally.class)));
        PassRateTargets targets = new PassRateTargets(catalog, settings.defaultPassRates(), settings.defaultPassRate());
        FailureRateRule failureRateRule = new FailureRateRule(settings.failureRateMinSamples(), settings.failureRateAlpha(),
                settings.levels());
        KStream<String, Detection> failureRate = byDistrictCategory
                .process(() -> new FailureRateProcessor(failureRateRule, targets, settings),
                        Named.as("detect-failure-rate"), StoreNames.FAILURE_RATE_TALLIES);

        builder.addStateStore(store(StoreNames.FOOD_HAZARD_TALLIES, JsonSerde.of(FoodHazardDay.class)));
        builder.addStateStore(store(StoreNames.FOOD_HAZARD_EPISODES, JsonSerde.of(FoodHazardEpisode.class)));
        FoodHazardSettings foodHazard = settings.foodHazard();
        FoodHazardClusterRule foodHazardRule = new FoodHazardClusterRule(
                new BernoulliCusum(foodHazard.oddsRatio(), foodHazard.threshold()),
                new FailureBaseline(foodHazard.priorWeight()), settings.levels());
        KStream<String, Detection> foodHazardClusters = byDistrictCategory
                .process(() -> new FoodHazardClusterProcessor(foodHazardRule, foodHazard, settings.zone()),
                        Named.as("detect-food-hazard-cluster"), StoreNames.FOOD_HAZARD_TALLIES,
                        StoreNames.FOOD_HAZARD_EPISODES);

        builder.addStateStore(store(StoreNames.OPINION_HOURLY, JsonSerde.of(HourlyVolume.class)));
        OpinionSpikeRule spikeRule = new OpinionSpikeRule(settings.opinionAlpha(), settings.opinionMinPosts(), settings.levels());
        RumourRule rumourRule = new RumourRule(settings.rumourMinReach(), settings.levels());
        KStream<String, Detection> opinion = byDistrictCategory
                .process(() -> new OpinionProcessor(spikeRule, rumourRule, settings.zone()),
                        Named.as("detect-opinion"), StoreNames.OPINION_HOURLY);

        builder.addStateStore(store(StoreNames.FUSION_WINDOW, JsonSerde.of(RecentSignals.class)));
        FusionRule fusionRule = new FusionRule(settings.fusionWindow(), settings.fusionMinSignals());
        KStream<String, Detection> fusion = byDistrictCategory
                .process(() -> new FusionProcessor(fusionRule), Named.as("detect-fusion"), StoreNames.FUSION_WINDOW);

        // Cached: the report-delay tallies in it are rewritten with every record; under exactly-once the cache
        // is flushed with each commit, so the changelog gets one record per key and commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ABERRATION_PROGRESS),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        CountAberrationRule countRule = new CountAberrationRule(
                AberrationMethods.create(settings.countMethod(), settings.countMethodOptions(), Frequency.DAY),
                settings.countHistoryDays(), settings.countMinEvents(), CountAberrationRule.Dimension.FOOD_CATEGORY,
                settings.levels());
        CountAberrationRule weeklyRule = weeklyRule(settings);
        org.foodrisk.detect.ComparableDays comparableDays = new org.foodrisk.detect.ComparableDays(
                org.foodrisk.detect.ComparableDays.Mode.of(settings.countBaseline()),
                org.foodrisk.reference.HolidayCalendar.china());
        KStream<String, Detection> countAberrations = countedWithWatermarks
                .process(() -> new PeriodAberrationProcessor(countRule, weeklyRule, comparableDays, settings.zone(),
                                settings.dayCloseGrace(), settings.time().rejudgeHorizon(), StoreNames.DAILY_COUNTS,
                                StoreNames.ABERRATION_PROGRESS),
                        Named.as("detect-count-aberrations"), StoreNames.DAILY_COUNTS, StoreNames.ABERRATION_PROGRESS);

        // Illness per district × syndrome: its own partitioning, so each series is counted whole in one task.
        builder.addStateStore(store(StoreNames.SYNDROME_DAILY_COUNTS, JsonSerde.of(DailyCount.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.SYNDROME_ABERRATION_PROGRESS), Serdes.String(), Serdes.String())
                .withCachingEnabled());
        CountAberrationRule syndromeRule = new CountAberrationRule(
                AberrationMethods.create(settings.countMethod(), settings.countMethodOptions(), Frequency.DAY),
                settings.countHistoryDays(), settings.countMinEvents(), CountAberrationRule.Dimension.SYNDROME,
                settings.levels());
        KStream<String, Signal> syndromeCases = signals
                .filter((id, s) -> s.type() == SignalType.ILLNESS && s.districtCode() != null && syndromeOf(s) != null,
                        Named.as("filter-syndrome-cases"))
                .selectKey((id, s) -> s.districtCode() + "|" + syndromeOf(s), Named.as("key-by-district-syndrome"));
        KStream<String, Detection> syndromeAberrations = withWatermark(builder, syndromeCases, ticks,
                        "cases-by-district-syndrome", settings)
                .process(() -> new DailyCountsProcessor(settings.zone(), StoreNames.SYNDROME_DAILY_COUNTS),
                        Named.as("count-daily-syndrome"), StoreNames.SYNDROME_DAILY_COUNTS)
                .process(() -> new PeriodAberrationProcessor(syndromeRule, null, comparableDays, settings.zone(), settings.dayCloseGrace(),
                                settings.time().rejudgeHorizon(), StoreNames.SYNDROME_DAILY_COUNTS,
                                StoreNames.SYNDROME_ABERRATION_PROGRESS),
                        Named.as("detect-syndrome-aberrations"), StoreNames.SYNDROME_DAILY_COUNTS,
                        StoreNames.SYNDROME_ABERRATION_PROGRESS);

        builder.addStateStore(store(StoreNames.PLAN_PROGRESS, JsonSerde.of(DistrictYearTotals.class)));
        PlanTargetRule targetRule = new PlanTargetRule();
        KStream<String, Detection> planTargets = signals
                // Every program: the plan totals keep to the programs that count in pass rates, but some targets
                // name 快检 or 风险监测 (蓟州: 生鲜乳快速检测586个) and are tallied from them (PlanTargetProcessor).
                .filter((id, s) -> s.type() == SignalType.SAMPLING && s.districtCode() != null,
                        Named.as("filter-district-sampling"))
                .selectKey((id, signal) -> signal.districtCode(), Named.as("key-by-district"))
                .repartition(Repartitioned.with(Serdes.String(), SIGNAL).withName("sampling-by-district"))
                .process(() -> new PlanTargetProcessor(catalog, targetRule, settings.zone()),
                        Named.as("detect-plan-targets"), StoreNames.PLAN_PROGRESS);

        KStream<String, Signal> byEnterprise = signals
                .filter((id, s) -> s.enterpriseKey() != null
                                && ((s.type() == SignalType.SAMPLING && s.failed()) || s.type() == SignalType.COMPLAINT),
                        Named.as("filter-enterprise-signals"))
                .selectKey((id, signal) -> signal.enterpriseKey(), Named.as("key-by-enterprise"))
                .repartition(Repartitioned.with(Serdes.String(), SIGNAL).withName("signals-by-enterprise"));
        builder.addStateStore(store(StoreNames.OFFENDER_HISTORY, JsonSerde.of(OffenderHistory.class)));
        RepeatOffenderRule repeatRule = new RepeatOffenderRule(settings.repeatOffenderWindow(),
                settings.repeatOffenderMinFailures());
        KStream<String, Detection> repeatOffenders = byEnterprise
                .filter((key, s) -> s.type() == SignalType.SAMPLING, Named.as("filter-enterprise-failures"))
                .process(() -> new RepeatOffenderProcessor(repeatRule), Named.as("detect-repeat-offender"),
                        StoreNames.OFFENDER_HISTORY);
        builder.addStateStore(store(StoreNames.COMPLAINTS_BY_ENTERPRISE, JsonSerde.of(CaseHistory.class)));
        ComplaintRepeatRule complaintRule = new ComplaintRepeatRule(settings.complaintWindow(), settings.complaintMinCount(),
                settings.levels());
        KStream<String, Detection> repeatComplaints = byEnterprise
                .filter((key, s) -> s.type() == SignalType.COMPLAINT, Named.as("filter-enterprise-complaints"))
                .process(() -> new ComplaintRepeatProcessor(complaintRule), Named.as("detect-complaint-repeat"),
                        StoreNames.COMPLAINTS_BY_ENTERPRISE);

        builder.addStateStore(store(StoreNames.ILLNESS_CLUSTERS, JsonSerde.of(CaseHistory.class)));
        OutbreakDefinition outbreaks = new OutbreakDefinition(IncubationPeriods.bundled(),
                settings.clusterExposureWindow(), settings.clusterGap());
        IllnessClusterRule clusterRule = new IllnessClusterRule(outbreaks, settings.clusterMinCases(), settings.levels());
        // A case whose place has no key (家中 without address …) can join no one: it is not repartitioned.
        KStream<String, Detection> clusters = signals
                .filter((id, s) -> s.type() == SignalType.ILLNESS && s.place() != null && s.place().key() != null,
                        Named.as("filter-exposed-cases"))
                .selectKey((id, signal) -> signal.place().key(), Named.as("key-by-exposure-place"))
                .repartition(Repartitioned.with(Serdes.String(), SIGNAL).withName("cases-by-exposure-place"))
                .process(() -> new IllnessClusterProcessor(clusterRule), Named.as("detect-illness-cluster"),
                        StoreNames.ILLNESS_CLUSTERS);

        // Cases with a town but no place that tells them apart: the space–time permutation scan by district.
        builder.addStateStore(store(StoreNames.ILLNESS_SPACETIME, JsonSerde.of(TownCases.class)));
        SpaceTimeClusterRule spaceTimeRule = SpaceTimeClusterRule.defaults();
        KStream<String, Signal> unplacedCases = signals
                .filter((id, s) -> s.type() == SignalType.ILLNESS && s.districtCode() != null && townOf(s) != null
                        && (s.place() == null || s.place().key() == null), Named.as("filter-unplaced-town-cases"))
                .selectKey((id, s) -> s.districtCode(), Named.as("key-unplaced-cases-by-district"));
        KStream<String, Detection> spaceTime = withWatermark(builder, unplacedCases, ticks, "unplaced-cases-by-district",
                        settings)
                .process(() -> new SpaceTimeScanProcessor(spaceTimeRule, settings.zone(), settings.dayCloseGrace()),
                        Named.as("detect-illness-spacetime"), StoreNames.ILLNESS_SPACETIME);

        builder.addStateStore(store(StoreNames.ALERTS, ALERT));
        PlanRouter router = new PlanRouter(catalog);
        KStream<String, AlertCommand> detections = critical
                .merge(failureRate, Named.as("merge-detections-failure-rate"))
                .merge(repeatOffenders, Named.as("merge-detections-repeat-offender"))
                .merge(repeatComplaints, Named.as("merge-detections-complaint-repeat"))
                .merge(clusters, Named.as("merge-detections-illness-cluster"))
                .merge(spaceTime, Named.as("merge-detections-illness-spacetime"))
                .merge(opinion, Named.as("merge-detections-opinion"))
                .merge(fusion, Named.as("merge-detections-fusion"))
                .merge(countAberrations, Named.as("merge-detections-count-aberrations"))
                .merge(syndromeAberrations, Named.as("merge-detections-syndrome-aberrations"))
                .merge(planTargets, Named.as("merge-detections-plan-targets"))
                .merge(foodHazardClusters, Named.as("merge-detections-food-hazard-cluster"))
                .mapValues(AlertCommand::of, Named.as("as-detection-command"));
        KStream<String, Object> actionIntake = builder
                .stream(Topics.ALERT_ACTIONS, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source-alert-actions"))
                .process(ActionIntakeProcessor::new, Named.as("intake-alert-actions"));
        KStream<String, AlertCommand> actions = actionIntake
                .filter((key, value) -> value instanceof AlertCommand, Named.as("filter-accepted-actions"))
                .mapValues(value -> (AlertCommand) value, Named.as("as-action-command"));
        deadLetters(actionIntake, "alert-actions", counters);

        KStream<String, Object> alertOutput = detections
                .merge(actions, Named.as("merge-alert-commands"))
                .selectKey((key, command) -> command.detection() != null
                        ? AlertIds.of(command.detection().dedupKey()) : command.action().alertId(), Named.as("key-by-alert"))
                .repartition(Repartitioned.with(Serdes.String(), COMMAND).withName("alert-commands-by-alert"))
                .process(() -> new AlertProcessor(router, settings.zone(), AlertLifecycle.defaults(),
                        settings.overdueCheckEvery(), settings.deadlines()), Named.as("alert-state"), StoreNames.ALERTS);
        alertOutput.filter((key, value) -> value instanceof Alert, Named.as("filter-alerts"))
                .mapValues(value -> (Alert) value, Named.as("as-alert"))
                .peek((key, alert) -> counters.alert(alert), Named.as("count-alerts"))
                .to(Topics.ALERTS, Produced.with(Serdes.String(), ALERT).withName("sink-alerts"));
        deadLetters(alertOutput, "alert-state", counters);

        addDisposalCases(builder, signals, settings, catalog, counters);

        return builder.build();
    }

    /**
     * 核查处置 cases (issue 15): every 不合格 result of 监督抽检 opens a case for the unit of its stage and
     * district, keyed by sampleId (the dedup stores upstream already make a re-delivery nothing; the case
     * store keyed by the same id makes a correction update, not reopen). Results and the units' actions meet
     * in one repartition topic keyed by caseId, so one task owns each case; overdue is marked on the wall
     * clock. Results of every supervision program go through, 合格 ones too: a correction to 合格 withdraws
     * a case no one has acted on.
     */
    private static void addDisposalCases(StreamsBuilder builder, KStream<String, Signal> signals,
                                         TopologySettings settings, PlanCatalog catalog, OutputCounters counters) {
        KStream<String, DisposalCommand> results = signals
                .filter((id, s) -> s.type() == SignalType.SAMPLING && SamplingPrograms.isSupervision(s.tagValue("program")),
                        Named.as("filter-supervision-results"))
                .mapValues(DisposalCommand::of, Named.as("as-disposal-result-command"));
        KStream<String, Object> actionIntake = builder
                .stream(Topics.DISPOSAL_ACTIONS, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("source-disposal-actions"))
                .process(DisposalActionIntakeProcessor::new, Named.as("intake-disposal-actions"));
        deadLetters(actionIntake, "disposal-actions", counters);
        KStream<String, DisposalCommand> actions = actionIntake
                .filter((key, value) -> value instanceof DisposalCommand, Named.as("filter-accepted-disposal-actions"))
                .mapValues(value -> (DisposalCommand) value, Named.as("as-disposal-action-command"));

        builder.addStateStore(store(StoreNames.DISPOSAL_CASES, DISPOSAL_CASE));
        CaseLifecycle lifecycle = new CaseLifecycle(CaseLifecycle.supervising(), new DisposalUnits(catalog),
                settings.disposal());
        KStream<String, Object> output = results
                .merge(actions, Named.as("merge-disposal-commands"))
                .selectKey((key, command) -> command.result() != null ? command.result().id() : command.action().caseId(),
                        Named.as("key-by-case"))
                .repartition(Repartitioned.with(Serdes.String(), DISPOSAL_COMMAND).withName("disposal-commands-by-case"))
                .process(() -> new DisposalCaseProcessor(lifecycle, settings.zone(), settings.overdueCheckEvery()),
                        Named.as("disposal-case-state"), StoreNames.DISPOSAL_CASES);
        output.filter((key, value) -> value instanceof DisposalCase, Named.as("filter-disposal-cases"))
                .mapValues(value -> (DisposalCase) value, Named.as("as-disposal-case"))
                .to(Topics.DISPOSAL_CASES, Produced.with(Serdes.String(), DISPOSAL_CASE).withName("sink-disposal-cases"));
        deadLetters(output, "disposal-case-state", counters);
    }

    /**
     * Repartitions a keyed stage with the input tasks' clock ticks sent to every one of its partitions,
     * and turns them into the stage's watermark (a null-valued record, key {@link ClockTicks#WATERMARK_KEY})
     * among its signals.
     */
    private static KStream<String, Signal> withWatermark(StreamsBuilder builder, KStream<String, Signal> keyed,
                                                         KStream<String, Signal> ticks, String stage,
                                                         TopologySettings settings) {
        String store = StoreNames.watermark(stage);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(),
                Serdes.Long()));
        return keyed.merge(ticks, Named.as("merge-ticks-" + stage))
                .repartition(Repartitioned.with(Serdes.String(), SIGNAL).withName(stage)
                        .withStreamPartitioner(ClockTicks.multicastTicks()))
                .process(() -> new WatermarkProcessor(store, settings.time().upstreamTasks()), Named.as("watermark-" + stage),
                        store);
    }

    private static KStream<String, Signal> ingest(StreamsBuilder builder, InputTopic input, RecordIntake intake,
                                                  OutputCounters counters) {
        String name = input.shortName();
        String dedupStore = StoreNames.dedup(input);
        builder.addStateStore(store(dedupStore, JsonSerde.of(SeenRecord.class)));
        KStream<String, Object> outcomes = builder
                .stream(input.topic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source-" + name))
                .process(() -> new IntakeProcessor(input, intake), Named.as("intake-" + name));
        deadLetters(outcomes, name, counters);
        KStream<String, Object> deduplicated = outcomes
                .filter((key, value) -> value instanceof Admitted, Named.as("filter-accepted-" + name))
                .process(() -> new DedupProcessor(dedupStore, input, counters), Named.as("dedup-" + name), dedupStore);
        // New content under an id another publisher owns is refused there (issue 14).
        deadLetters(deduplicated, "dedup-" + name, counters);
        return deduplicated
                .filter((key, value) -> value instanceof Signal, Named.as("filter-signals-" + name))
                .mapValues(value -> (Signal) value, Named.as("as-signal-" + name));
    }

    private static void deadLetters(KStream<String, Object> outcomes, String name, OutputCounters counters) {
        outcomes.filter((key, value) -> value instanceof DeadLetter, Named.as("filter-dead-letters-" + name))
                .mapValues(value -> (DeadLetter) value, Named.as("as-dead-letter-" + name))
                .peek((key, deadLetter) -> counters.deadLetter(deadLetter), Named.as("count-dead-letters-" + name))
                .to(Topics.DEAD_LETTERS, Produced.with(Serdes.String(), DEAD_LETTER).withName("sink-dead-letters-" + name));
    }

    /** The weekly count rule, or null when foodrisk.detect.weekly-count-method is "none". */
    private static CountAberrationRule weeklyRule(TopologySettings settings) {
        if ("none".equals(settings.weeklyCountMethod())) {
            return null;
        }
        AberrationMethod method = AberrationMethods.create(settings.weeklyCountMethod(), settings.weeklyCountMethodOptions(), Frequency.WEEK);
        // History the method needs before a week (b years + w weeks for the Farrington family; else a year).
        int history = method instanceof FarringtonFlexible flexible ? flexible.requiredHistory()
                : method instanceof Farrington farrington ? farrington.requiredHistory() : 52;
        return new CountAberrationRule(method, history, settings.countMinEvents(), CountAberrationRule.Dimension.FOOD_CATEGORY,
                settings.levels(), Frequency.WEEK);
    }

    /** The town (街道/镇) a case report names (tag {@code town:<canonical name>}), or null. */
    static String townOf(Signal signal) {
        return signal.tags().stream().filter(t -> t.startsWith("town:")).map(t -> t.substring("town:".length()))
                .filter(name -> !name.isBlank()).findFirst().orElse(null);
    }

    /** The syndrome a case report names (tag {@code syndrome:<name>}), or null. */
    private static String syndromeOf(Signal signal) {
        return signal.tags().stream().filter(t -> t.startsWith("syndrome:")).map(t -> t.substring("syndrome:".length()))
                .filter(name -> !name.isBlank() && !name.contains("|")).findFirst().orElse(null);
    }

    private static void addPlanCatalog(StreamsBuilder builder, PlanCatalog catalog) {
        StoreBuilder<KeyValueStore<String, byte[]>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.PLAN_CATALOG), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled();
        builder.addGlobalStore(store, Topics.PLAN_CATALOG,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("source-plan-catalog"),
                () -> new PlanCatalogUpdater(catalog));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, JsonSerde<V> serde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde);
    }
}
