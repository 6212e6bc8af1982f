package org.foodrisk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.foodrisk.kafka.Json;
import org.foodrisk.plan.SamplingTotals;
import org.foodrisk.plan.TargetTally;
import org.foodrisk.topology.DailyCount;
import org.foodrisk.topology.StoreNames;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the daily counts store ({@code type|district|category|day}). The store is partitioned by
 * district × category, so one district's days are spread over the instances: every read gathers
 * the matching days from all of them ({@link StoreInstances}).
 */
@Singleton
public class DailyCountsReader {

    private final StoreInstances instances;

    public DailyCountsReader(StoreInstances instances) {
        this.instances = instances;
    }

    /** Days of {@code type} in {@code districtCode} (one category, or all when null) from {@code from} to {@code to}. */
    public List<DayCountEntry> days(String type, String districtCode, String category, LocalDate from, LocalDate to) {
        List<DayCountEntry> days = new ArrayList<>(localDays(type, districtCode, category, from, to));
        String query = "/api/v1/daily-counts?local=true&type=" + encode(type) + "&district=" + encode(districtCode)
                + (category == null ? "" : "&category=" + encode(category)) + "&from=" + from + "&to=" + to;
        for (HostInfo host : instances.others(StoreNames.DAILY_COUNTS)) {
            instances.fetch(host, query).ifPresent(body -> days.addAll(entriesIn(body)));
        }
        days.sort(Comparator.comparing(DayCountEntry::day).thenComparing(DayCountEntry::foodCategory));
        return days;
    }

    /** This instance's part of {@link #days}. */
    public List<DayCountEntry> localDays(String type, String districtCode, String category, LocalDate from, LocalDate to) {
        String prefix = type + "|" + districtCode + "|" + (category == null ? "" : category + "|");
        List<DayCountEntry> days = new ArrayList<>();
        try (KeyValueIterator<String, DailyCount> range = instances.<DailyCount>local(StoreNames.DAILY_COUNTS)
                .prefixScan(prefix, new StringSerializer())) {
            while (range.hasNext()) {
                KeyValue<String, DailyCount> entry = range.next();
                int lastBar = entry.key.lastIndexOf('|');
                LocalDate day = LocalDate.parse(entry.key.substring(lastBar + 1));
                String entryCategory = entry.key.substring(type.length() + districtCode.length() + 2, lastBar);
                if (day.isBefore(from) || day.isAfter(to) || (category == null && entryCategory.contains("|"))) {
                    continue;
                }
                DailyCount c = entry.value;
                days.add(new DayCountEntry(type, districtCode, entryCategory, day, c.count(), c.failed(), c.weight(),
                        c.agencies(), c.targets(), c.tallied()));
            }
        } catch (InvalidStateStoreException rebalancing) {
            throw instances.notReady(StoreNames.DAILY_COUNTS);
        }
        return days;
    }

    /** Sampling results of {@code districtCode} from 1 January of {@code asOf}'s year to {@code asOf}. */
    public SamplingTotals samplingTotals(String districtCode, LocalDate asOf) {
        long tested = 0;
        long failed = 0;
        Map<String, long[]> byCategory = new TreeMap<>();
        Map<String, Long> byAgency = new TreeMap<>();
        Map<String, long[]> byTarget = new TreeMap<>();
        long tallied = 0;
        for (DayCountEntry day : days("sampling", districtCode, null, asOf.withDayOfYear(1), asOf)) {
            byTarget = TargetTally.add(byTarget, day.targets(), 1);
            tallied += day.tallied();
            tested += day.count();
            failed += day.failed();
            long[] c = byCategory.computeIfAbsent(day.foodCategory(), k -> new long[2]);
            c[0] += day.count();
            c[1] += day.failed();
            day.agencies().forEach((agency, n) -> byAgency.merge(agency, n, Long::sum));
        }
        return new SamplingTotals(tested, failed, byCategory, byAgency, byTarget, tallied);
    }

    private static List<DayCountEntry> entriesIn(JsonNode body) {
        try {
            return List.of(Json.MAPPER.treeToValue(body.path("days"), DayCountEntry[].class));
        } catch (IOException e) {
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "unreadable answer of another instance: " + e.getMessage());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
