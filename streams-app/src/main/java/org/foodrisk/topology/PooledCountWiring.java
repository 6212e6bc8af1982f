package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.ingest.Signal;
import org.foodrisk.reference.HolidayCalendar;

/**
 * <pre>
 *  signals (sampling, illness, complaints with a district) ─ [by city × food category, with watermarks]
 *      ─ detect-pooled-count-aberrations (one pooled model per stream × city × category, when a day or week closes)
 * </pre>
 * Wired only when {@code foodrisk.detect.count-method} or {@code weekly-count-method} is {@code pooled-nb}: days,
 * weeks ({@link PooledWeeks}) or both are judged here, and the per-series rule of food categories
 * ({@link DailyCountWiring}) judges what is not — days with EARS C2, weeks with the improved Farrington.
 */
final class PooledCountWiring {

    private PooledCountWiring() {
    }

    static KStream<String, Detection> wire(SignalStreams intake, TopologySettings settings) {
        CountAberrationSettings counts = settings.counts();
        CountAberrationRule daily = counts.pooled() ? CountAberrationRules.pooled(counts, settings.levels()) : null;
        CountAberrationRule weekly = counts.weeklyPooled()
                ? CountAberrationRules.pooledWeekly(counts, settings.levels()) : null;
        CountAberrationRule watching = daily != null ? daily : weekly;
        KStream<String, Signal> byCategory = intake.signals()
                .filter((id, s) -> watching.watches(s.type()) && s.districtCode() != null,
                        Named.as("filter-pooled-counted"))
                .selectKey((id, s) -> PooledAberrationProcessor.poolOf(s.districtCode()) + "|"
                        + (s.foodCategory() != null ? s.foodCategory() : "?"), Named.as("key-by-city-category"));
        return WatermarkWiring.withWatermark(byCategory, intake, "signals-by-city-category", settings.time())
                .process(WithStores.of(() -> new PooledAberrationProcessor(daily,
                                daily == null ? null : counts.pooledOptions(), weekly,
                                weekly == null ? null : counts.weeklyPooledOptions(),
                                HolidayCalendar.china(), settings.zone(), settings.dayCloseGrace(), settings.time(),
                                StoreNames.POOLED_DAILY_COUNTS, StoreNames.POOLED_ABERRATION_PROGRESS),
                        StateStores.binary(StoreNames.POOLED_DAILY_COUNTS, DailyCount.SERDE),
                        StateStores.cachedText(StoreNames.POOLED_ABERRATION_PROGRESS)),
                        Named.as("detect-pooled-count-aberrations"));
    }
}
