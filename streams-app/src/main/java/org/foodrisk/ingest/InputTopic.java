package org.foodrisk.ingest;

import org.foodrisk.topics.Topics;

/** The four contract input topics: where each record's id and event time are. */
public enum InputTopic {
    SAMPLING_RESULTS(Topics.SAMPLING_RESULTS, "sampleId", "sampledAt", SignalType.SAMPLING, SamplingResult.class),
    ILLNESS_REPORTS(Topics.ILLNESS_REPORTS, "caseId", "onsetAt", SignalType.ILLNESS, IllnessReport.class),
    COMPLAINTS(Topics.COMPLAINTS, "complaintId", "receivedAt", SignalType.COMPLAINT, Complaint.class),
    OPINION_SIGNALS(Topics.OPINION_SIGNALS, "signalId", "publishedAt", SignalType.OPINION, OpinionSignal.class);

    private final String topic;
    private final String idField;
    private final String eventTimeField;
    private final SignalType signalType;
    private final Class<?> recordType;

    InputTopic(String topic, String idField, String eventTimeField, SignalType signalType, Class<?> recordType) {
        this.topic = topic;
        this.idField = idField;
        this.eventTimeField = eventTimeField;
        this.signalType = signalType;
        this.recordType = recordType;
    }

    public String topic() {
        return topic;
    }

    public String idField() {
        return idField;
    }

    public String eventTimeField() {
        return eventTimeField;
    }

    public SignalType signalType() {
        return signalType;
    }

    public Class<?> recordType() {
        return recordType;
    }

    /** Short name used in processor and store names, e.g. "sampling-results". */
    public String shortName() {
        return topic.replace("foodrisk.", "").replace(".v1", "");
    }

    public static InputTopic ofTopic(String topic) {
        for (InputTopic input : values()) {
            if (input.topic.equals(topic)) {
                return input;
            }
        }
        throw new IllegalArgumentException("Not an input topic: " + topic);
    }
}
