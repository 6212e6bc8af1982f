package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.communication.RiskCommunication;
import org.foodrisk.communication.CommunicationLifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Keeps the current version of every risk communication (消费提示, 风险警示) (keyed by communicationId) and turns the actions on it into new
 * versions ({@link CommunicationLifecycle}); refused actions become dead letters with the reason. One task owns a
 * record (the actions topic is keyed by its id), so two reports on it never overwrite each other.
 */
final class CommunicationProcessor extends ContextualProcessor<String, CommunicationCommand, String, CommunicationOutcome> {

    private final CommunicationLifecycle lifecycle;
    private final ZoneId zone;
    private KeyValueStore<String, RiskCommunication> communications;

    CommunicationProcessor(CommunicationLifecycle lifecycle, ZoneId zone) {
        this.lifecycle = lifecycle;
        this.zone = zone;
    }

    @Override
    public void init(ProcessorContext<String, CommunicationOutcome> context) {
        super.init(context);
        communications = context.getStateStore(StoreNames.RISK_COMMUNICATIONS);
    }

    @Override
    public void process(Record<String, CommunicationCommand> record) {
        CommunicationCommand command = record.value();
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), zone);
        CommunicationLifecycle.Outcome outcome = lifecycle.apply(communications.get(record.key()), command.action(), now);
        if (outcome.isAccepted()) {
            RiskCommunication next = outcome.communication();
            communications.put(next.communicationId(), next);
            context().forward(new Record<>(next.communicationId(), new CommunicationOutcome.Version(next), record.timestamp()));
            return;
        }
        context().forward(new Record<>(record.key(), new DeadLetter(command.sourceTopic(), command.partition(),
                command.offset(), record.key(), command.rawValue(), null, "action-refused", outcome.refusal(),
                now.withOffsetSameInstant(ZoneOffset.UTC)), record.timestamp()));
    }
}
