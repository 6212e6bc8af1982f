package org.foodrisk.topic;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.foodrisk.alert.Alert;
import org.foodrisk.communication.RiskCommunication;
import org.foodrisk.consultation.Consultation;
import org.foodrisk.disposal.DisposalCase;
import org.foodrisk.kafka.JsonSerde;
import org.foodrisk.exchange.ExchangedAlert;
import org.foodrisk.exchange.ReceivedAlert;
import org.foodrisk.topics.Topics;

import java.util.List;

/**
 * Every topic the service reads or writes, with its serdes (names from {@link Topics}, the one list of names;
 * partitions, retention and schemas in the topics module's catalogue).
 *
 * <p>Topics whose records the service parses itself are raw bytes: the four inputs and the two actions topics
 * are checked against their schema and their UTF-8 by the intake processors, which dead-letter what fails, so
 * a deserializer must not throw first. Their writers use {@link Topic#asText()}.
 *
 * <p>One topic is not here: the dead letters, {@code org.foodrisk.topology.DeadLetterTopic}. Their value class
 * {@code DeadLetter} must stay in {@code topology} (Java keeps the permitted subtypes of a sealed interface in
 * its package, and it is one of the intake's outcomes), and this package cannot use {@code topology}, which
 * uses it (a package cycle, ArchitectureTest).
 */
public final class TypedTopics {

    private static final Serde<String> KEY = Serdes.String();

    /** Lab test results; parsed by intake. */
    public static final Topic<byte[], byte[]> SAMPLING_RESULTS = raw(Topics.SAMPLING_RESULTS);
    /** Foodborne-illness case reports; parsed by intake. */
    public static final Topic<byte[], byte[]> ILLNESS_REPORTS = raw(Topics.ILLNESS_REPORTS);
    /** Consumer complaints; parsed by intake. */
    public static final Topic<byte[], byte[]> COMPLAINTS = raw(Topics.COMPLAINTS);
    /** Public-opinion signals; parsed by intake. */
    public static final Topic<byte[], byte[]> OPINION_SIGNALS = raw(Topics.OPINION_SIGNALS);
    /** The four signal streams, in the order of {@link Topics#INPUTS}. */
    public static final List<Topic<byte[], byte[]>> INPUTS =
            List.of(SAMPLING_RESULTS, ILLNESS_REPORTS, COMPLAINTS, OPINION_SIGNALS);

    /** What people do with alerts; parsed by the action intake (JSON of {@code AlertAction}). */
    public static final Topic<byte[], byte[]> ALERT_ACTIONS = raw(Topics.ALERT_ACTIONS);
    /** What the responsible unit does with a 核查处置 case; parsed by the action intake (JSON of {@code CaseAction}). */
    public static final Topic<byte[], byte[]> DISPOSAL_ACTIONS = raw(Topics.DISPOSAL_ACTIONS);
    /** What is done with a 会商 record; parsed by the action intake (JSON of {@code ConsultationAction}). */
    public static final Topic<byte[], byte[]> CONSULTATION_ACTIONS = raw(Topics.CONSULTATION_ACTIONS);
    /** What is done with a risk communication; parsed by the action intake (JSON of {@code CommunicationAction}). */
    public static final Topic<byte[], byte[]> COMMUNICATION_ACTIONS = raw(Topics.COMMUNICATION_ACTIONS);

    /** Risk alerts, key alertId. */
    public static final Topic<String, Alert> ALERTS = new Topic<>(Topics.ALERTS, KEY, JsonSerde.of(Alert.class));
    /** 核查处置 cases, key caseId. */
    public static final Topic<String, DisposalCase> DISPOSAL_CASES =
            new Topic<>(Topics.DISPOSAL_CASES, KEY, JsonSerde.of(DisposalCase.class));
    /** 会商 records, key consultationId. */
    /** 交流预警 sent: every version of an alert the office shared with partner regions (issue 20). */
    public static final Topic<String, ExchangedAlert> ALERT_EXCHANGE =
            new Topic<>(Topics.ALERT_EXCHANGE, KEY, JsonSerde.of(ExchangedAlert.class));
    /** 交流预警 received from partner regions, each version once, marked with its origin (issue 20). */
    public static final Topic<String, ReceivedAlert> RECEIVED_ALERTS =
            new Topic<>(Topics.RECEIVED_ALERTS, KEY, JsonSerde.of(ReceivedAlert.class));
    public static final Topic<String, Consultation> CONSULTATIONS =
            new Topic<>(Topics.CONSULTATIONS, KEY, JsonSerde.of(Consultation.class));
    /** 消费提示 / 风险警示, key communicationId. */
    public static final Topic<String, RiskCommunication> RISK_COMMUNICATIONS =
            new Topic<>(Topics.RISK_COMMUNICATIONS, KEY, JsonSerde.of(RiskCommunication.class));
    /** 会商 summaries, key {@code <districtCode>|<period>}; the JSON text {@code SummaryRecord} bounds to the topic's size. */
    public static final Topic<String, String> RISK_SUMMARIES = new Topic<>(Topics.RISK_SUMMARIES, KEY, Serdes.String());
    /** 会商 summaries of the city and of configured regions, as JSON text (issue 20). */
    public static final Topic<String, String> CITY_SUMMARIES = new Topic<>(Topics.CITY_SUMMARIES, KEY, Serdes.String());
    /** The plan-task catalogue, key planId, value one plan's JSON as the plan files hold it (read by a global store). */
    public static final Topic<String, byte[]> PLAN_CATALOG = new Topic<>(Topics.PLAN_CATALOG, KEY, Serdes.ByteArray());
    /** Signed-out dashboard sessions: key the cookie's signature, value its expiry in epoch seconds as text. */
    public static final Topic<String, String> SESSION_REVOCATIONS =
            new Topic<>(Topics.SESSION_REVOCATIONS, KEY, Serdes.String());

    private TypedTopics() {
    }

    /** The input topic of this name, from {@link #INPUTS}. */
    public static Topic<byte[], byte[]> input(String name) {
        return INPUTS.stream().filter(topic -> topic.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an input topic: " + name));
    }

    private static Topic<byte[], byte[]> raw(String name) {
        return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray());
    }
}
