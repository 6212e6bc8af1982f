package org.foodrisk.hostile;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Records, refusals and the error codes seen, per attack class: the table the hostile-input tests print. */
public final class Tally {

    private static final class Row {
        int records;
        int refused;
        final Map<String, Integer> errors = new TreeMap<>();
    }

    private final Map<Attack, Row> rows = new EnumMap<>(Attack.class);

    /** @param error the error code of a refusal (null when accepted) */
    public void count(Attack attack, boolean refused, String error) {
        Row row = rows.computeIfAbsent(attack, a -> new Row());
        row.records++;
        if (refused) {
            row.refused++;
            row.errors.merge(error == null ? "(none)" : error, 1, Integer::sum);
        }
    }

    public int records() {
        return rows.values().stream().mapToInt(r -> r.records).sum();
    }

    public int refused() {
        return rows.values().stream().mapToInt(r -> r.refused).sum();
    }

    public String table(String title) {
        StringBuilder text = new StringBuilder(title).append('\n')
                .append(String.format("%-22s %8s %8s  %s%n", "attack", "records", "refused", "error codes"));
        rows.forEach((attack, row) -> text.append(String.format("%-22s %8d %8d  %s%n", attack, row.records, row.refused,
                row.errors)));
        return text.append(String.format("%-22s %8d %8d%n", "total", records(), refused())).toString();
    }
}
