package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.detect.BernoulliCusum;
import org.foodrisk.detect.DailyTally;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.FailureBaseline;
import org.foodrisk.detect.FailureRateRule;
import org.foodrisk.detect.FoodHazardClusterRule;
import org.foodrisk.detect.FoodHazardDay;
import org.foodrisk.detect.FoodHazardEpisode;
import org.foodrisk.detect.FusionRule;
import org.foodrisk.detect.HourlyVolume;
import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.detect.OpinionSpikeRule;
import org.foodrisk.detect.RecentSignals;
import org.foodrisk.detect.RumourRule;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalBinary;
import org.foodrisk.plan.PassRateTargets;
import org.foodrisk.plan.PlanCatalog;

import java.time.ZoneId;

/**
 * The detectors of the counted signals of one district × food category, each with its own store:
 * <pre>
 *  counted signals ─┬ detect-failure-rate          (监督抽检 only)
 *                   ├ detect-food-hazard-cluster   (Bernoulli CUSUM per food × hazard)
 *                   ├ detect-opinion               (24 h spike, rumour)
 *                   └ detect-fusion
 * </pre>
 * The food-hazard cluster detector is a cluster detector but lives here: it reads this partitioning. It judges
 * a day when the day closes, so it reads the counted signals with the stage's watermarks (straight from
 * count-daily, like detect-count-aberrations), the other three without them.
 */
final class CategoryDetectorWiring {

    private CategoryDetectorWiring() {
    }

    record Detections(KStream<String, Detection> failureRate, KStream<String, Detection> foodHazardClusters,
                      KStream<String, Detection> opinion, KStream<String, Detection> fusion) {
    }

    static Detections wire(DailyCountWiring.Counted countedSignals, TopologySettings settings, PlanCatalog catalog) {
        KStream<String, Signal> counted = countedSignals.signals();
        KStream<String, Detection> failureRate = failureRate(counted, settings.failureRate(), settings.zone(),
                settings.levels(), catalog);
        KStream<String, Detection> foodHazardClusters = foodHazardClusters(countedSignals.withWatermarks(), settings);
        KStream<String, Detection> opinion = opinion(counted, settings.opinion(), settings.zone(), settings.levels());
        KStream<String, Detection> fusion = fusion(counted, settings.fusion(), settings.levels(), settings.zone());
        return new Detections(failureRate, foodHazardClusters, opinion, fusion);
    }

    private static KStream<String, Detection> failureRate(KStream<String, Signal> counted, FailureRateSettings settings,
                                                          ZoneId zone, LevelPolicy levels, PlanCatalog catalog) {
        PassRateTargets targets = new PassRateTargets(catalog, settings.defaultPassRates(), settings.defaultPassRate());
        FailureRateRule rule = new FailureRateRule(settings.failureRateMinSamples(), settings.failureRateAlpha(), levels);
        return counted.process(WithStores.of(() -> new FailureRateProcessor(rule, targets, zone,
                                settings.failureRateWindow()),
                        StateStores.json(StoreNames.FAILURE_RATE_TALLIES, DailyTally.class)),
                Named.as("detect-failure-rate"));
    }

    private static KStream<String, Detection> foodHazardClusters(KStream<String, Signal> withWatermarks,
                                                                 TopologySettings settings) {
        FoodHazardSettings foodHazard = settings.foodHazard();
        FoodHazardClusterRule rule = new FoodHazardClusterRule(
                new BernoulliCusum(foodHazard.oddsRatio(), foodHazard.threshold()),
                new FailureBaseline(foodHazard.priorWeight()), settings.levels());
        // Cached: a mark is written for nearly every late result, and deleted at the next watermark.
        return withWatermarks.process(WithStores.of(() -> new FoodHazardClusterProcessor(rule, foodHazard,
                                settings.zone(), settings.dayCloseGrace(), settings.time(), StoreNames.FOOD_HAZARD_PROGRESS,
                                StoreNames.FOOD_HAZARD_ARRIVALS),
                        StateStores.json(StoreNames.FOOD_HAZARD_TALLIES, FoodHazardDay.class),
                        StateStores.json(StoreNames.FOOD_HAZARD_EPISODES, FoodHazardEpisode.class),
                        StateStores.cachedText(StoreNames.FOOD_HAZARD_PROGRESS),
                        StateStores.binary(StoreNames.FOOD_HAZARD_ARRIVALS, SignalBinary.SERDE)),
                Named.as("detect-food-hazard-cluster"));
    }

    private static KStream<String, Detection> opinion(KStream<String, Signal> counted, OpinionSettings settings,
                                                      ZoneId zone, LevelPolicy levels) {
        OpinionSpikeRule spikeRule = new OpinionSpikeRule(settings.opinionAlpha(), settings.opinionMinPosts(), levels);
        RumourRule rumourRule = new RumourRule(settings.rumourMinReach(), levels);
        return counted.process(WithStores.of(() -> new OpinionProcessor(spikeRule, rumourRule, zone),
                        StateStores.json(StoreNames.OPINION_HOURLY, HourlyVolume.class)),
                Named.as("detect-opinion"));
    }

    private static KStream<String, Detection> fusion(KStream<String, Signal> counted, FusionSettings settings,
                                                     LevelPolicy levels, ZoneId zone) {
        FusionRule rule = new FusionRule(settings.fusionWindow(), settings.fusionMinSignals(), settings.fusionAlpha(),
                settings.fusionStreamAlpha(), settings.fusionBaseline(), levels, zone);
        return counted.process(WithStores.of(() -> new FusionProcessor(rule),
                        StateStores.json(StoreNames.FUSION_WINDOW, RecentSignals.class)),
                Named.as("detect-fusion"));
    }
}
