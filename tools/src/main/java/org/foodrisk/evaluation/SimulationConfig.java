package org.foodrisk.evaluation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * What the benchmark simulates. Every district gets {@code historyYears} years of history and one
 * evaluated year, each of {@value StreamProfile#DAYS_PER_YEAR} days; that district-year is simulated
 * in as many independent replicates as are needed to place {@code outbreaksPerStream} scored
 * outbreaks in each stream at {@code outbreaksPerDistrictYear} a district-year.
 *
 * @param seed                     seeds every random number (same seed, same figures)
 * @param districts                number of districts ({@link District#first})
 * @param outbreaksPerStream       scored outbreaks that each stream sees
 * @param outbreaksPerDistrictYear outbreaks in one district-year (the year is cut in as many equal
 *                                 segments, one outbreak starting at random in each, so they never overlap);
 *                                 history years get the same number, unscored, as in Noufaily et al.
 * @param historyYears             years before the evaluated one (Farrington with b = 5, w = 3 needs 5 years
 *                                 and 3 weeks)
 * @param sizeMultipliers          the k of outbreak size ~ Poisson(k × sd), assigned in equal shares
 * @param mode                     multi-stream or single-stream outbreaks
 * @param onsetUnitDays            days per unit of the lognormal onset profile (7: Noufaily's weeks)
 * @param firstDay                 the first simulated day, a Monday (weeks are Monday to Sunday)
 */
public record SimulationConfig(long seed, int districts, int outbreaksPerStream, int outbreaksPerDistrictYear,
                               int historyYears, List<Double> sizeMultipliers, OutbreakMode mode, int onsetUnitDays,
                               LocalDate firstDay) {

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_DISTRICTS = 6;
    public static final int DEFAULT_OUTBREAKS = 120;
    public static final int DEFAULT_OUTBREAKS_PER_YEAR = 4;
    public static final int DEFAULT_HISTORY_YEARS = 6;
    public static final List<Double> DEFAULT_SIZE_MULTIPLIERS = List.of(2.0, 3.0, 5.0, 10.0);
    /** Noufaily et al.'s onset profile is in weeks. */
    public static final int DEFAULT_ONSET_UNIT_DAYS = 7;
    public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2018, 12, 31);

    public SimulationConfig {
        sizeMultipliers = List.copyOf(sizeMultipliers);
        if (districts < 1 || outbreaksPerStream < 0 || outbreaksPerDistrictYear < 1 || historyYears < 0
                || sizeMultipliers.isEmpty() || onsetUnitDays < 1) {
            throw new IllegalArgumentException("need districts >= 1, outbreaks >= 0, outbreaks per year >= 1,"
                    + " history years >= 0, at least one size multiplier and onset unit >= 1 day");
        }
        if (sizeMultipliers.stream().anyMatch(k -> !(k > 0))) {
            throw new IllegalArgumentException("size multipliers must be positive");
        }
        if (firstDay.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("the first day must be a Monday");
        }
    }

    public static SimulationConfig defaults(long seed) {
        return new SimulationConfig(seed, DEFAULT_DISTRICTS, DEFAULT_OUTBREAKS, DEFAULT_OUTBREAKS_PER_YEAR,
                DEFAULT_HISTORY_YEARS, DEFAULT_SIZE_MULTIPLIERS, OutbreakMode.MULTI_STREAM, DEFAULT_ONSET_UNIT_DAYS,
                DEFAULT_FIRST_DAY);
    }

    public SimulationConfig withDistricts(int value) {
        return new SimulationConfig(seed, value, outbreaksPerStream, outbreaksPerDistrictYear, historyYears,
                sizeMultipliers, mode, onsetUnitDays, firstDay);
    }

    public SimulationConfig withOutbreaks(int value) {
        return new SimulationConfig(seed, districts, value, outbreaksPerDistrictYear, historyYears,
                sizeMultipliers, mode, onsetUnitDays, firstDay);
    }

    public SimulationConfig withHistoryYears(int value) {
        return new SimulationConfig(seed, districts, outbreaksPerStream, outbreaksPerDistrictYear, value,
                sizeMultipliers, mode, onsetUnitDays, firstDay);
    }

    public SimulationConfig withSizeMultipliers(List<Double> value) {
        return new SimulationConfig(seed, districts, outbreaksPerStream, outbreaksPerDistrictYear, historyYears,
                value, mode, onsetUnitDays, firstDay);
    }

    public SimulationConfig withOnsetUnitDays(int value) {
        return new SimulationConfig(seed, districts, outbreaksPerStream, outbreaksPerDistrictYear, historyYears,
                sizeMultipliers, mode, value, firstDay);
    }

    public SimulationConfig withMode(OutbreakMode value) {
        return new SimulationConfig(seed, districts, outbreaksPerStream, outbreaksPerDistrictYear, historyYears,
                sizeMultipliers, value, onsetUnitDays, firstDay);
    }

    /** Scored outbreaks in all: one per stream each in multi-stream mode, one stream each otherwise. */
    public int scoredOutbreaks(int streams) {
        return mode == OutbreakMode.MULTI_STREAM ? outbreaksPerStream : outbreaksPerStream * streams;
    }

    /** Independent replicates of the district-year needed to place every scored outbreak (at least one). */
    public int replicates(int streams) {
        int perReplicate = districts * outbreaksPerDistrictYear;
        return Math.max(1, (scoredOutbreaks(streams) + perReplicate - 1) / perReplicate);
    }

    public int days() {
        return (historyYears + 1) * StreamProfile.DAYS_PER_YEAR;
    }

    /** Index of the first day of the evaluated year. */
    public int evaluationStart() {
        return historyYears * StreamProfile.DAYS_PER_YEAR;
    }
}
