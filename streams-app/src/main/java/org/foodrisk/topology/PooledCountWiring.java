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
 *      ─ detect-pooled-count-aberrations (one pooled model per stream × city × category, when a day closes)
 * </pre>
 * Wired only when {@code foodrisk.detect.count-method} is {@code pooled-nb}; the per-series daily rule of
 * food categories ({@link DailyCountWiring}) is then off, and its weekly rule stays.
 */
final class PooledCountWiring {

    private PooledCountWiring() {
    }

    static KStream<String, Detection> wire(SignalStreams intake, TopologySettings settings) {
        CountAberrationRule rule = CountAberrationRules.pooled(settings.counts(), settings.levels());
        KStream<String, Signal> byCategory = intake.signals()
                .filter((id, s) -> rule.watches(s.type()) && s.districtCode() != null,
                        Named.as("filter-pooled-counted"))
                .selectKey((id, s) -> PooledAberrationProcessor.poolOf(s.districtCode()) + "|"
                        + (s.foodCategory() != null ? s.foodCategory() : "?"), Named.as("key-by-city-category"));
        return WatermarkWiring.withWatermark(byCategory, intake, "signals-by-city-category", settings.time())
                .process(WithStores.of(() -> new PooledAberrationProcessor(rule, settings.counts().pooledOptions(),
                                HolidayCalendar.china(), settings.zone(), settings.dayCloseGrace(), settings.time(),
                                StoreNames.POOLED_DAILY_COUNTS, StoreNames.POOLED_ABERRATION_PROGRESS),
                        StateStores.binary(StoreNames.POOLED_DAILY_COUNTS, DailyCount.SERDE),
                        StateStores.cachedText(StoreNames.POOLED_ABERRATION_PROGRESS)),
                        Named.as("detect-pooled-count-aberrations"));
    }
}
