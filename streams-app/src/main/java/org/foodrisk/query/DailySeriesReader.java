package org.foodrisk.query;

import jakarta.inject.Singleton;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.kafka.Json;
import org.foodrisk.topology.DailyCount;
import org.foodrisk.detect.ComparableDays;
import org.foodrisk.reference.HolidayCalendar;
import org.foodrisk.topology.StoreNames;
import org.foodrisk.topology.CountAberrationSettings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Reads the day-by-day counts of one district × food category from the daily counts store of
 * the instance that owns them (the store is partitioned by "districtCode|category"), with the
 * count detector's threshold of each day ({@link DetectorThresholds}); and the same for the
 * illness cases of one district × syndrome from the syndrome store (partitioned by
 * "districtCode|syndrome"), which the per-syndrome aberrations are judged on.
 */
@Singleton
public class DailySeriesReader {

    /** The longest series one request may ask for, in days. */
    public static final int MAX_DAYS = 366;

    private final StoreInstances instances;
    private final DetectorThresholds thresholds;
    private final int lookbackDays;

    public DailySeriesReader(StoreInstances instances, CountAberrationSettings settings) {
        this.instances = instances;
        // Built as FoodRiskTopology builds the daily rule's, so that the chart draws the judged line.
        this.thresholds = new DetectorThresholds(
                settings.perSeriesDailyMethod(),
                settings.countHistoryDays(),
                new ComparableDays(ComparableDays.Mode.of(settings.countBaseline()), HolidayCalendar.china()));
        this.lookbackDays = thresholds.lookbackDays();
    }

    /** The series from whichever instance owns it. */
    public DailySeries series(String districtCode, String category, LocalDate from, LocalDate to) {
        return fromOwner(StoreNames.DAILY_COUNTS, districtCode, category,
                "/api/v1/daily-counts/" + encode(districtCode) + "/" + encode(category), from, to);
    }

    /** The illness series of a district × syndrome from whichever instance owns it. */
    public DailySeries syndromeSeries(String districtCode, String syndrome, LocalDate from, LocalDate to) {
        return fromOwner(StoreNames.SYNDROME_DAILY_COUNTS, districtCode, syndrome,
                "/api/v1/daily-counts/" + encode(districtCode) + "/syndromes/" + encode(syndrome), from, to);
    }

    private DailySeries fromOwner(String store, String districtCode, String second, String path, LocalDate from,
                                  LocalDate to) {
        Optional<HostInfo> owner = instances.remoteOwner(store, districtCode + "|" + second);
        if (owner.isEmpty()) {
            return seriesLocal(store, districtCode, second, from, to);
        }
        return instances.fetch(owner.get(), path + "?local=true&from=" + from + "&to=" + to)
                .map(json -> Json.MAPPER.convertValue(json, DailySeries.class))
                .orElseGet(() -> seriesLocal(store, districtCode, second, from, to));
    }

    /** The series as this instance's store holds it. */
    public DailySeries seriesLocal(String districtCode, String category, LocalDate from, LocalDate to) {
        return seriesLocal(StoreNames.DAILY_COUNTS, districtCode, category, from, to);
    }

    /** The syndrome series as this instance's store holds it. */
    public DailySeries syndromeSeriesLocal(String districtCode, String syndrome, LocalDate from, LocalDate to) {
        return seriesLocal(StoreNames.SYNDROME_DAILY_COUNTS, districtCode, syndrome, from, to);
    }

    /** @param second the food category (daily counts store) or the syndrome (syndrome store) */
    private DailySeries seriesLocal(String store, String districtCode, String second, LocalDate from, LocalDate to) {
        LocalDate first = from.minusDays(lookbackDays);
        int length = (int) (to.toEpochDay() - first.toEpochDay()) + 1;
        Map<SignalType, long[]> counts = new EnumMap<>(SignalType.class);
        long[] failed = new long[length];
        long[] reach = new long[length];
        // Per syndrome the topology counts illness cases only: the other streams are not scanned.
        boolean bySyndrome = store.equals(StoreNames.SYNDROME_DAILY_COUNTS);
        for (SignalType type : SignalType.values()) {
            long[] values = new long[length];
            counts.put(type, values);
            if (bySyndrome && type != SignalType.ILLNESS) {
                continue;
            }
            String prefix = type.wireName() + "|" + districtCode + "|" + second + "|";
            try (KeyValueIterator<String, DailyCount> days = instances.<DailyCount>local(store)
                    .range(prefix + first, prefix + to)) {
                while (days.hasNext()) {
                    KeyValue<String, DailyCount> day = days.next();
                    int index = (int) (LocalDate.parse(day.key.substring(prefix.length())).toEpochDay() - first.toEpochDay());
                    values[index] = day.value.count();
                    if (type == SignalType.SAMPLING) {
                        failed[index] = day.value.failed();
                    } else if (type == SignalType.OPINION) {
                        reach[index] = day.value.weight();
                    }
                }
            } catch (InvalidStateStoreException rebalancing) {
                throw instances.notReady(store);
            }
        }
        List<LocalDate> dates = IntStream.range(0, length).mapToObj(first::plusDays).toList();
        // The topology judges sampling on its failures and the other count streams on every record.
        Double[] none = new Double[length];
        LocalDate observedFrom = observedFrom(store, districtCode + "|" + second);
        Double[] failedThresholds = bySyndrome ? none : thresholds.of(dates, failed, observedFrom);
        Double[] illnessThresholds = thresholds.of(dates, counts.get(SignalType.ILLNESS), observedFrom);
        Double[] complaintThresholds = bySyndrome ? none : thresholds.of(dates, counts.get(SignalType.COMPLAINT), observedFrom);
        List<DailySeries.Day> days = new ArrayList<>();
        for (int i = lookbackDays; i < length; i++) {
            days.add(new DailySeries.Day(dates.get(i), counts.get(SignalType.SAMPLING)[i], failed[i],
                    counts.get(SignalType.ILLNESS)[i], counts.get(SignalType.COMPLAINT)[i],
                    counts.get(SignalType.OPINION)[i], reach[i],
                    failedThresholds[i], illnessThresholds[i], complaintThresholds[i]));
        }
        return new DailySeries(districtCode, bySyndrome ? null : second, bySyndrome ? second : null,
                thresholds.methodName(), from, to, days);
    }

    /**
     * The first day the task that judges this series saw (PeriodAberrationProcessor keeps it in its
     * progress store, per task): days before it are unknown to the detector, so the chart must leave
     * them out of the baseline too.
     */
    private LocalDate observedFrom(String countsStore, String seriesKey) {
        String progressStore = countsStore.equals(StoreNames.SYNDROME_DAILY_COUNTS)
                ? StoreNames.SYNDROME_ABERRATION_PROGRESS : StoreNames.ABERRATION_PROGRESS;
        String day = instances.<String>localPartitionOf(progressStore, countsStore, seriesKey)
                .get(StoreNames.OBSERVED_FROM_KEY);
        return day == null ? null : LocalDate.parse(day);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
