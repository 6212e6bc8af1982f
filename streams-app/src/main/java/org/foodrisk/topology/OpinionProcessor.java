package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.Evidence;
import org.foodrisk.detect.HourlyVolume;
import org.foodrisk.detect.OpinionSpikeRule;
import org.foodrisk.detect.RumourRule;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.LocalDateTime;

/**
 * Opinion posts per district × category in hourly buckets (event time). For each post it
 * applies the rumour rule at once, and the rolling 24-hour spike rule to the window that ends
 * with the post's hour against the seven 24-hour windows before it. A series younger than eight
 * days has no baseline yet and is not judged.
 */
final class OpinionProcessor extends ContextualProcessor<String, Signal, String, Detection> {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

    private final OpinionSpikeRule spikeRule;
    private final RumourRule rumourRule;
    private final ZoneId zone;
    private KeyValueStore<String, HourlyVolume> hours;

    OpinionProcessor(OpinionSpikeRule spikeRule, RumourRule rumourRule, ZoneId zone) {
        this.spikeRule = spikeRule;
        this.rumourRule = rumourRule;
        this.zone = zone;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        super.init(context);
        hours = context.getStateStore(StoreNames.OPINION_HOURLY);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        if (signal.type() != SignalType.OPINION) {
            return;
        }
        rumourRule.evaluate(signal).ifPresent(this::forward);
        String prefix = record.key();
        ZonedDateTime hour = signal.eventTime().atZoneSameInstant(zone).truncatedTo(ChronoUnit.HOURS);
        String key = prefix + "|" + HOUR.format(hour);
        HourlyVolume bucket = Optional.ofNullable(hours.get(key)).orElse(HourlyVolume.empty());
        HourlyVolume updated = bucket.add(signal.sign(), signal.weight(),
                new Evidence("opinion", signal.id(), signal.eventTime(), signal.summary()));
        if (updated.posts() == 0) {
            hours.delete(key);
        } else {
            hours.put(key, updated);
        }
        if (signal.sign() < 0) {
            return;
        }
        // The series began with its earliest hour bucket (keys sort by time); the baseline only
        // counts once seven full days of it exist — before that, zeros would mean "not yet
        // watched", not "quiet".
        ZonedDateTime windowEnd = hour.plusHours(1);
        Optional<ZonedDateTime> seriesStart = firstHour(prefix);
        if (seriesStart.isEmpty()
                || seriesStart.get().isAfter(windowEnd.minusDays(OpinionSpikeRule.BASELINE_WINDOWS + 1))) {
            return;
        }
        Window current = sum(prefix, windowEnd.minusHours(24), windowEnd);
        double[] baseline = new double[OpinionSpikeRule.BASELINE_WINDOWS];
        for (int k = 1; k <= OpinionSpikeRule.BASELINE_WINDOWS; k++) {
            ZonedDateTime end = windowEnd.minusDays(k);
            baseline[k - 1] = sum(prefix, end.minusHours(24), end).volume;
        }
        spikeRule.evaluate(new OpinionSpikeRule.Window(signal.districtCode(), signal.districtName(),
                signal.foodCategory(), signal.foodName(), windowEnd.minusHours(24).toOffsetDateTime(),
                windowEnd.toOffsetDateTime(), current.posts, current.volume, baseline, current.evidence))
                .ifPresent(this::forward);
    }

    private Optional<ZonedDateTime> firstHour(String prefix) {
        try (KeyValueIterator<String, HourlyVolume> all = hours.range(prefix + "|0", prefix + "|9")) {
            if (!all.hasNext()) {
                return Optional.empty();
            }
            String key = all.next().key;
            return Optional.of(LocalDateTime.parse(key.substring(key.lastIndexOf('|') + 1) + ":00")
                    .atZone(zone));
        }
    }

    private record Window(long posts, double volume, List<Evidence> evidence) {
    }

    private Window sum(String prefix, ZonedDateTime from, ZonedDateTime toExclusive) {
        long posts = 0;
        double volume = 0;
        List<Evidence> evidence = new ArrayList<>();
        String last = HOUR.format(toExclusive.minusHours(1));
        try (KeyValueIterator<String, HourlyVolume> range = hours.range(prefix + "|" + HOUR.format(from), prefix + "|" + last)) {
            while (range.hasNext()) {
                KeyValue<String, HourlyVolume> entry = range.next();
                posts += entry.value.posts();
                volume += entry.value.weightedVolume();
                evidence.addAll(entry.value.evidence());
            }
        }
        return new Window(posts, volume, evidence);
    }

    private void forward(Detection detection) {
        context().forward(new Record<>(detection.dedupKey(), detection,
                detection.windowEnd().toInstant().toEpochMilli()));
    }
}
