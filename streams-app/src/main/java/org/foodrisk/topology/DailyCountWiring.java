package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.StoreBuilder;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.ingest.Signal;
import org.foodrisk.plan.PlanCatalog;

/**
 * <pre>
 *  signals ─ [by district|category, with watermarks] ─ count-daily ─┬ counted signals (the category detectors)
 *                                                                   └ detect-count-aberrations
 *                                    (EARS C2 when a day closes, farringtonFlexible when a week closes)
 * </pre>
 * Counting and judging the counts are two calls because the category detectors ({@link CategoryDetectorWiring})
 * are wired between them, and the order streams are wired in is the order a record is handed on in.
 */
final class DailyCountWiring {

    private DailyCountWiring() {
    }

    /**
     * The counted signals of a district × category, and among them the stage's watermarks (null values): only
     * the day-closing detector reads the latter.
     */
    record Counted(KStream<String, Signal> withWatermarks, KStream<String, Signal> signals) {
    }

    static Counted count(StreamsBuilder builder, SignalStreams intake, TopologySettings settings, PlanCatalog catalog) {
        // Shared: count-daily writes the counts, detect-count-aberrations reads them when a day closes. Added
        // on its own, not declared by either processor's supplier, and connected to both by name.
        builder.addStateStore(StateStores.binary(StoreNames.DAILY_COUNTS, DailyCount.SERDE));
        KStream<String, Signal> keyed = intake.signals()
                .selectKey((id, signal) -> signal.districtCategoryKey(), Named.as("key-by-district-category"));
        KStream<String, Signal> withWatermarks = WatermarkWiring
                .withWatermark(keyed, intake, "signals-by-district-category", settings.time())
                .process(() -> new DailyCountsProcessor(settings.zone(), StoreNames.DAILY_COUNTS, catalog),
                        Named.as("count-daily"), StoreNames.DAILY_COUNTS);
        KStream<String, Signal> signals = withWatermarks
                .filter((key, signal) -> signal != null, Named.as("filter-counted-signals"));
        return new Counted(withWatermarks, signals);
    }

    static KStream<String, Detection> detectAberrations(Counted counted, TopologySettings settings) {
        CountAberrationRule dailyRule = CountAberrationRules.daily(settings.counts(), settings.levels(), CountAberrationRule.Dimension.FOOD_CATEGORY);
        CountAberrationRule weeklyRule = CountAberrationRules.weekly(settings.counts(), settings.levels());
        var comparableDays = CountAberrationRules.comparableDays(settings.counts());
        // Cached: the report-delay tallies in it are rewritten with every record.
        StoreBuilder<?> progress = StateStores.cachedText(StoreNames.ABERRATION_PROGRESS);
        return counted.withWatermarks()
                .process(WithStores.of(() -> new PeriodAberrationProcessor(dailyRule, weeklyRule, comparableDays,
                                settings.zone(), settings.dayCloseGrace(), settings.time(),
                                StoreNames.DAILY_COUNTS, progress.name()), progress),
                        Named.as("detect-count-aberrations"), StoreNames.DAILY_COUNTS);
    }
}
