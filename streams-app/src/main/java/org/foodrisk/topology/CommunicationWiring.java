package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.communication.CommunicationLifecycle;
import org.foodrisk.disposal.CaseLifecycle;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.topic.TypedTopics;

/**
 * Risk communication drafts (issue 20):
 * <pre>
 *  foodrisk.communication-actions.v1 ─ intake-communication-actions ─ communication-state ─► foodrisk.risk-communications.v1
 *        └─► dead letters (invalid actions)                               └─► dead letters (refused actions)
 * </pre>
 * The actions topic is keyed by communicationId, so the draft's store sits in the task that reads its actions:
 * no repartition. Who may draft, edit and approve is checked by the API; approval again by the lifecycle (the
 * food-safety office, never the text's last author).
 */
final class CommunicationWiring {

    private CommunicationWiring() {
    }

    static void wire(StreamsBuilder builder, TopologySettings settings, OutputCounters counters) {
        KStream<String, ActionOutcome> intake = builder
                .stream(TypedTopics.COMMUNICATION_ACTIONS.name(),
                        TypedTopics.COMMUNICATION_ACTIONS.consumed("source-communication-actions"))
                .process(CommunicationActionIntakeProcessor::new, Named.as("intake-communication-actions"));
        DeadLetterWiring.wire(intake, "communication-actions", counters);
        CommunicationLifecycle lifecycle = new CommunicationLifecycle(CaseLifecycle.supervising());
        KStream<String, CommunicationOutcome> output = intake
                .filter((key, value) -> value.communicationCommand() != null, Named.as("filter-accepted-communication-actions"))
                .mapValues(ActionOutcome::communicationCommand, Named.as("as-communication-command"))
                .process(WithStores.of(() -> new CommunicationProcessor(lifecycle, settings.zone()),
                                StateStores.json(StoreNames.RISK_COMMUNICATIONS, TopologySerdes.RISK_COMMUNICATION)),
                        Named.as("communication-state"));
        output.filter((key, value) -> value.communication() != null, Named.as("filter-risk-communications"))
                .mapValues(CommunicationOutcome::communication, Named.as("as-risk-communication"))
                .to(TypedTopics.RISK_COMMUNICATIONS.name(), TypedTopics.RISK_COMMUNICATIONS.produced("sink-risk-communications"));
        DeadLetterWiring.wire(output, "communication-state", counters);
    }
}
