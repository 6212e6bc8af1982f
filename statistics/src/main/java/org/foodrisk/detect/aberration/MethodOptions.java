package org.foodrisk.detect.aberration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a method's parameters from text options (the backtest CLI's {@code --name value} pairs,
 * keyed by the option name without dashes, e.g. {@code "min-sigma"}) and refuses options the
 * method does not know, so that a misspelt or misplaced parameter never silently falls back to
 * a default.
 */
public final class MethodOptions {

    private final String method;
    private final Map<String, String> remaining;
    /** Every option the method asked for: the ones it knows. */
    private final Set<String> known = new TreeSet<>();

    public MethodOptions(String method, Map<String, String> options) {
        this.method = method;
        this.remaining = new LinkedHashMap<>(options);
    }

    public String text(String name, String defaultValue) {
        known.add(name);
        String value = remaining.remove(name);
        return value == null ? defaultValue : value.trim();
    }

    public double decimal(String name, double defaultValue) {
        String value = text(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a number");
        }
    }

    public int integer(String name, int defaultValue) {
        String value = text(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a whole number");
        }
    }

    /** {@code true} or {@code false} (also R's {@code TRUE}/{@code FALSE}). */
    public boolean bool(String name, boolean defaultValue) {
        String value = text(name, null);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(name, value, "true or false");
    }

    public IllegalArgumentException invalid(String name, String value, String expected) {
        return new IllegalArgumentException(method + ": --" + name + " must be " + expected + ", not '" + value + "'");
    }

    /** Call after reading every parameter the method knows. */
    public void rejectUnused() {
        if (!remaining.isEmpty()) {
            Set<String> names = new TreeSet<>(remaining.keySet());
            throw new IllegalArgumentException(method + " does not take option(s) " + names.stream()
                    .map(n -> "--" + n).toList() + "; its options are " + known.stream().map(n -> "--" + n).toList());
        }
    }
}
