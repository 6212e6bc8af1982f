package org.foodrisk.detect.aberration;

import java.util.List;
import java.util.Map;

/**
 * The aberration methods by name — the names the backtest CLI's {@code --method} and alerts use —
 * built from options named as R names its control parameters (option name without the leading
 * dashes, e.g. {@code "min-sigma"}, value as typed). Options a method does not take are refused.
 */
public final class AberrationMethods {

    private static final List<String> NAMES =
            List.of("ears-c1", "ears-c2", "ears-c3", "farrington", "farrington-flexible", "cusum", "glrnb");

    private AberrationMethods() {
    }

    public static List<String> names() {
        return NAMES;
    }

    public static AberrationMethod create(String name, Map<String, String> options, Frequency frequency) {
        return switch (name) {
            case "ears-c1" -> EarsC.fromOptions(EarsC.Variant.C1, options);
            case "ears-c2" -> EarsC.fromOptions(EarsC.Variant.C2, options);
            case "ears-c3" -> EarsC.fromOptions(EarsC.Variant.C3, options);
            case "farrington" -> Farrington.fromOptions(options, frequency);
            case "farrington-flexible" -> FarringtonFlexible.fromOptions(options, frequency);
            case "cusum" -> Cusum.fromOptions(options);
            case "glrnb" -> GlrNb.fromOptions(options);
            default -> throw new IllegalArgumentException("unknown method '" + name + "'; known: " + NAMES);
        };
    }
}
