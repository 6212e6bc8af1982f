package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.CaseHistory;
import org.foodrisk.detect.ComplaintRepeatRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

import java.util.Optional;

/**
 * {@code complaint.repeat-enterprise}, wired by itself ({@link DetectorBuilder}): the complaints about each
 * business, remembered per business and judged by {@link ComplaintRepeatRule}.
 * <pre>
 *  failed samples, complaints ─ [by enterprise] ─ filter-enterprise-complaints ─ detect-complaint-repeat
 * </pre>
 * Its settings are {@link ComplaintRepeatSettings}; the levels by count are the shared level policy's.
 */
final class ComplaintRepeatBuilder implements DetectorBuilder<ComplaintRepeatSettings> {

    /** The complaints of each business ({@link CaseHistory}, key: enterprise key); its changelog is named after it. */
    static final String STORE = "complaints-by-enterprise-store";

    @Override
    public String name() {
        return "complaint-repeat";
    }

    /** It reads {@link Inputs#enterpriseSignals()}. */
    @Override
    public DetectionStage stage() {
        return DetectionStage.ENTERPRISE;
    }

    @Override
    public ComplaintRepeatSettings defaultSettings() {
        return ComplaintRepeatSettings.defaults();
    }

    /** Directly under foodrisk.detect ({@code complaint-window}): the keys were configured so before the builder. */
    @Override
    public String settingsPrefix() {
        return "";
    }

    @Override
    public KStream<String, Detection> build(Inputs inputs, ComplaintRepeatSettings settings) {
        ComplaintRepeatRule rule = new ComplaintRepeatRule(settings.complaintWindow(), settings.complaintMinCount(),
                inputs.settings().levels());
        return inputs.enterpriseSignals()
                .filter((key, s) -> s.type() == SignalType.COMPLAINT, Named.as("filter-enterprise-complaints"))
                .process(WithStores.of(() -> new ComplaintRepeatProcessor(rule), StateStores.json(STORE, CaseHistory.class)),
                        Named.as("detect-complaint-repeat"));
    }

    /** Complaints keyed by the business they name; applies {@link ComplaintRepeatRule}. */
    static final class ComplaintRepeatProcessor extends ContextualProcessor<String, Signal, String, Detection> {

        private final ComplaintRepeatRule rule;
        private KeyValueStore<String, CaseHistory> complaints;

        ComplaintRepeatProcessor(ComplaintRepeatRule rule) {
            this.rule = rule;
        }

        @Override
        public void init(ProcessorContext<String, Detection> context) {
            super.init(context);
            complaints = context.getStateStore(STORE);
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
}
