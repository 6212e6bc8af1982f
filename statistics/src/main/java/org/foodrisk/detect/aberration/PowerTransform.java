package org.foodrisk.detect.aberration;

import java.util.Locale;

/**
 * The power transform that makes a count roughly normal before the Farrington bound is set
 * (Farrington et al. 1996: 2/3 removes the skewness of a Poisson count). R's {@code powertrans}.
 */
public enum PowerTransform {
    NONE("none", 1.0),
    ONE_HALF("1/2", 0.5),
    TWO_THIRDS("2/3", 2.0 / 3);

    private final String rName;
    private final double exponent;

    PowerTransform(String rName, double exponent) {
        this.rName = rName;
        this.exponent = exponent;
    }

    /** As R writes it: "2/3", "1/2" or "none". */
    public String rName() {
        return rName;
    }

    public double exponent() {
        return exponent;
    }

    public static PowerTransform parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        for (PowerTransform transform : values()) {
            if (transform.rName.equals(value)) {
                return transform;
            }
        }
        throw new IllegalArgumentException("power-trans must be 2/3, 1/2 or none, not " + text);
    }
}
