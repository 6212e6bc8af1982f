package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.Record;
import org.foodrisk.ingest.Signal;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Signals as a day-closing stage receives them, for tests that drive its processor directly: in the order given (sort
 * them by report time first — arrival order), each hour the arrival clock passes announced by a watermark before the
 * first signal reported in it, as {@link WatermarkProcessor} would.
 */
final class HourlyWatermarks {

    private HourlyWatermarks() {
    }

    static List<Record<String, Signal>> interleave(List<Signal> inArrivalOrder, Function<Signal, String> key) {
        List<Record<String, Signal>> records = new ArrayList<>();
        OffsetDateTime clock = null;
        for (Signal signal : inArrivalOrder) {
            OffsetDateTime hour = signal.reportedAt().truncatedTo(ChronoUnit.HOURS);
            if (clock != null && hour.isAfter(clock)) {
                records.add(new Record<>(ClockTicks.WATERMARK_KEY, null, hour.toInstant().toEpochMilli()));
            }
            clock = hour;
            records.add(new Record<>(key.apply(signal), signal, signal.reportedAt().toInstant().toEpochMilli()));
        }
        return records;
    }
}
