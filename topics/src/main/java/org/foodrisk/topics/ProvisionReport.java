package org.foodrisk.topics;

import java.util.List;

/**
 * What a provisioning run found and did.
 *
 * @param created   topics this run created
 * @param missing   topics that do not exist and were not created (dry run)
 * @param unchanged topics that already existed; the provisioner never alters them, even when they drift
 * @param drift     every difference between an existing topic and the catalogue
 * @param notes     adjustments made to fit the cluster, e.g. a replication factor clamped to the broker count
 * @param dryRun    whether this run only looked
 */
public record ProvisionReport(
        List<String> created,
        List<String> missing,
        List<String> unchanged,
        List<Drift> drift,
        List<String> notes,
        boolean dryRun) {

    /**
     * One difference between an existing topic and the catalogue.
     *
     * @param topic    topic name
     * @param what     {@code partitions}, {@code replication.factor} or a config name
     * @param expected value the catalogue asks for on this cluster
     * @param actual   value the topic has
     */
    public record Drift(String topic, String what, String expected, String actual) {
        @Override
        public String toString() {
            return topic + ": " + what + " expected " + expected + ", actual " + actual;
        }
    }

    public ProvisionReport {
        created = List.copyOf(created);
        missing = List.copyOf(missing);
        unchanged = List.copyOf(unchanged);
        drift = List.copyOf(drift);
        notes = List.copyOf(notes);
    }

    /** Whether any existing topic differs from the catalogue. */
    public boolean hasDrift() {
        return !drift.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Topic provisioning report")
                .append(dryRun ? " (dry run: nothing was changed)" : "")
                .append('\n');
        appendNames(text, "created", created);
        appendNames(text, "missing", missing);
        appendNames(text, "unchanged", unchanged);
        appendLines(text, "drift (left as is)", drift.stream().map(Drift::toString).toList());
        appendLines(text, "notes", notes);
        return text.toString();
    }

    private static void appendNames(StringBuilder text, String label, List<String> names) {
        text.append(String.format("  %-9s (%d)%s%n", label, names.size(),
                names.isEmpty() ? "" : ": " + String.join(", ", names)));
    }

    private static void appendLines(StringBuilder text, String label, List<String> lines) {
        text.append(String.format("  %s (%d)%n", label, lines.size()));
        lines.forEach(line -> text.append("    ").append(line).append('\n'));
    }
}
