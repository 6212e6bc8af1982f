package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.StoreBuilder;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

/**
 * <pre>
 *  illness ─ [by district|syndrome, with watermarks] ─ count-daily-syndrome ─ detect-syndrome-aberrations
 * </pre>
 * Illness per district × syndrome has its own partitioning, so each series is counted whole in one task.
 */
final class SyndromeWiring {

    private SyndromeWiring() {
    }

    static KStream<String, Detection> wire(StreamsBuilder builder, SignalStreams intake, TopologySettings settings) {
        // Shared: count-daily-syndrome writes the counts, detect-syndrome-aberrations reads them when a day
        // closes. Added on its own, not declared by either processor's supplier, and connected to both by name.
        builder.addStateStore(StateStores.binary(StoreNames.SYNDROME_DAILY_COUNTS, DailyCount.SERDE));
        // Cached: the report-delay tallies in it are rewritten with every record.
        StoreBuilder<?> progress = StateStores.cachedText(StoreNames.SYNDROME_ABERRATION_PROGRESS);
        CountAberrationRule rule = CountAberrationRules.daily(settings.counts(), settings.levels(), CountAberrationRule.Dimension.SYNDROME);
        var comparableDays = CountAberrationRules.comparableDays(settings.counts());
        KStream<String, Signal> cases = intake.signals()
                .filter((id, s) -> s.type() == SignalType.ILLNESS && s.districtCode() != null && syndromeOf(s) != null,
                        Named.as("filter-syndrome-cases"))
                .selectKey((id, s) -> s.districtCode() + "|" + syndromeOf(s), Named.as("key-by-district-syndrome"));
        return WatermarkWiring.withWatermark(cases, intake, "cases-by-district-syndrome", settings.time())
                .process(() -> new DailyCountsProcessor(settings.zone(), StoreNames.SYNDROME_DAILY_COUNTS),
                        Named.as("count-daily-syndrome"), StoreNames.SYNDROME_DAILY_COUNTS)
                .process(WithStores.of(() -> new PeriodAberrationProcessor(rule, null, comparableDays, settings.zone(),
                                settings.dayCloseGrace(), settings.time(),
                                StoreNames.SYNDROME_DAILY_COUNTS, progress.name()), progress),
                        Named.as("detect-syndrome-aberrations"), StoreNames.SYNDROME_DAILY_COUNTS);
    }

    /** The syndrome a case report names (tag {@code syndrome:<name>}), or null. */
    private static String syndromeOf(Signal signal) {
        return signal.tags().stream().filter(t -> t.startsWith("syndrome:")).map(t -> t.substring("syndrome:".length()))
                .filter(name -> !name.isBlank() && !name.contains("|")).findFirst().orElse(null);
    }
}
