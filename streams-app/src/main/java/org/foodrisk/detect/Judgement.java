package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * How a period's verdict came about and on how much of its data. A day is judged when the
 * service's clock (the arrival-time watermark) has passed it by the grace period — lab results
 * and case reports of that day may still be on their way — and judged again when late reports
 * change its count: the alert is then raised late, updated, or withdrawn, and says so here.
 *
 * @param state           初判 (first verdict when the day closed), 补判 (raised on late reports),
 *                        更新 (an alarm re-judged on late reports, still an alarm), 撤回 (an alarm that
 *                        late reports or corrections turned into no alarm)
 * @param judgedAt        the service clock (arrival time) at the verdict
 * @param reportsReceived records of the judged period received by then (sampling: every result, passes too)
 * @param completeness    estimated share of the period's reports received by then (0–1), from the delays
 *                        between event and report this stream has shown; null until delays are known
 * @param typicalDelayDays median delay, in whole days, between a record's event time and its report
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Judgement(String state, OffsetDateTime judgedAt, long reportsReceived, Double completeness,
                        Integer typicalDelayDays) {

    public static final String FIRST = "初判";
    public static final String RAISED_LATE = "补判";
    public static final String UPDATED = "更新";
    public static final String WITHDRAWN = "撤回";

    public boolean withdrawn() {
        return WITHDRAWN.equals(state);
    }

    public Judgement as(String newState) {
        return new Judgement(newState, judgedAt, reportsReceived, completeness, typicalDelayDays);
    }

    /** One Chinese phrase for an alert's history: 「初判（已收到12条，约80%）」. */
    public String describe() {
        StringBuilder text = new StringBuilder(state).append("（已收到").append(reportsReceived).append("条");
        if (completeness != null) {
            text.append("，估计约占").append(Math.round(completeness * 100)).append("%");
        }
        if (typicalDelayDays != null) {
            text.append("，典型报告延迟").append(typicalDelayDays).append("天");
        }
        return text.append("）").toString();
    }
}
