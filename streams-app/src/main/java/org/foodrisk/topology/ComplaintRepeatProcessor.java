package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.CaseHistory;
import org.foodrisk.detect.ComplaintRepeatRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.ingest.Signal;

import java.util.Optional;

/** Complaints keyed by the business they name; applies {@link ComplaintRepeatRule}. */
final class ComplaintRepeatProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    private final ComplaintRepeatRule rule;
    private KeyValueStore<String, CaseHistory> complaints;

    ComplaintRepeatProcessor(ComplaintRepeatRule rule) {
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        complaints = context.getStateStore(StoreNames.COMPLAINTS_BY_ENTERPRISE);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        String enterpriseKey = record.key();
        CaseHistory history = Optional.ofNullable(complaints.get(enterpriseKey)).orElse(CaseHistory.empty());
        if (signal.sign() < 0) {
            complaints.put(enterpriseKey, history.without(signal.id()));
            return;
        }
        CaseHistory.Case added = new CaseHistory.Case(signal.id(), signal.eventTime(), signal.districtCode(),
                signal.districtName(), signal.foodCategory(), signal.foodName(), signal.tags(), signal.summary(),
                signal.enterpriseName(), null, null);
        CaseHistory updated = history.with(added);
        complaints.put(enterpriseKey, updated);
        rule.evaluate(enterpriseKey, signal.enterpriseName(), updated, added).ifPresent(detection ->
                context().forward(new Record<>(detection.dedupKey(), detection, record.timestamp())));
    }
}
