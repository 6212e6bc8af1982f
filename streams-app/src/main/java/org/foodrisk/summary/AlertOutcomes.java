package org.foodrisk.summary;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the checks found, per kind of alert and detector (issue 19: "the dispositions recorded on closed alerts are
 * used to report each kind's positive predictive value"): of the alerts raised, how many were closed, and of those
 * how many the responsible unit found 属实, 不属实 or 无法核实 (the close's {@code verdict}). The positive predictive
 * value is 属实 / (属实 + 不属实) — an alarm nobody could check tells nothing either way — with the Wilson score
 * interval at 95 % (Wilson EB. Probable inference, the law of succession, and statistical inference. J Am Stat Assoc
 * 1927;22:209-12), which stays inside [0, 1] and says how little a handful of verdicts shows. Alerts withdrawn by late
 * reports count nowhere; closes recorded before verdicts existed count as closed without a verdict.
 */
public final class AlertOutcomes {

    static final double Z95 = 1.959963984540054;

    /**
     * One kind (and detector) of alert.
     *
     * @param ppv     null while no closed alert has a 属实 or 不属实 verdict; {@code ppvLow}, {@code ppvHigh} likewise
     */
    public record KindOutcome(String kind, String detector, int alerts, int closed, int real, int notReal,
                              int undetermined, int closedWithoutVerdict, Double ppv, Double ppvLow, Double ppvHigh) {
    }

    private AlertOutcomes() {
    }

    /** Per kind and detector, by kind then detector, and a last row {@code 合计} over all of them. */
    public static List<KindOutcome> of(List<Alert> alerts) {
        Map<String, int[]> counts = new TreeMap<>();
        int[] total = new int[6];
        for (Alert alert : alerts) {
            if (AlertPeriods.withdrawn(alert)) {
                continue;
            }
            String detector = alert.detector() == null || alert.detector().name() == null ? "" : alert.detector().name();
            int[] c = counts.computeIfAbsent(alert.kind() + "\u0000" + detector, k -> new int[6]);
            for (int[] tally : List.of(c, total)) {
                add(tally, alert);
            }
        }
        List<KindOutcome> rows = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] kindDetector = key.split("\u0000", -1);
            rows.add(row(kindDetector[0], kindDetector[1].isEmpty() ? null : kindDetector[1], c));
        });
        rows.add(row("合计", null, total));
        return rows;
    }

    private static void add(int[] tally, Alert alert) {
        tally[0]++;
        if (alert.status() != AlertStatus.CLOSED) {
            return;
        }
        tally[1]++;
        String verdict = alert.handling().verdict();
        if ("属实".equals(verdict)) {
            tally[2]++;
        } else if ("不属实".equals(verdict)) {
            tally[3]++;
        } else if ("无法核实".equals(verdict)) {
            tally[4]++;
        } else {
            tally[5]++;
        }
    }

    private static KindOutcome row(String kind, String detector, int[] c) {
        int judged = c[2] + c[3];
        if (judged == 0) {
            return new KindOutcome(kind, detector, c[0], c[1], c[2], c[3], c[4], c[5], null, null, null);
        }
        double p = (double) c[2] / judged;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * judged)) / (1 + z2 / judged);
        double half = Z95 * Math.sqrt(p * (1 - p) / judged + z2 / (4.0 * judged * judged)) / (1 + z2 / judged);
        return new KindOutcome(kind, detector, c[0], c[1], c[2], c[3], c[4], c[5], p, Math.max(0, centre - half),
                Math.min(1, centre + half));
    }
}
