package org.foodrisk.detect.aberration;

import java.util.Locale;

/**
 * How {@code farringtonFlexible} turns the prediction into an upper bound (R's
 * {@code thresholdMethod}; Noufaily et al. 2013, section 3.3).
 */
public enum ThresholdMethod {
    /** Farrington's normal approximation of the power-transformed count (R default). */
    DELTA("delta"),
    /** Negative-binomial quantile at the estimated mean (Noufaily et al.'s recommendation). */
    NB_PLUGIN("nbPlugin"),
    /** Negative-binomial quantile at the upper confidence limit of the mean. */
    MUAN("muan");

    private final String rName;

    ThresholdMethod(String rName) {
        this.rName = rName;
    }

    /** As R writes it: "delta", "nbPlugin" or "muan". */
    public String rName() {
        return rName;
    }

    /** Accepts R's spelling in any case, and the kebab-case "nb-plugin". */
    public static ThresholdMethod parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (ThresholdMethod method : values()) {
            if (method.rName.toLowerCase(Locale.ROOT).equals(value)) {
                return method;
            }
        }
        throw new IllegalArgumentException("threshold-method must be delta, nbPlugin or muan, not " + text);
    }
}
