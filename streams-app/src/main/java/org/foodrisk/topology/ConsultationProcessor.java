package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.consultation.Consultation;
import org.foodrisk.consultation.ConsultationLifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Keeps the current version of every 会商 record (keyed by consultationId) and turns the actions on it into new
 * versions ({@link ConsultationLifecycle}); refused actions become dead letters with the reason. One task owns a
 * record (the actions topic is keyed by its id), so two reports on it never overwrite each other.
 */
final class ConsultationProcessor extends ContextualProcessor<String, ConsultationCommand, String, ConsultationOutcome> {

    private final ConsultationLifecycle lifecycle;
    private final ZoneId zone;
    private KeyValueStore<String, Consultation> records;

    ConsultationProcessor(ConsultationLifecycle lifecycle, ZoneId zone) {
        this.lifecycle = lifecycle;
        this.zone = zone;
    }

    @Override
    public void init(ProcessorContext<String, ConsultationOutcome> context) {
        super.init(context);
        records = context.getStateStore(StoreNames.CONSULTATIONS);
    }

    @Override
    public void process(Record<String, ConsultationCommand> record) {
        ConsultationCommand command = record.value();
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), zone);
        ConsultationLifecycle.Outcome outcome = lifecycle.apply(records.get(record.key()), command.action(), now);
        if (outcome.isAccepted()) {
            Consultation next = outcome.consultation();
            records.put(next.consultationId(), next);
            context().forward(new Record<>(next.consultationId(), new ConsultationOutcome.Version(next), record.timestamp()));
            return;
        }
        context().forward(new Record<>(record.key(), new DeadLetter(command.sourceTopic(), command.partition(),
                command.offset(), record.key(), command.rawValue(), null, "action-refused", outcome.refusal(),
                now.withOffsetSameInstant(ZoneOffset.UTC)), record.timestamp()));
    }
}
