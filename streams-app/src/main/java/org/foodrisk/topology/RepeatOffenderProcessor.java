package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.OffenderHistory;
import org.foodrisk.detect.RepeatOffenderRule;
import org.foodrisk.ingest.Signal;

import java.util.Optional;
import java.util.stream.Collectors;

/** Remembers each business's failed samples (keyed by business) and applies {@link RepeatOffenderRule}. */
final class RepeatOffenderProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    private final RepeatOffenderRule rule;
    private KeyValueStore<String, OffenderHistory> histories;

    RepeatOffenderProcessor(RepeatOffenderRule rule) {
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        histories = context.getStateStore(StoreNames.OFFENDER_HISTORY);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        String enterpriseKey = record.key();
        OffenderHistory history = Optional.ofNullable(histories.get(enterpriseKey)).orElse(OffenderHistory.empty());
        if (signal.sign() < 0) {
            OffenderHistory remaining = history.without(signal.id());
            if (remaining.failures().isEmpty()) {
                histories.delete(enterpriseKey);
            } else {
                histories.put(enterpriseKey, remaining);
            }
            return;
        }
        if (!signal.failed()) {
            // A correction turned this sample into a pass: its retraction above already removed it.
            return;
        }
        OffenderHistory.Failure failure = new OffenderHistory.Failure(signal.id(), signal.eventTime(),
                signal.foodName(),
                signal.findings().stream().map(Signal.Finding::item).collect(Collectors.joining("、")),
                signal.findings().stream().anyMatch(f -> f.criticalKind() != null),
                signal.districtCode(), signal.districtName(), signal.foodCategory());
        OffenderHistory updated = history.with(failure);
        histories.put(enterpriseKey, updated);
        rule.evaluate(enterpriseKey, signal.enterpriseName(), updated, failure).ifPresent(detection ->
                context().forward(new Record<>(detection.dedupKey(), detection, record.timestamp())));
    }
}
