package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.SpaceTimeClusterRule;
import org.foodrisk.detect.TownCases;
import org.foodrisk.ingest.Signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Cases without a common place, keyed by district; applies {@link SpaceTimeClusterRule} to each day
 * once the stage's watermark (the slowest input task's arrival clock, {@link WatermarkProcessor}) has
 * passed its end by the grace. Days are judged in order; a case reported after its day was judged
 * makes the days from it be judged again with the next one (a cluster it completes is raised late,
 * one it grows is updated); a long silence is caught up for at most one cluster length (older days
 * can no longer be the end of a current cluster).
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
        if (signal == null) {
            if (ClockTicks.WATERMARK_KEY.equals(record.key())) {
                closeDays(record.timestamp());
            }
            return;
        }
        String district = record.key();
        TownCases cases = Optional.ofNullable(store.get(district)).orElse(TownCases.empty());
        LocalDate day = signal.eventTime().atZoneSameInstant(zone).toLocalDate();
        if (signal.sign() < 0) {
            cases = cases.without(signal.id());
        } else {
            String town = IllnessClusterWiring.townOf(signal);
            cases = cases.with(new TownCases.TownCase(signal.id(), town, signal.eventTime(), signal.summary()),
                    Duration.ofDays(rule.studyDays() + MAX_CATCH_UP_DAYS + 1L));
        }
        // A case of a day already judged: the days from it are judged again when the next day closes
        // (within the catch-up: older days can no longer be the end of a current cluster).
        if (cases.judgedThrough() != null) {
            cases = cases.changedOn(day, cases.judgedThrough().minusDays(MAX_CATCH_UP_DAYS - 1L));
        }
        store.put(district, cases);
    }

    /** Judges, district by district, the days the stage's watermark has closed and the judged days late cases changed. */
    private void closeDays(long watermark) {
        LocalDate lastClosed = Instant.ofEpochMilli(watermark).minus(grace).atZone(zone).toLocalDate().minusDays(1);
        List<KeyValue<String, TownCases>> districts = new ArrayList<>();
        try (KeyValueIterator<String, TownCases> all = store.all()) {
            all.forEachRemaining(districts::add);
        }
        for (KeyValue<String, TownCases> entry : districts) {
            TownCases cases = entry.value;
            if (cases.cases().isEmpty() && cases.rejudgeFrom() == null) {
                continue;
            }
            LocalDate from = cases.judgedThrough() == null ? lastClosed : cases.judgedThrough().plusDays(1);
            if (cases.rejudgeFrom() != null && cases.rejudgeFrom().isBefore(from)) {
                from = cases.rejudgeFrom();
            }
            if (from.isBefore(lastClosed.minusDays(MAX_CATCH_UP_DAYS - 1L))) {
                from = lastClosed.minusDays(MAX_CATCH_UP_DAYS - 1L);
            }
            if (from.isAfter(lastClosed)) {
                continue;
            }
            String districtName = Districts.byCode(entry.key).map(District::name).orElse(null);
            for (LocalDate day = from; !day.isAfter(lastClosed); day = day.plusDays(1)) {
                Optional<Detection> detection = rule.evaluate(entry.key, districtName, cases.cases(), day, zone);
                if (detection.isPresent()) {
                    context().forward(new Record<>(detection.get().dedupKey(), detection.get(),
                            day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()));
                }
            }
            LocalDate judged = cases.judgedThrough() == null || lastClosed.isAfter(cases.judgedThrough())
                    ? lastClosed : cases.judgedThrough();
            store.put(entry.key, cases.judgedThrough(judged));
        }
    }
}
