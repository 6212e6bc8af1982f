package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Judgement;
import org.foodrisk.ingest.SignalType;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The verdict on a closed period of a count series (a day, or an ISO week): the detection if it alarmed, and what a
 * withdrawal of an earlier alarm would need. Shared by the per-series ({@link PeriodAberrationProcessor}) and pooled
 * ({@link PooledAberrationProcessor}) count detectors, which remember alarms and withdraw them alike.
 *
 * @param timestamp the record timestamp of what is forwarded: the period's end
 */
record PeriodVerdict(Optional<Detection> detection, SignalType type, OffsetDateTime start, OffsetDateTime end,
                     Judgement judgement, long timestamp) {

    /**
     * Forwards the verdict and remembers, under {@code alarmedKey} of {@code progress}, whether the period alarmed. On
     * a re-judgement an alarm is 更新 when the period alarmed before and 补判 when it did not; no alarm where there was
     * one withdraws it (its kind and dedup key are what the mark kept).
     *
     * @param period how the withdrawal names the period (a day, or {@code week:<sunday>})
     */
    void publish(KeyValueStore<String, String> progress, String alarmedKey, String period, boolean rejudged,
                 Consumer<Record<String, Detection>> forward) {
        String before = rejudged ? progress.get(alarmedKey) : null;
        if (detection.isPresent()) {
            Detection alarm = detection.get();
            if (rejudged) {
                alarm = alarm.judged(alarm.judgement().as(before != null ? Judgement.UPDATED : Judgement.RAISED_LATE));
            }
            progress.put(alarmedKey, alarm.kind() + "\n" + alarm.dedupKey());
            forward.accept(new Record<>(alarm.dedupKey(), alarm, timestamp));
        } else if (before != null) {
            progress.delete(alarmedKey);
            String kind = before.substring(0, before.indexOf('\n'));
            String dedupKey = before.substring(before.indexOf('\n') + 1);
            Detection withdrawal = Detection.withdrawal(kind, dedupKey, type, start, end,
                    period + "复核：迟到报告后不再超出预警阈值", judgement);
            forward.accept(new Record<>(dedupKey, withdrawal, timestamp));
        }
    }
}
