package org.foodrisk.evaluation;

import java.util.ArrayList;
import java.util.List;

/** A simulated district: every stream's mean is {@code scale} × the stream's baseline. */
public record District(String name, double scale) {

    private static final List<District> TIANJIN = List.of(
            new District("滨海新区", 2.0), new District("武清区", 1.3), new District("西青区", 1.1),
            new District("河北区", 0.9), new District("蓟州区", 0.7), new District("和平区", 0.5));

    public District {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive");
        }
    }

    /**
     * {@code count} districts: Tianjin districts of different sizes (scales chosen to spread the
     * counts, not census figures), then further ones of average size.
     */
    public static List<District> first(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one district");
        }
        List<District> districts = new ArrayList<>(TIANJIN.subList(0, Math.min(count, TIANJIN.size())));
        for (int i = districts.size(); i < count; i++) {
            districts.add(new District("district-" + (i + 1), 1.0));
        }
        return List.copyOf(districts);
    }
}
