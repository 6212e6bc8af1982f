package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.foodrisk.alert.Alert;
import org.foodrisk.communication.RiskCommunication;
import org.foodrisk.consultation.Consultation;
import org.foodrisk.detect.Detection;
import org.foodrisk.disposal.DisposalCase;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalBinary;
import org.foodrisk.kafka.JsonSerde;

/**
 * The serdes of the repartition topics and stores, shared by the topology's builders. The topics the service
 * reads and writes carry their own serdes: {@link org.foodrisk.topic.TypedTopics}, {@link DeadLetterTopic}.
 */
final class TopologySerdes {

    static final Serde<String> KEY = Serdes.String();
    /** Binary (reads the JSON of earlier versions): {@link SignalBinary}. */
    static final Serde<Signal> SIGNAL = SignalBinary.SERDE;
    static final JsonSerde<Detection> DETECTION = JsonSerde.of(Detection.class);
    static final JsonSerde<Alert> ALERT = JsonSerde.of(Alert.class);
    static final JsonSerde<AlertCommand> ALERT_COMMAND = JsonSerde.of(AlertCommand.class);
    static final JsonSerde<DisposalCase> DISPOSAL_CASE = JsonSerde.of(DisposalCase.class);
    static final JsonSerde<DisposalCommand> DISPOSAL_COMMAND = JsonSerde.of(DisposalCommand.class);
    static final JsonSerde<Consultation> CONSULTATION = JsonSerde.of(Consultation.class);
    static final JsonSerde<RiskCommunication> RISK_COMMUNICATION = JsonSerde.of(RiskCommunication.class);

    private TopologySerdes() {
    }
}
