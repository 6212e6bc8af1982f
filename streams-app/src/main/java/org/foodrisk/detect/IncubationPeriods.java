package org.foodrisk.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How long after exposure a foodborne illness begins, by confirmed agent and by clinical syndrome
 * (the table {@code foodrisk/incubation-periods.csv}, which names its public sources: FDA's onset
 * chart, the Bad Bug Book appendix, IAFP's Procedures to Investigate Foodborne Illness). An outbreak
 * investigation reads it backwards: from a case's onset to the window in which it was exposed.
 */
public final class IncubationPeriods {

    /** An incubation range; {@code name} is the table's canonical name of the agent or syndrome. */
    public record Range(String name, Duration min, Duration max) {
    }

    private static final String RESOURCE = "/foodrisk/incubation-periods.csv";
    private static final IncubationPeriods BUNDLED = load();

    private final Map<String, Range> agents;
    private final Map<String, Range> syndromes;
    private final Range unknown;

    private IncubationPeriods(Map<String, Range> agents, Map<String, Range> syndromes, Range unknown) {
        this.agents = agents;
        this.syndromes = syndromes;
        this.unknown = unknown;
    }

    public static IncubationPeriods bundled() {
        return BUNDLED;
    }

    /** The agent's canonical name (沙门菌 → 沙门氏菌), or the name as written when the table lacks it. */
    public String canonicalAgent(String pathogen) {
        if (pathogen == null || pathogen.isBlank()) {
            return null;
        }
        Range range = agents.get(key(pathogen));
        return range != null ? range.name() : pathogen.strip();
    }

    /** How many syndromes the table names (their canonical names, synonyms not counted). */
    public long syndromeCount() {
        return syndromes.values().stream().map(Range::name).distinct().count();
    }

    /** The syndrome's canonical name (消化道 → 胃肠道), or the name as written. */
    public String canonicalSyndrome(String syndrome) {
        if (syndrome == null || syndrome.isBlank()) {
            return null;
        }
        Range range = syndromes.get(key(syndrome));
        return range != null ? range.name() : syndrome.strip();
    }

    /** The incubation of a case: its confirmed agent's if the table has it, else its syndrome's, else the envelope. */
    public Range of(String pathogen, String syndrome) {
        Optional<Range> byAgent = pathogen == null ? Optional.empty() : Optional.ofNullable(agents.get(key(pathogen)));
        if (byAgent.isPresent()) {
            return byAgent.get();
        }
        Range bySyndrome = syndrome == null ? null : syndromes.get(key(syndrome));
        return bySyndrome != null ? bySyndrome : unknown;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static IncubationPeriods load() {
        try (InputStream in = IncubationPeriods.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, Range> agents = new HashMap<>();
            Map<String, Range> syndromes = new HashMap<>();
            Range unknown = null;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < 6) {
                    throw new IllegalStateException(RESOURCE + ": not 6 fields: " + line);
                }
                Range range = new Range(f[1].strip(), hours(f[3]), hours(f[4]));
                if (range.min().compareTo(range.max()) > 0) {
                    throw new IllegalStateException(RESOURCE + ": min after max: " + line);
                }
                if (f[0].equals("syndrome") && f[1].equals("*")) {
                    unknown = range;
                    continue;
                }
                Map<String, Range> target = switch (f[0]) {
                    case "agent" -> agents;
                    case "syndrome" -> syndromes;
                    default -> throw new IllegalStateException(RESOURCE + ": unknown kind: " + line);
                };
                target.put(key(f[1]), range);
                for (String alias : f[2].split("\\|")) {
                    if (!alias.isBlank()) {
                        target.put(key(alias), range);
                    }
                }
            }
            if (unknown == null) {
                throw new IllegalStateException(RESOURCE + ": no row for an unknown syndrome (*)");
            }
            return new IncubationPeriods(Map.copyOf(agents), Map.copyOf(syndromes), unknown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration hours(String text) {
        return Duration.ofSeconds(Math.round(Double.parseDouble(text.strip()) * 3600));
    }
}
