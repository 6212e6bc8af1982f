package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.SpaceTimeClusterRule;
import org.foodrisk.detect.TownCases;
import org.foodrisk.ingest.Signal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Cases without a common place, keyed by district; applies {@link SpaceTimeClusterRule} to each day
 * once it has closed in event time (its end plus the grace has passed the district's latest onset),
 * so that late reports of the day count. Days are judged once each, in order; a long silence is
 * caught up for at most one cluster length (older days can no longer be the end of a current cluster).
 */
final class SpaceTimeScanProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    private static final int MAX_CATCH_UP_DAYS = 7;

    private final SpaceTimeClusterRule rule;
    private final ZoneId zone;
    private final Duration grace;
    private KeyValueStore<String, TownCases> store;

    SpaceTimeScanProcessor(SpaceTimeClusterRule rule, ZoneId zone, Duration grace) {
        this.rule = rule;
        this.zone = zone;
        this.grace = grace;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        store = context.getStateStore(StoreNames.ILLNESS_SPACETIME);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        String district = record.key();
        TownCases cases = Optional.ofNullable(store.get(district)).orElse(TownCases.empty());
        if (signal.sign() < 0) {
            store.put(district, cases.without(signal.id()));
            return;
        }
        String town = FoodRiskTopology.townOf(signal);
        cases = cases.with(new TownCases.TownCase(signal.id(), town, signal.eventTime(), signal.summary()),
                Duration.ofDays(rule.studyDays() + MAX_CATCH_UP_DAYS + 1L));
        OffsetDateTime latest = cases.latestOnset();
        LocalDate lastClosed = latest.minus(grace).atZoneSameInstant(zone).toLocalDate().minusDays(1);
        LocalDate from = cases.judgedThrough() == null ? lastClosed : cases.judgedThrough().plusDays(1);
        if (from.isBefore(lastClosed.minusDays(MAX_CATCH_UP_DAYS - 1L))) {
            from = lastClosed.minusDays(MAX_CATCH_UP_DAYS - 1L);
        }
        for (LocalDate day = from; !day.isAfter(lastClosed); day = day.plusDays(1)) {
            Optional<Detection> detection = rule.evaluate(district, signal.districtName(), cases.cases(), day, zone);
            if (detection.isPresent()) {
                context().forward(new Record<>(detection.get().dedupKey(), detection.get(), record.timestamp()));
            }
        }
        if (!from.isAfter(lastClosed)) {
            cases = cases.judgedThrough(lastClosed);
        }
        store.put(district, cases);
    }
}
