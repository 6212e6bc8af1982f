package org.foodrisk.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Arrays;

/**
 * Flags a publisher whose records in one hour are far above its own usual hourly volume: a lab
 * suddenly sending ten times its usual results (a runaway script, a stolen credential, a mass
 * overwrite attempt) is worth a look even when every record is valid.
 *
 * <p>Kept per dedup task and in memory, by wall-clock hour of arrival. The baseline is the
 * publisher's mean records per hour over the last {@value #BASELINE_HOURS} hours (hours without a
 * record count as 0), known once it has been seen for {@value #MIN_HISTORY_HOURS} hours. An hour
 * is flagged — once — when its records exceed {@value #FACTOR} times that mean and at least
 * {@value #MIN_RECORDS}. What this does not do, honestly: a task sees only its partition's share
 * of a publisher (records are spread by id, so the share is even and the ratio holds, but the
 * floor applies per share); the baseline is lost on restart or rebalance and must be learnt
 * again; a new publisher has no baseline, so its first day is never flagged; a replay of history
 * is an anomaly of arrival like any other. It is a signal for operators (a log line and
 * {@code foodrisk_publisher_volume_anomalies_total}), not an alert of the service.
 */
final class PublisherVolume {

    static final int BASELINE_HOURS = 168;
    static final int MIN_HISTORY_HOURS = 24;
    static final long FACTOR = 5;
    static final long MIN_RECORDS = 50;
    /** Publishers remembered per task; the one not heard from longest is forgotten first (a Kafka writer can name any). */
    static final int MAX_PUBLISHERS = 2000;

    private static final long HOUR = Duration.ofHours(1).toMillis();

    /** An hour in which a publisher sent {@code records} against a usual {@code baselinePerHour}. */
    record Anomaly(String publisher, Instant hour, long records, double baselinePerHour) {
    }

    private final Map<String, Volume> volumes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Volume> eldest) {
            return size() > MAX_PUBLISHERS;
        }
    };

    /** Counts one record of {@code publisher} arriving at {@code nowMillis}; the anomaly when this record makes its hour one. */
    Optional<Anomaly> record(String publisher, long nowMillis) {
        long hour = Math.floorDiv(nowMillis, HOUR);
        Volume volume = volumes.computeIfAbsent(publisher, p -> new Volume(hour));
        volume.advanceTo(hour);
        volume.current++;
        if (volume.flagged || volume.observedHours < MIN_HISTORY_HOURS) {
            return Optional.empty();
        }
        double baseline = (double) volume.sum / volume.observedHours;
        if (volume.current < MIN_RECORDS || volume.current <= FACTOR * baseline) {
            return Optional.empty();
        }
        volume.flagged = true;
        return Optional.of(new Anomaly(publisher, Instant.ofEpochMilli(volume.hour * HOUR), volume.current, baseline));
    }

    /** One publisher: the current hour's count and a ring of the completed hours before it. */
    private static final class Volume {
        private final long[] hours = new long[BASELINE_HOURS];
        private long hour;
        private long current;
        private long sum;
        private int observedHours;
        private boolean flagged;

        Volume(long hour) {
            this.hour = hour;
        }

        /** Closes the hours up to {@code now} (a clock that went back stays in the current hour). */
        void advanceTo(long now) {
            if (now <= hour) {
                return;
            }
            if (now - hour >= BASELINE_HOURS) { // silent for the whole window: it holds only zeros
                Arrays.fill(hours, 0);
                sum = 0;
                observedHours = BASELINE_HOURS;
                hour = now;
                current = 0;
                flagged = false;
                return;
            }
            for (long h = 0; h < now - hour; h++) {
                long closedHour = hour + h;
                long count = h == 0 ? current : 0;
                int slot = (int) Math.floorMod(closedHour, (long) BASELINE_HOURS);
                sum += count - (observedHours == BASELINE_HOURS ? hours[slot] : 0);
                hours[slot] = count;
                observedHours = Math.min(BASELINE_HOURS, observedHours + 1);
            }
            hour = now;
            current = 0;
            flagged = false;
        }
    }
}
