package org.foodrisk.detect.aberration;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The past periods a Farrington model is fitted to when judging period {@code t}, and the
 * seasonal level of each, with the design matrix built from them.
 *
 * <p>"The same period" of each earlier year is found as R finds it ({@link ReferenceYears}): by calendar
 * years for dated series (R's {@code epochAsDate = TRUE}), or {@code frequency} periods a year; the caller
 * passes the window centres it gives ({@link #centres}).
 *
 * <p>Design columns, in R's model-matrix order: intercept; {@code wtime} (the 1-based period index,
 * as R's {@code wtime}) when a trend is fitted; then, when there is a seasonal factor, one
 * treatment-contrast indicator per level except the lowest one present.
 */
final class FarringtonBaseline {

    private final int[] indices;
    /** Seasonal level per baseline period; {@code null} when the model has no seasonal factor. */
    private final int[] levels;
    private final int currentLevel;
    private final int[] contrastLevels;

    private FarringtonBaseline(int[] indices, int[] levels, int currentLevel) {
        this.indices = indices;
        this.levels = levels;
        this.currentLevel = currentLevel;
        if (levels == null) {
            contrastLevels = new int[0];
        } else {
            TreeSet<Integer> present = new TreeSet<>();
            for (int level : levels) {
                present.add(level);
            }
            present.pollFirst(); // the lowest level is the reference level of R's treatment contrasts
            contrastLevels = present.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Periods a model for period {@code t} needs before it: {@code b} years plus {@code w} periods. */
    static int requiredHistory(int periodsPerYear, int years, int halfWindow) {
        return periodsPerYear * years + halfWindow;
    }

    /**
     * The centre of each year's reference window before period {@code t}: element {@code i} is {@code i + 1}
     * years back.
     */
    static int[] centres(ReferenceYears referenceYears, CountSeries series, int t, int years) {
        int[] centres = new int[years];
        for (int year = 1; year <= years; year++) {
            centres[year - 1] = referenceYears.centre(series.dates(), series.frequency(), t, year);
        }
        return centres;
    }

    /**
     * Farrington et al. (1996): the {@code 2w + 1} periods centred on the same period of each of
     * the {@code b} previous years ({@code surveillance::algo.farrington}).
     *
     * @param centres the windows' centres, {@link #centres}
     */
    static FarringtonBaseline referenceWindows(int[] centres, int halfWindow) {
        int[] chosen = new int[centres.length * (2 * halfWindow + 1)];
        int k = 0;
        for (int year = centres.length; year >= 1; year--) {
            int centre = centres[year - 1];
            for (int index = centre - halfWindow; index <= centre + halfWindow; index++) {
                chosen[k++] = index;
            }
        }
        return new FarringtonBaseline(chosen, null, 1);
    }

    /**
     * Noufaily et al. (2013): all periods of the last {@code b} years, in {@code noPeriods} seasonal
     * levels — level {@code noPeriods} for the reference windows (and the current one), levels
     * {@code 1..noPeriods-1} for near-equal blocks of the periods between windows — minus the
     * latest {@code pastWeeksNotIncluded + 1} periods. With {@code noPeriods = 1} only the
     * windows are used, as in the original method. R: {@code surveillance:::blocks} and
     * {@code surveillance:::algo.farrington.data.glm}; the gap between two windows is what lies between
     * their centres (51 − 2w or 52 − 2w weeks by calendar years, {@code periodsPerYear − 2w − 1} by periods).
     *
     * @param centres the windows' centres, {@link #centres}
     */
    static FarringtonBaseline seasonalBlocks(int t, int[] centres, int halfWindow, int noPeriods,
                                             int pastPeriodsNotIncluded) {
        int[] levelAt = new int[t + 1];
        Arrays.fill(levelAt, -1);
        for (int index = Math.max(0, t - halfWindow); index <= t; index++) {
            levelAt[index] = noPeriods;
        }
        int later = t;
        for (int year = 1; year <= centres.length; year++) {
            int centre = centres[year - 1];
            for (int index = centre - halfWindow; index <= centre + halfWindow; index++) {
                levelAt[index] = noPeriods;
            }
            if (noPeriods != 1) {
                // blocks(): split the gap into noPeriods - 1 blocks, the first (gap mod (noPeriods-1)) one longer
                int gap = later - centre - 2 * halfWindow - 1;
                int blockLength = gap / (noPeriods - 1);
                int longer = gap % (noPeriods - 1);
                int next = centre + halfWindow + 1;
                for (int level = 1; level <= noPeriods - 1; level++) {
                    int length = blockLength + (level <= longer ? 1 : 0);
                    for (int index = next; index < next + length; index++) {
                        levelAt[index] = level;
                    }
                    next += length;
                }
            }
            later = centre;
        }
        for (int index = Math.max(0, t - pastPeriodsNotIncluded); index <= t; index++) {
            levelAt[index] = -1;
        }
        int count = 0;
        for (int level : levelAt) {
            if (level >= 0) {
                count++;
            }
        }
        int[] indices = new int[count];
        int[] levels = new int[count];
        int k = 0;
        for (int index = 0; index <= t; index++) {
            if (levelAt[index] >= 0) {
                indices[k] = index;
                levels[k] = levelAt[index];
                k++;
            }
        }
        return new FarringtonBaseline(indices, noPeriods == 1 ? null : levels, noPeriods);
    }

    /** Checks that {@code noPeriods} fits between the windows (each block at least one period). */
    static void checkSeasonalLevels(int periodsPerYear, int halfWindow, int noPeriods) {
        int gap = periodsPerYear - 2 * halfWindow - 1;
        if (noPeriods < 1 || (noPeriods > 1 && noPeriods - 1 > gap)) {
            throw new IllegalArgumentException("no-periods must be between 1 and " + (gap + 1) + " for w = "
                    + halfWindow + " and " + periodsPerYear + " periods a year");
        }
    }

    double[] response(long[] counts) {
        double[] y = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            y[i] = counts[indices[i]];
        }
        return y;
    }

    double[][] design(boolean trend) {
        double[][] design = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            design[i] = row(indices[i], levels == null ? currentLevel : levels[i], trend);
        }
        return design;
    }

    /** The design row of the period being judged (its level: the windows' level). */
    double[] currentRow(int t, boolean trend) {
        return row(t, currentLevel, trend);
    }

    /** Column of {@code wtime} when a trend is in the design. */
    static int trendColumn() {
        return 1;
    }

    private double[] row(int index, int level, boolean trend) {
        double[] row = new double[1 + (trend ? 1 : 0) + contrastLevels.length];
        row[0] = 1.0;
        int column = 1;
        if (trend) {
            row[column++] = index + 1; // R's wtime is the 1-based index
        }
        for (int contrast : contrastLevels) {
            row[column++] = level == contrast ? 1.0 : 0.0;
        }
        return row;
    }
}
