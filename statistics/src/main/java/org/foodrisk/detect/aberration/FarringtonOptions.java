package org.foodrisk.detect.aberration;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a method's options (R's control names in kebab case, e.g. {@code weights-threshold} for
 * {@code weightsThreshold}) and refuses names the method does not have, so that a mistyped option
 * fails loudly instead of silently running with R's default.
 */
final class FarringtonOptions {

    private final Map<String, String> options;

    private FarringtonOptions(Map<String, String> options) {
        this.options = options;
    }

    static FarringtonOptions of(Map<String, String> options, Set<String> known, String method) {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) for " + method + ": " + unknown
                    + "; known: " + new TreeSet<>(known));
        }
        return new FarringtonOptions(options);
    }

    int integer(String name, int defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, not " + value, e);
        }
    }

    double decimal(String name, double defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not " + value, e);
        }
    }

    /** true/false, also R's TRUE/FALSE/T/F. */
    boolean bool(String name, boolean defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "t" -> true;
            case "false", "f" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not " + value);
        };
    }

    /** R's {@code limit54 = c(cases, periods)}, written "5,4". */
    int[] limit54(int[] defaultValue) {
        String value = options.get("limit54");
        if (value == null) {
            return defaultValue.clone();
        }
        String[] parts = value.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("limit54 must be \"cases,periods\", e.g. 5,4, not " + value);
        }
        try {
            return new int[]{Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit54 must be \"cases,periods\", e.g. 5,4, not " + value, e);
        }
    }

    String text(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }
}
