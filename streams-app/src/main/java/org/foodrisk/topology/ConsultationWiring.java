package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.consultation.ConsultationLifecycle;
import org.foodrisk.disposal.CaseLifecycle;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.topic.TypedTopics;

/**
 * 会商 records (issue 20):
 * <pre>
 *  foodrisk.consultation-actions.v1 ─ intake-consultation-actions ─ consultation-state ─► foodrisk.consultations.v1
 *        └─► dead letters (invalid actions)                               └─► dead letters (refused actions)
 * </pre>
 * The actions topic is keyed by consultationId, so the record's store sits in the task that reads its actions:
 * no repartition. Who may record a meeting and report on a decision is checked by the API and again by the
 * lifecycle (a decision's unit or the food-safety office).
 */
final class ConsultationWiring {

    private ConsultationWiring() {
    }

    static void wire(StreamsBuilder builder, TopologySettings settings, OutputCounters counters) {
        KStream<String, ActionOutcome> intake = builder
                .stream(TypedTopics.CONSULTATION_ACTIONS.name(),
                        TypedTopics.CONSULTATION_ACTIONS.consumed("source-consultation-actions"))
                .process(ConsultationActionIntakeProcessor::new, Named.as("intake-consultation-actions"));
        DeadLetterWiring.wire(intake, "consultation-actions", counters);
        ConsultationLifecycle lifecycle = new ConsultationLifecycle(CaseLifecycle.supervising());
        KStream<String, ConsultationOutcome> output = intake
                .filter((key, value) -> value.consultationCommand() != null, Named.as("filter-accepted-consultation-actions"))
                .mapValues(ActionOutcome::consultationCommand, Named.as("as-consultation-command"))
                .process(WithStores.of(() -> new ConsultationProcessor(lifecycle, settings.zone()),
                                StateStores.json(StoreNames.CONSULTATIONS, TopologySerdes.CONSULTATION)),
                        Named.as("consultation-state"));
        output.filter((key, value) -> value.consultation() != null, Named.as("filter-consultations"))
                .mapValues(ConsultationOutcome::consultation, Named.as("as-consultation"))
                .to(TypedTopics.CONSULTATIONS.name(), TypedTopics.CONSULTATIONS.produced("sink-consultations"));
        DeadLetterWiring.wire(output, "consultation-state", counters);
    }
}
