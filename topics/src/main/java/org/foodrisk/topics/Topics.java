package org.foodrisk.topics;

import java.util.List;

/**
 * Names of every topic the service reads or writes.
 *
 * <p>The names of the contract topics are fixed by {@code docs/contract.md}; the
 * {@code .v1} suffix is part of the name so that an incompatible change becomes a new topic
 * rather than a silent change under subscribers. Partitions, retention and schemas live in
 * the catalogue ({@code foodrisk/topics.json}, see {@link TopicCatalogue}), not here, so that
 * operators can read them without reading Java.
 */
public final class Topics {

    /** Lab test results (抽检/监测结果); key {@code sampleId}; event time {@code sampledAt}. */
    public static final String SAMPLING_RESULTS = "foodrisk.sampling-results.v1";
    /** Foodborne-illness case reports (食源性疾病病例); key {@code caseId}; event time {@code onsetAt}. */
    public static final String ILLNESS_REPORTS = "foodrisk.illness-reports.v1";
    /** Consumer complaints (投诉举报); key {@code complaintId}; event time {@code receivedAt}. */
    public static final String COMPLAINTS = "foodrisk.complaints.v1";
    /** Public-opinion signals (舆情); key {@code signalId}; event time {@code publishedAt}. */
    public static final String OPINION_SIGNALS = "foodrisk.opinion-signals.v1";
    /** Risk alerts, a changelog keyed by {@code alertId} with increasing {@code version}. */
    public static final String ALERTS = "foodrisk.alerts.v1";
    /** What people do with alerts (acknowledge, assign, ...); key {@code alertId}. */
    public static final String ALERT_ACTIONS = "foodrisk.alert-actions.v1";
    /** 会商 summaries; key {@code <districtCode>|<period>}. */
    public static final String RISK_SUMMARIES = "foodrisk.risk-summaries.v1";
    /**
     * 核查处置 cases: one per 不合格 result of 监督抽检 (key caseId = sampleId), a changelog with increasing
     * {@code version}, as the alerts topic is (issue 15).
     */
    public static final String DISPOSAL_CASES = "foodrisk.disposal-cases.v1";
    /** What the responsible unit does with a 核查处置 case (accept, dispose, comment); key {@code caseId}. */
    public static final String DISPOSAL_ACTIONS = "foodrisk.disposal-actions.v1";
    /**
     * 会商 records (issue 20): one per meeting (key consultationId), a changelog with increasing {@code version} —
     * every report on one of its decisions is a new version.
     */
    public static final String CONSULTATIONS = "foodrisk.consultations.v1";
    /** What is done with a 会商 record (record the meeting, report progress on a decision); key {@code consultationId}. */
    public static final String CONSULTATION_ACTIONS = "foodrisk.consultation-actions.v1";
    /**
     * 消费提示 / 风险警示 drafted from confirmed alerts (issue 20): key communicationId, a changelog with increasing
     * {@code version}; only a version with status 已批准 may be published.
     */
    public static final String RISK_COMMUNICATIONS = "foodrisk.risk-communications.v1";
    /** What is done with a risk communication (draft, edit, approve, withdraw); key {@code communicationId}. */
    public static final String COMMUNICATION_ACTIONS = "foodrisk.communication-actions.v1";
    /**
     * 交流预警 sent (issue 20): every version of an alert the office marked for exchange (action {@code share}),
     * key {@code alertId}; partner regions mirror it with MirrorMaker 2 (there {@code <alias>.foodrisk.alert-exchange.v1}).
     */
    public static final String ALERT_EXCHANGE = "foodrisk.alert-exchange.v1";
    /**
     * 交流预警 received: what partner regions shared, read from the mirrored {@code <alias>.}{@link #ALERT_EXCHANGE},
     * marked with the origin, each version once; key {@code <origin>/<alertId>}.
     */
    public static final String RECEIVED_ALERTS = "foodrisk.received-alerts.v1";
    /** 会商 summaries of the city and of configured regions (issue 20); key {@code <scope>|<period>}. */
    public static final String CITY_SUMMARIES = "foodrisk.city-summaries.v1";
    /** Records that could not be parsed or failed validation, with the reason. */
    public static final String DEAD_LETTERS = "foodrisk.dead-letters.v1";
    /**
     * The plan-task catalogue, owned by the app (not part of the public contract): compacted,
     * key {@code planId}, value one plan's JSON, so a new year's plan is loaded without a redeploy.
     */
    public static final String PLAN_CATALOG = "foodrisk.plan-catalog.v1";
    /**
     * Signed-out dashboard sessions, owned by the app (not part of the public contract): key the
     * cookie's signature, value its expiry in epoch seconds; read by every instance (issue 14).
     */
    public static final String SESSION_REVOCATIONS = "foodrisk.session-revocations.v1";

    /** The four signal streams the detectors watch. */
    public static final List<String> INPUTS =
            List.of(SAMPLING_RESULTS, ILLNESS_REPORTS, COMPLAINTS, OPINION_SIGNALS);

    private Topics() {
    }
}
