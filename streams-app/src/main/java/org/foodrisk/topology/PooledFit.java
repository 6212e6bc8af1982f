package org.foodrisk.topology;

import org.foodrisk.detect.aberration.PooledModel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted window of the pooled model ({@link PooledAberrationProcessor} for days, {@link PooledWeeks} for weeks): the
 * model and each district's unit number in it, as kept in the progress store — so that a restart, or a re-judgement
 * days later, judges with the model the first verdict had rather than with a refit on counts late reports changed.
 */
record PooledFit(PooledModel model, Map<String, Integer> units) {

    /** Stored for a window that could not be fitted: its periods are not judged. */
    static final String NONE = "-";

    /** The districts in unit order, a newline, {@link PooledModel#encode()}. */
    String encode() {
        String[] districts = new String[units.size()];
        units.forEach((district, unit) -> districts[unit] = district);
        return String.join(",", districts) + "\n" + model.encode();
    }

    static String encode(Optional<PooledFit> fitted) {
        return fitted.map(PooledFit::encode).orElse(NONE);
    }

    static Optional<PooledFit> decode(String text) {
        if (NONE.equals(text)) {
            return Optional.empty();
        }
        int newline = text.indexOf('\n');
        Map<String, Integer> units = new HashMap<>();
        String[] districts = text.substring(0, newline).split(",");
        for (int unit = 0; unit < districts.length; unit++) {
            units.put(districts[unit], unit);
        }
        return Optional.of(new PooledFit(PooledModel.decode(text.substring(newline + 1)), units));
    }
}
