package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.CaseHistory;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.IllnessClusterRule;
import org.foodrisk.ingest.Signal;

import java.util.Optional;

/** Illness cases keyed by exposure place; applies {@link IllnessClusterRule}. */
final class IllnessClusterProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    private final IllnessClusterRule rule;
    private KeyValueStore<String, CaseHistory> places;

    IllnessClusterProcessor(IllnessClusterRule rule) {
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        places = context.getStateStore(StoreNames.ILLNESS_CLUSTERS);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        String placeKey = record.key();
        CaseHistory history = Optional.ofNullable(places.get(placeKey)).orElse(CaseHistory.empty());
        if (signal.sign() < 0) {
            places.put(placeKey, history.without(signal.id()));
            return;
        }
        CaseHistory.Case added = new CaseHistory.Case(signal.id(), signal.eventTime(), signal.districtCode(),
                signal.districtName(), signal.foodCategory(), signal.foodName(), signal.tags(), signal.summary(),
                signal.place().name(), signal.place().type(), null, signal.place().exposureAt());
        CaseHistory updated = history.with(added);
        Optional<IllnessClusterRule.Result> result = rule.evaluate(placeKey, updated, signal.id());
        if (result.isPresent()) {
            updated = updated.anchored(result.get().episode(), result.get().anchor());
            Detection detection = result.get().detection();
            context().forward(new Record<>(detection.dedupKey(), detection, record.timestamp()));
        }
        places.put(placeKey, updated);
    }
}
