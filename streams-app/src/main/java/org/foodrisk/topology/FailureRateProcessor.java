package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.DailyTally;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Evidence;
import org.foodrisk.detect.FailureRateRule;
import org.foodrisk.plan.PassRateTarget;
import org.foodrisk.ingest.SamplingPrograms;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.plan.PassRateTargets;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps day tallies of sampling results per district × category and judges the pass rate of
 * the window that ends on each new failure's day. A late lab report simply lands in its own
 * day's tally — the store keeps days, not windows that close — so no late record is dropped,
 * and replaying history gives the same tallies as live traffic.
 */
final class FailureRateProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    private final FailureRateRule rule;
    private final PassRateTargets targets;
    private final ZoneId zone;
    private final Duration window;
    private KeyValueStore<String, DailyTally> tallies;

    /** @param window the rolling pass-rate window ({@link FailureRateSettings#failureRateWindow()}) */
    FailureRateProcessor(FailureRateRule rule, PassRateTargets targets, ZoneId zone, Duration window) {
        this.rule = rule;
        this.targets = targets;
        this.zone = zone;
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        tallies = context.getStateStore(StoreNames.FAILURE_RATE_TALLIES);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        // Pass rates are figures of supervision sampling: 快检, 风险监测 and 你点我检 are not counted.
        if (signal.type() != SignalType.SAMPLING || !SamplingPrograms.countsInPassRates(signal.tagValue("program"))) {
            return;
        }
        LocalDate day = DayKeys.day(signal.eventTime(), zone);
        String prefix = record.key();
        String dayKey = DayKeys.key(prefix, day);
        DailyTally current = Optional.ofNullable(tallies.get(dayKey)).orElse(DailyTally.empty());
        Evidence evidence = new Evidence("sampling", signal.id(), signal.eventTime(), signal.summary());
        DailyTally updated = current.add(signal.sign(), signal.failed(), evidence);
        if (updated.isEmpty()) {
            tallies.delete(dayKey);
        } else {
            tallies.put(dayKey, updated);
        }
        if (signal.sign() < 0 || !signal.failed()) {
            return;
        }
        LocalDate first = day.minusDays(window.toDays() - 1);
        long tested = 0;
        long failed = 0;
        List<Evidence> failures = new ArrayList<>();
        try (KeyValueIterator<String, DailyTally> days = tallies.range(DayKeys.key(prefix, first), DayKeys.key(prefix, day))) {
            while (days.hasNext()) {
                KeyValue<String, DailyTally> entry = days.next();
                tested += entry.value.tested();
                failed += entry.value.failed();
                failures.addAll(entry.value.failures());
            }
        }
        OffsetDateTime start = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        PassRateTarget target = targets.targetFor(signal.districtCode(), signal.districtName(), day.getYear(),
                signal.foodCategory());
        FailureRateRule.Window window = new FailureRateRule.Window(signal.districtCode(), signal.districtName(),
                signal.foodCategory(), start, end, tested, failed, failures);
        rule.evaluate(window, target).ifPresent(detection ->
                context().forward(new Record<>(detection.dedupKey(), detection, record.timestamp())));
    }
}
