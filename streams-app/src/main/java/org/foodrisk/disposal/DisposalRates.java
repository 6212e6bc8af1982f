package org.foodrisk.disposal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;

/**
 * 核查处置率 and 按时完成率 of a set of cases as of a moment, as the plans mean them (西青 2021 18.:
 * 国家监督抽检不合格食品核查处置率保持 100%，按时完成率达到 85%):
 * <ul>
 *   <li>received — cases known by then (withdrawn ones, corrected to 合格, count nowhere);</li>
 *   <li>核查处置率 = 已处置 / received;</li>
 *   <li>按时完成率 = 已处置 by the deadline / (已处置 + still open past the deadline). A case still open
 *       within its time is not yet late and not counted; one open past it is late already and counts
 *       against the rate — counting closed cases only let a unit look punctual by leaving late ones
 *       open (issue 15).</li>
 * </ul>
 * State as of the moment is read from the case's timestamps, so a past period gives the same figures
 * whenever it is computed.
 */
public record DisposalRates(int received, int disposed, int disposedInTime, int open, int openOverdue,
                            Double handlingRate, Double onTimeRate) {

    public static DisposalRates of(List<DisposalCase> cases, OffsetDateTime asOf) {
        int received = 0;
        int disposed = 0;
        int inTime = 0;
        int open = 0;
        int openOverdue = 0;
        for (DisposalCase c : cases) {
            OffsetDateTime known = c.knownAt() != null ? c.knownAt() : c.sampledAt();
            if (c.withdrawn() || (known != null && known.isAfter(asOf))) {
                continue;
            }
            received++;
            if (c.disposedAt() != null && !c.disposedAt().isAfter(asOf)) {
                disposed++;
                if (c.disposedInTime()) {
                    inTime++;
                }
            } else {
                open++;
                if (c.dueBy() != null && c.dueBy().isBefore(asOf)) {
                    openOverdue++;
                }
            }
        }
        return new DisposalRates(received, disposed, inTime, open, openOverdue,
                received == 0 ? null : percent(disposed, received),
                disposed + openOverdue == 0 ? null : percent(inTime, disposed + openOverdue));
    }

    /** The rates of each group (unit, district …), groups sorted by name. */
    public static Map<String, DisposalRates> byGroup(List<DisposalCase> cases, Function<DisposalCase, String> group,
                                                     OffsetDateTime asOf) {
        Map<String, List<DisposalCase>> groups = new TreeMap<>();
        cases.forEach(c -> groups.computeIfAbsent(String.valueOf(group.apply(c)), g -> new ArrayList<>()).add(c));
        Map<String, DisposalRates> rates = new TreeMap<>();
        groups.forEach((name, members) -> rates.put(name, of(members, asOf)));
        return rates;
    }

    private static double percent(int numerator, int denominator) {
        return Math.round(1000.0 * numerator / denominator) / 10.0;
    }
}
