package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.communication.CommunicationAction;
import org.foodrisk.communication.CommunicationLifecycle;
import org.foodrisk.communication.RiskCommunication;
import org.foodrisk.consultation.Consultation;
import org.foodrisk.consultation.ConsultationAction;
import org.foodrisk.consultation.ConsultationLifecycle;
import org.foodrisk.disposal.CaseLifecycle;
import org.foodrisk.kafka.JsonSerde;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;

import java.time.ZoneId;
import java.util.function.Function;

/**
 * Records that only people's actions change (issue 20), one sub-topology each:
 * <pre>
 *  foodrisk.consultation-actions.v1 ─ intake-consultation-actions ─ consultation-state ─► foodrisk.consultations.v1
 *  foodrisk.communication-actions.v1 ─ intake-communication-actions ─ communication-state ─► foodrisk.risk-communications.v1
 *        └─► dead letters (invalid actions)                               └─► dead letters (refused actions)
 * </pre>
 * 会商 records (a meeting recorded once by the office; each decision reported on by its unit) and risk communications
 * (消费提示 / 风险警示 drafted from a confirmed alert, edited, approved by the office and never by the text's last
 * author). The actions topic is keyed by the record's id, so the record's store sits in the task that reads its
 * actions: no repartition. Who may act is checked by the API and again by each kind's lifecycle.
 */
final class RecordLifecycleWiring {

    /**
     * One kind of record: its topics, store and lifecycle, and the words its node names are made of (which name
     * changelogs: never change them).
     *
     * @param name    the actions' and state's word ({@code consultation}: intake-consultation-actions, consultation-state)
     * @param records the output's word, plural ({@code consultations}: sink-consultations)
     * @param record  the output's word, singular ({@code consultation}: as-consultation)
     */
    record Kind<R, A>(String name, String records, String record, Topic<byte[], byte[]> actions, Topic<String, R> output,
                      Class<A> actionType, String idField, Function<A, String> actionId, Function<A, String> author,
                      String storeName, JsonSerde<R> serde, Class<R> type, Function<R, String> recordId,
                      RecordStateProcessor.Lifecycle<R, A> lifecycle) {
    }

    private RecordLifecycleWiring() {
    }

    static Kind<Consultation, ConsultationAction> consultations() {
        ConsultationLifecycle lifecycle = new ConsultationLifecycle(CaseLifecycle.supervising());
        return new Kind<>("consultation", "consultations", "consultation", TypedTopics.CONSULTATION_ACTIONS,
                TypedTopics.CONSULTATIONS, ConsultationAction.class, "consultationId", ConsultationAction::consultationId,
                ConsultationAction::by, StoreNames.CONSULTATIONS, TopologySerdes.CONSULTATION, Consultation.class,
                Consultation::consultationId, (current, action, now) -> {
                    ConsultationLifecycle.Outcome outcome = lifecycle.apply(current, action, now);
                    return new RecordStateProcessor.Step<>(outcome.consultation(), outcome.refusal());
                });
    }

    static Kind<RiskCommunication, CommunicationAction> communications() {
        CommunicationLifecycle lifecycle = new CommunicationLifecycle(CaseLifecycle.supervising());
        return new Kind<>("communication", "risk-communications", "risk-communication", TypedTopics.COMMUNICATION_ACTIONS,
                TypedTopics.RISK_COMMUNICATIONS, CommunicationAction.class, "communicationId",
                CommunicationAction::communicationId, CommunicationAction::by, StoreNames.RISK_COMMUNICATIONS,
                TopologySerdes.RISK_COMMUNICATION, RiskCommunication.class, RiskCommunication::communicationId,
                (current, action, now) -> {
                    CommunicationLifecycle.Outcome outcome = lifecycle.apply(current, action, now);
                    return new RecordStateProcessor.Step<>(outcome.communication(), outcome.refusal());
                });
    }

    @SuppressWarnings("unchecked")
    static <R, A> void wire(StreamsBuilder builder, Kind<R, A> kind, ZoneId zone, OutputCounters counters) {
        KStream<String, ActionOutcome> intake = builder
                .stream(kind.actions().name(), kind.actions().consumed("source-" + kind.name() + "-actions"))
                .process(() -> new RecordActionIntake<>(kind.actions().name(), kind.actionType(), kind.idField(),
                        kind.actionId(), kind.author()), Named.as("intake-" + kind.name() + "-actions"));
        DeadLetterWiring.wire(intake, kind.name() + "-actions", counters);
        KStream<String, RecordOutcome> output = intake
                .filter((key, value) -> value.recordCommand() != null,
                        Named.as("filter-accepted-" + kind.name() + "-actions"))
                .mapValues(value -> (RecordCommand<A>) value.recordCommand(), Named.as("as-" + kind.name() + "-command"))
                .process(WithStores.of(() -> new RecordStateProcessor<>(kind.storeName(), kind.lifecycle(), kind.recordId(),
                                zone), StateStores.json(kind.storeName(), kind.serde())),
                        Named.as(kind.name() + "-state"));
        output.filter((key, value) -> value.version() != null, Named.as("filter-" + kind.records()))
                .mapValues(value -> kind.type().cast(value.version()), Named.as("as-" + kind.record()))
                .to(kind.output().name(), kind.output().produced("sink-" + kind.records()));
        DeadLetterWiring.wire(output, kind.name() + "-state", counters);
    }
}
