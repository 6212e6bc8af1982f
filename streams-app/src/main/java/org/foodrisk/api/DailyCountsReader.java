package org.foodrisk.api;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.summary.SamplingTotals;
import org.foodrisk.topology.DailyCount;
import org.foodrisk.topology.StoreNames;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Reads the daily counts store: sampling totals of a district for plan progress. */
@Singleton
public class DailyCountsReader {

    private final KafkaRuntime runtime;

    public DailyCountsReader(KafkaRuntime runtime) {
        this.runtime = runtime;
    }

    /** Sampling results of {@code districtCode} from 1 January of {@code asOf}'s year to {@code asOf}. */
    public SamplingTotals samplingTotals(String districtCode, LocalDate asOf) {
        LocalDate first = asOf.withDayOfYear(1);
        long tested = 0;
        long failed = 0;
        Map<String, long[]> byCategory = new TreeMap<>();
        String prefix = "sampling|" + districtCode + "|";
        try (KeyValueIterator<String, DailyCount> range = store().prefixScan(prefix,
                new org.apache.kafka.common.serialization.StringSerializer())) {
            while (range.hasNext()) {
                KeyValue<String, DailyCount> entry = range.next();
                LocalDate day = LocalDate.parse(entry.key.substring(entry.key.lastIndexOf('|') + 1));
                if (day.isBefore(first) || day.isAfter(asOf)) {
                    continue;
                }
                String category = entry.key.substring(prefix.length(), entry.key.lastIndexOf('|'));
                tested += entry.value.count();
                failed += entry.value.failed();
                long[] c = byCategory.computeIfAbsent(category, k -> new long[2]);
                c[0] += entry.value.count();
                c[1] += entry.value.failed();
            }
        }
        return new SamplingTotals(tested, failed, byCategory);
    }

    private ReadOnlyKeyValueStore<String, DailyCount> store() {
        try {
            return runtime.streams().store(StoreQueryParameters.fromNameAndType(StoreNames.DAILY_COUNTS,
                    QueryableStoreTypes.<String, DailyCount>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "daily counts not ready; retry shortly");
        }
    }
}
