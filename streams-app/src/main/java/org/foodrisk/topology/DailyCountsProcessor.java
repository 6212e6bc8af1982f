package org.foodrisk.topology;

import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.TargetTally;
import java.time.LocalDate;
import java.util.Map;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.Evidence;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

import java.time.ZoneId;

/**
 * Daily counts of a series in event time (key {@code type|<record key>|day}): per district × food
 * category in {@link StoreNames#DAILY_COUNTS} (the risk matrix and the count detectors), per
 * district × syndrome in {@link StoreNames#SYNDROME_DAILY_COUNTS}. The record key is the series'
 * partitioning key, so each series lives in one task. Retractions subtract, so a corrected record
 * is counted once.
 */
final class DailyCountsProcessor extends ContextualProcessor<String, Signal, String, Signal> {

    private final ZoneId zone;
    private final String storeName;
    private final PlanCatalog catalog;
    private KeyValueStore<String, DailyCount> counts;

    DailyCountsProcessor(ZoneId zone, String storeName) {
        this(zone, storeName, null);
    }

    /** @param catalog the plans whose targets sampling results are tallied for (issue 15), or null for none */
    DailyCountsProcessor(ZoneId zone, String storeName, PlanCatalog catalog) {
        this.zone = zone;
        this.storeName = storeName;
        this.catalog = catalog;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        super.init(context);
        counts = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        if (signal == null) {
            context().forward(record); // the stage's watermark, for the processors that close days
            return;
        }
        String key = DayKeys.key(signal.type().wireName() + "|" + record.key(),
                DayKeys.day(signal.eventTime(), zone));
        DailyCount current = counts.get(key);
        DailyCount updated = (current == null ? DailyCount.empty() : current)
                .add(signal.sign(), signal.failed() || signal.hasTag("rumour"), signal.weight(),
                        signal.type() == SignalType.SAMPLING && !signal.failed() ? null
                                : new Evidence(signal.type().wireName(), signal.id(), signal.eventTime(), signal.summary()),
                        signal.agency());
        if (catalog != null && signal.type() == SignalType.SAMPLING) {
            LocalDate day = DayKeys.day(signal.eventTime(), zone);
            Map<String, long[]> entries = catalog.planFor(signal.districtCode(), signal.districtName(), day.getYear())
                    .map(plan -> TargetTally.of(plan, signal)).orElse(Map.of());
            updated = updated.withTargets(signal.sign(), entries);
        }
        if (updated.count() <= 0) {
            counts.delete(key);
        } else {
            counts.put(key, updated);
        }
        context().forward(record);
    }
}
