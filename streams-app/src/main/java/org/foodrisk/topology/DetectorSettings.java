package org.foodrisk.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings records of the detectors that wire themselves ({@link FoodRiskTopology#DETECTORS}), each found
 * by its class, so that a detector's settings join {@link TopologySettings} without a component there. Each
 * record keeps the prefix its keys sit under in {@code foodrisk.detect} ({@link SettingsOverrides} binds them
 * there, as it binds the named concerns).
 *
 * @param parts in the order the detectors are listed
 */
public record DetectorSettings(List<Part> parts) {

    /**
     * One detector's settings.
     *
     * @param prefix where its keys sit under {@code foodrisk.detect} (kebab-case; empty: directly there)
     * @param value  its settings record
     */
    public record Part(String prefix, Record value) {
    }

    public DetectorSettings {
        parts = List.copyOf(parts);
    }

    /** Each listed detector's defaults; two detectors may not share a settings record (it is the key). */
    static DetectorSettings defaults(List<DetectorBuilder<?>> detectors) {
        List<Part> parts = new ArrayList<>();
        for (DetectorBuilder<?> detector : detectors) {
            Part part = new Part(detector.settingsPrefix(), detector.defaultSettings());
            if (parts.stream().anyMatch(p -> p.value().getClass() == part.value().getClass())) {
                throw new IllegalArgumentException("two detectors take " + part.value().getClass().getSimpleName()
                        + ": each detector has a settings record of its own");
            }
            parts.add(part);
        }
        return new DetectorSettings(parts);
    }

    boolean holds(Class<?> type) {
        return parts.stream().anyMatch(p -> p.value().getClass() == type);
    }

    /** The settings of this type; a type no listed detector takes is a mistake, not a default. */
    <S extends Record> S get(Class<S> type) {
        return parts.stream().map(Part::value).filter(value -> value.getClass() == type).map(type::cast)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no detector takes " + type.getName()));
    }

    /** These settings with the record of the value's class replaced by it. */
    DetectorSettings with(Record value) {
        if (!holds(value.getClass())) {
            throw new IllegalArgumentException("no detector takes " + value.getClass().getName());
        }
        return new DetectorSettings(parts.stream()
                .map(p -> p.value().getClass() == value.getClass() ? new Part(p.prefix(), value) : p).toList());
    }
}
