package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.disposal.CaseLifecycle;
import org.foodrisk.disposal.DisposalCase;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the current version of every 核查处置 case (keyed by caseId = sampleId) and turns 不合格 results and
 * the units' actions into new versions ({@link CaseLifecycle}). The store is keyed by the result's id, so
 * a result delivered twice finds its case and opens nothing. Every {@code checkEvery} of wall-clock time
 * the open cases are checked against their deadlines: overdue never waits for traffic, as for alerts.
 */
final class DisposalCaseProcessor extends ContextualProcessor<String, DisposalCommand, String, DisposalOutcome> {

    private final CaseLifecycle lifecycle;
    private final ZoneId zone;
    private final Duration checkEvery;
    private KeyValueStore<String, DisposalCase> cases;

    DisposalCaseProcessor(CaseLifecycle lifecycle, ZoneId zone, Duration checkEvery) {
        this.lifecycle = lifecycle;
        this.zone = zone;
        this.checkEvery = checkEvery;
    }

    @Override
    public void init(ProcessorContext<String, DisposalOutcome> context) {
        super.init(context);
        cases = context.getStateStore(StoreNames.DISPOSAL_CASES);
        context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, this::markOverdue);
    }

    @Override
    public void process(Record<String, DisposalCommand> record) {
        DisposalCommand command = record.value();
        DisposalCase current = cases.get(record.key());
        if (command.result() != null) {
            lifecycle.onResult(current, command.result(), now()).ifPresent(next -> emit(next, record.timestamp()));
            return;
        }
        CaseLifecycle.Outcome outcome = lifecycle.apply(current, command.action(), now());
        if (outcome.isAccepted()) {
            emit(outcome.disposalCase(), record.timestamp());
            return;
        }
        context().forward(new Record<>(record.key(), new DeadLetter(command.sourceTopic(), command.partition(),
                command.offset(), record.key(), command.rawValue(), null, "action-refused", outcome.refusal(),
                now().withOffsetSameInstant(ZoneOffset.UTC)), record.timestamp()));
    }

    private void markOverdue(long wallClockMillis) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(wallClockMillis), zone);
        List<DisposalCase> changed = new ArrayList<>();
        try (KeyValueIterator<String, DisposalCase> all = cases.all()) {
            while (all.hasNext()) {
                KeyValue<String, DisposalCase> entry = all.next();
                lifecycle.markOverdue(entry.value, now).ifPresent(changed::add);
            }
        }
        changed.forEach(c -> emit(c, wallClockMillis));
    }

    private void emit(DisposalCase next, long timestamp) {
        cases.put(next.caseId(), next);
        context().forward(new Record<>(next.caseId(), new DisposalOutcome.Version(next), timestamp));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), zone);
    }
}
