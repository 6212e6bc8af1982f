package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.FusionRule;
import org.foodrisk.detect.RecentSignals;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

import java.util.Optional;

/**
 * Keeps the notable signals of each district × category — the recent ones whole, older ones as day counts per stream
 * × food, the baseline — and applies {@link FusionRule}.
 */
final class FusionProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    /**
     * The store entry (not a district × category) holding the epoch day from which this task has seen signals: a key
     * whose first notable signal comes later has still been known, quiet, since then (FusionRule's baseline days).
     */
    static final String KNOWN_SINCE_KEY = "#known-since";

    private final FusionRule rule;
    private KeyValueStore<String, RecentSignals> recent;
    /** Read once at init; null until this task's first signal. */
    private Long knownSince;

    FusionProcessor(FusionRule rule) {
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        recent = context.getStateStore(StoreNames.FUSION_WINDOW);
        RecentSignals entry = recent.get(KNOWN_SINCE_KEY);
        knownSince = entry == null ? null : entry.since();
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        if (signal.eventTime() != null) {
            noteKnownSince(signal.eventTime().atZoneSameInstant(rule.zone()).toLocalDate().toEpochDay());
        }
        if (!notable(signal) || signal.foodCategory() == null
                || (signal.districtCode() == null && signal.districtName() == null)) {
            return;
        }
        String key = record.key();
        RecentSignals current = Optional.ofNullable(recent.get(key)).orElse(RecentSignals.knownSince(knownSince));
        String type = signal.type().wireName();
        if (signal.sign() < 0) {
            recent.put(key, current.without(signal.id(), type, signal.foodName(), signal.eventTime(), rule.zone()));
            return;
        }
        RecentSignals.Notable notable = new RecentSignals.Notable(type, signal.id(), signal.eventTime(),
                signal.foodName(), signal.summary(), severe(signal));
        RecentSignals updated = current.with(notable, rule.window().multipliedBy(2), rule.baseline(), rule.zone());
        recent.put(key, updated);
        rule.evaluate(signal.districtCode(), signal.districtName(), signal.foodCategory(), updated, notable)
                .ifPresent(detection -> context().forward(new Record<>(detection.dedupKey(), detection, record.timestamp())));
    }

    /**
     * The first signal's event day, moved back by later-arriving signals of earlier days (a lab result days after its
     * sample) — but not by one from more than a baseline before it: a stray correction of a years-old record does not
     * make the task's first weeks look like months of quiet history.
     */
    private void noteKnownSince(long day) {
        if (knownSince == null || (day < knownSince && day >= knownSince - rule.baseline().toDays())) {
            knownSince = day;
            recent.put(KNOWN_SINCE_KEY, RecentSignals.knownSince(knownSince));
        }
    }

    /** A failed sample with a banned or severe substance (true), any other failure (false); null for other streams. */
    private static Boolean severe(Signal signal) {
        if (signal.type() != SignalType.SAMPLING) {
            return null;
        }
        return signal.findings().stream().anyMatch(finding -> finding.criticalKind() != null);
    }

    /** A passing sample is not a warning sign; everything else a person reported is. */
    private static boolean notable(Signal signal) {
        return signal.type() != SignalType.SAMPLING || signal.failed();
    }
}
