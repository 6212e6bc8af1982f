package org.foodrisk.alert;

import org.foodrisk.detect.Evidence;
import org.foodrisk.plan.PlanTaskRef;

/**
 * How large an alert may grow, and why that is small enough (issue 14, "poison pill by growth").
 *
 * <p>Every alert version is written twice: to foodrisk.alerts.v1 and to the changelog of the alerts
 * store. Both take at most 1 MiB a record (topics.json; the changelog by StreamsProperties' topic
 * configs). A version larger than that is refused by the producer or broker, the stream thread fails
 * on the same record after every restart, and the service stops answering. So every part of an alert
 * that grows with input or with people's actions is bounded here, and the bounds add up to far less
 * than 1 MiB even when every list is full and every text at its cap.
 *
 * <p>Worst case, in serialized JSON bytes. Characters are counted at 6 bytes, the most one Java char
 * costs in the service's JSON: a control character is written as a six-byte escape {@code \u001F};
 * Chinese is 3 bytes in UTF-8 and a surrogate pair 4 bytes for two chars. The lists are bounded by
 * their serialized bytes directly, so the count of characters does not matter for them:
 * <pre>
 *   action log  (≤ 100 actions and ≤ MAX_ACTION_LOG_BYTES)          163,840
 *   evidence    (≤ 200 items and ≤ MAX_EVIDENCE_BYTES)              163,840
 *   history     (≤ 200 lines and ≤ MAX_HISTORY_BYTES)                65,536
 *   planTasks   (≤ MAX_PLAN_TASKS and ≤ MAX_PLAN_TASK_BYTES)           98,304
 *   headline    200 chars × 6                                          1,200
 *   disposition (handling) 2,000 chars × 6                            12,000
 *   ~15 short texts from input (names, codes, dedupKey: ≤ 4 × 256 chars each) × 6   ≤ 92,160
 *   recommendedActions, detector, judgement, deadlines, window, field names ≤ 16,384
 *                                                                   ─────────
 *   without planTasks                                               ≤ 514,960  (≈ 503 KiB)
 * </pre>
 *   total                                                           ≤ 613,264  (≈ 599 KiB)
 * Plan tasks are not written by reporters or unit members but by the operators' plan catalogue (a
 * topic an operator writes); a routed risk names one to three tasks of about 1–2 KiB. Each is bounded
 * by {@link org.foodrisk.plan.PlanTaskRef} (texts ≤ 300 characters, ≤ 12 units per list, ≤ 10 reasons), and
 * the list by count and bytes here, keeping the first — the most relevant — tasks (issue 14: they
 * were bounded only by the last guard). {@code AlertBoundsTest} builds the worst case, with plan tasks
 * past every cap, and measures it.
 *
 * <p>Should anything still push a version past {@link #MAX_ALERT_BYTES} — 3/4 of what the topics
 * take, leaving room for the key, headers and record overhead — the alert's processor refuses that
 * version with a dead letter instead of writing it, and the alert stays as it was.
 */
public final class AlertBounds {

    /** The largest alert version the topology writes (serialized JSON); the topics take 1 MiB. */
    public static final int MAX_ALERT_BYTES = 768 * 1024;

    /** Contract (foodrisk.alert-actions.v1): note and disposition, characters. A page of Chinese text. */
    public static final int MAX_NOTE_CHARS = 2000;
    /** Contract: the acting or assigned unit, characters (a unit is named as the plans name it). */
    public static final int MAX_UNIT_CHARS = PlanTaskRef.MAX_UNIT_CHARS;
    /** Contract: who acted, characters. */
    public static final int MAX_BY_CHARS = 128;

    /** The action log keeps the latest actions within both bounds; the actions topic keeps them all. */
    public static final int MAX_ACTIONS = 100;
    public static final int MAX_ACTION_LOG_BYTES = 160 * 1024;

    /** Evidence kept on one alert, the newest; a long-running risk stays readable. */
    public static final int MAX_EVIDENCE = 200;
    public static final int MAX_EVIDENCE_BYTES = 160 * 1024;
    /** One evidence line-list entry, e.g. "猪肉 不合格 克伦特罗 2.3μg/kg 某摊位" (bounded where it is made). */
    public static final int MAX_EVIDENCE_SUMMARY_CHARS = Evidence.MAX_SUMMARY_CHARS;

    /** Version history: one line per version, the latest kept. */
    public static final int MAX_HISTORY = 200;
    public static final int MAX_HISTORY_BYTES = 64 * 1024;
    public static final int MAX_HISTORY_CHANGE_CHARS = 120;

    /** What happened, in one sentence; built from names in the input. */
    public static final int MAX_HEADLINE_CHARS = 200;
    /** Plan tasks an alert names, and their serialized bytes (the first task always stays). */
    public static final int MAX_PLAN_TASKS = 10;
    public static final int MAX_PLAN_TASK_BYTES = 96 * 1024;

    private AlertBounds() {
    }
}
