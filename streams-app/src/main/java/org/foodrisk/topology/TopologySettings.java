package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.foodrisk.alert.DeadlinePolicy;
import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.disposal.DisposalDeadlines;
import org.foodrisk.exchange.ExchangeSettings;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Everything the topology's behaviour depends on: the zone, three clock settings shared by several
 * stages, and one record per concern, each with its own {@code defaults()} and the reasons for them. The
 * application starts from {@link #defaults()} and overrides what configuration names under
 * {@code foodrisk.detect.*} ({@link SettingsOverrides}), the zone ({@code foodrisk.zone}) and the
 * deadlines ({@code foodrisk.deadlines.*}, {@code foodrisk.disposal.deadlines.*}); tests build it from
 * {@code defaults()} and replace a concern with {@link #with(Object)}.
 * <p>
 * Where a concern's keys sit under {@code foodrisk.detect} is said here: a component marked
 * {@code @JsonUnwrapped} has its settings directly under it, named as its components in kebab-case
 * ({@code foodrisk.detect.cluster-gap}); any other under the component's name
 * ({@code foodrisk.detect.levels.cluster-red-cases}, {@code foodrisk.detect.food-hazard.*},
 * {@code foodrisk.detect.time.*}); {@code @JsonIgnore} ones are configured elsewhere. A detector that wires
 * itself ({@link DetectorBuilder}) adds nothing here: its record is among {@link #detectors()}, with its defaults,
 * found by {@link #part(Class)} and replaced by {@link #with(Object)} as any concern.
 *
 * @param zone              the zone in which days are counted (Asia/Shanghai; {@code foodrisk.zone})
 * @param futureTolerance   how far an event time may lie after publication (clock skew)
 * @param dayCloseGrace     how long after a day's end (stream time) it is judged: time for late reports
 *                          (the count aberrations and the space–time scan)
 * @param overdueCheckEvery how often (wall clock) open alerts and 核查处置 cases are checked against their deadlines
 * @param time              the arrival-time clock: ticks, idle partitions, how far back days are judged again
 *                          ({@code foodrisk.detect.time.*})
 * @param levels            the numeric thresholds of the alert-level policy ({@code foodrisk.detect.levels.*})
 * @param failureRate       the pass-rate detector
 * @param foodHazard        the food × hazard pass-rate chart, sampling.food-hazard-cluster
 *                          ({@code foodrisk.detect.food-hazard.*})
 * @param opinion           the opinion spike and the suspected rumour
 * @param fusion            the multi-stream fusion
 * @param counts            the daily and weekly count aberrations: methods, their options, baseline
 * @param repeatOffender    businesses that fail again
 * @param illnessCluster    suspected outbreaks at one exposure place
 * @param deadlines         time allowed to acknowledge and close an alert, by level ({@code foodrisk.deadlines.*},
 *                          no JSON form)
 * @param disposal          time allowed to take a 核查处置 case to 已处置, by sampling program
 *                          ({@code foodrisk.disposal.deadlines.*}, like the alerts' deadlines no JSON form)
 * @param exchange          how this region names itself to partner regions ({@code foodrisk.exchange.region}, no JSON
 *                          form; issue 20)
 * @param detectors         the settings of the detectors listed in {@link FoodRiskTopology#DETECTORS}, by their
 *                          record's class (keys where each builder says, {@link DetectorBuilder#settingsPrefix()})
 */
public record TopologySettings(
        @JsonIgnore ZoneId zone,
        Duration futureTolerance,
        Duration dayCloseGrace,
        Duration overdueCheckEvery,
        TimeModel time,
        LevelPolicy levels,
        @JsonUnwrapped FailureRateSettings failureRate,
        FoodHazardSettings foodHazard,
        @JsonUnwrapped OpinionSettings opinion,
        @JsonUnwrapped FusionSettings fusion,
        @JsonUnwrapped CountAberrationSettings counts,
        @JsonUnwrapped RepeatOffenderSettings repeatOffender,
        @JsonUnwrapped IllnessClusterSettings illnessCluster,
        @JsonIgnore DeadlinePolicy deadlines,
        @JsonIgnore DisposalDeadlines disposal,
        @JsonIgnore ExchangeSettings exchange,
        @JsonIgnore DetectorSettings detectors) {

    public static TopologySettings defaults() {
        return new TopologySettings(
                ZoneId.of("Asia/Shanghai"),
                Duration.ofDays(1),
                Duration.ofDays(1),
                Duration.ofMinutes(1),
                TimeModel.defaults(),
                LevelPolicy.defaults(),
                FailureRateSettings.defaults(),
                FoodHazardSettings.defaults(),
                OpinionSettings.defaults(),
                FusionSettings.defaults(),
                CountAberrationSettings.defaults(),
                RepeatOffenderSettings.defaults(),
                IllnessClusterSettings.defaults(),
                DeadlinePolicy.defaults(),
                DisposalDeadlines.defaults(),
                ExchangeSettings.defaults(),
                DetectorSettings.defaults(FoodRiskTopology.DETECTORS));
    }

    /** A listed detector's settings, by its record's class ({@code part(ComplaintRepeatSettings.class)}). */
    public <S extends Record> S part(Class<S> type) {
        return detectors.get(type);
    }

    /**
     * These settings with one part replaced: a concern record ({@code with(new FusionSettings(…))}), the
     * zone, the time model, the deadlines. The part is found by its type, so each concern has a record of
     * its own; a part whose type is not unique here (the three durations) cannot be replaced this way. A listed
     * detector's record replaces its entry among {@link #detectors()}.
     */
    public TopologySettings with(Object part) {
        if (part instanceof Record detectorSettings && detectors.holds(detectorSettings.getClass())) {
            return with(detectors.with(detectorSettings));
        }
        RecordComponent[] components = TopologySettings.class.getRecordComponents();
        Object[] values = values();
        int replaced = -1;
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isInstance(part)) {
                if (replaced >= 0) {
                    throw new IllegalArgumentException("more than one setting is a " + part.getClass().getSimpleName()
                            + ": " + components[replaced].getName() + ", " + components[i].getName());
                }
                replaced = i;
            }
        }
        if (replaced < 0) {
            throw new IllegalArgumentException("no setting is a " + part.getClass().getName());
        }
        values[replaced] = part;
        return of(values);
    }

    /** The components' values in declaration order (for {@link SettingsOverrides}). */
    Object[] values() {
        return Arrays.stream(TopologySettings.class.getRecordComponents()).map(component -> {
            try {
                return component.getAccessor().invoke(this);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }).toArray();
    }

    /** The settings made of these components' values, in declaration order. */
    static TopologySettings of(Object[] values) {
        Class<?>[] types = Arrays.stream(TopologySettings.class.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<TopologySettings> canonical = TopologySettings.class.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
