package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.foodrisk.ingest.SamplingPrograms;
import org.foodrisk.disposal.CaseLifecycle;
import org.foodrisk.disposal.DisposalUnits;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.topic.TypedTopics;

/**
 * 核查处置 cases (issue 15):
 * <pre>
 *  signals (监督抽检 results) ─────────────────────────────┐
 *  foodrisk.disposal-actions.v1 ─ intake-disposal-actions ─┴ [by caseId] ─ disposal-case-state ─► foodrisk.disposal-cases.v1
 *        └─► dead letters (invalid actions)   (wall-clock punctuation: overdue)  └─► dead letters (refused actions)
 * </pre>
 * Every 不合格 result of 监督抽检 opens a case for the unit of its stage and district, keyed by sampleId (the
 * dedup stores upstream already make a re-delivery nothing; the case store keyed by the same id makes a
 * correction update, not reopen). Results and the units' actions meet in one repartition topic keyed by caseId,
 * so one task owns each case; overdue is marked on the wall clock. Results of every supervision program go
 * through, 合格 ones too: a correction to 合格 withdraws a case no one has acted on.
 */
final class DisposalWiring {

    private DisposalWiring() {
    }

    static void wire(StreamsBuilder builder, KStream<String, Signal> signals, TopologySettings settings,
                     PlanCatalog catalog, OutputCounters counters) {
        KStream<String, DisposalCommand> results = signals
                .filter((id, s) -> s.type() == SignalType.SAMPLING && SamplingPrograms.isSupervision(s.tagValue("program")),
                        Named.as("filter-supervision-results"))
                .mapValues(DisposalCommand::of, Named.as("as-disposal-result-command"));
        KStream<String, ActionOutcome> actionIntake = builder
                .stream(TypedTopics.DISPOSAL_ACTIONS.name(), TypedTopics.DISPOSAL_ACTIONS.consumed("source-disposal-actions"))
                .process(DisposalActionIntakeProcessor::new, Named.as("intake-disposal-actions"));
        DeadLetterWiring.wire(actionIntake, "disposal-actions", counters);
        KStream<String, DisposalCommand> actions = actionIntake
                .filter((key, value) -> value.disposalCommand() != null, Named.as("filter-accepted-disposal-actions"))
                .mapValues(ActionOutcome::disposalCommand, Named.as("as-disposal-action-command"));

        CaseLifecycle lifecycle = new CaseLifecycle(CaseLifecycle.supervising(), new DisposalUnits(catalog),
                settings.disposal());
        KStream<String, DisposalOutcome> output = results
                .merge(actions, Named.as("merge-disposal-commands"))
                .selectKey((key, command) -> command.result() != null ? command.result().id() : command.action().caseId(),
                        Named.as("key-by-case"))
                .repartition(Repartitioned.with(TopologySerdes.KEY, TopologySerdes.DISPOSAL_COMMAND)
                        .withName("disposal-commands-by-case"))
                .process(WithStores.of(() -> new DisposalCaseProcessor(lifecycle, settings.zone(), settings.overdueCheckEvery()),
                                StateStores.json(StoreNames.DISPOSAL_CASES, TopologySerdes.DISPOSAL_CASE)),
                        Named.as("disposal-case-state"));
        output.filter((key, value) -> value.disposalCase() != null, Named.as("filter-disposal-cases"))
                .mapValues(DisposalOutcome::disposalCase, Named.as("as-disposal-case"))
                .to(TypedTopics.DISPOSAL_CASES.name(), TypedTopics.DISPOSAL_CASES.produced("sink-disposal-cases"));
        DeadLetterWiring.wire(output, "disposal-case-state", counters);
    }
}
