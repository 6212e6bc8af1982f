package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.Evidence;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

import java.time.ZoneId;

/**
 * Daily counts per signal type × district × food category, in event time (key
 * {@code type|district|category|day}). They feed the risk matrix and the count-based detectors;
 * retractions subtract, so a corrected record is counted once.
 */
final class DailyCountsProcessor extends ContextualProcessor<String, Signal, String, Signal> {

    private final ZoneId zone;
    private KeyValueStore<String, DailyCount> counts;

    DailyCountsProcessor(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        super.init(context);
        counts = context.getStateStore(StoreNames.DAILY_COUNTS);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        String key = DayKeys.key(signal.type().wireName() + "|" + signal.districtCategoryKey(),
                DayKeys.day(signal.eventTime(), zone));
        DailyCount current = counts.get(key);
        DailyCount updated = (current == null ? DailyCount.empty() : current)
                .add(signal.sign(), signal.failed() || signal.hasTag("rumour"), signal.weight(),
                        signal.type() == SignalType.SAMPLING && !signal.failed() ? null
                                : new Evidence(signal.type().wireName(), signal.id(), signal.eventTime(), signal.summary()),
                        signal.agency());
        if (updated.count() <= 0) {
            counts.delete(key);
        } else {
            counts.put(key, updated);
        }
        context().forward(record);
    }
}
