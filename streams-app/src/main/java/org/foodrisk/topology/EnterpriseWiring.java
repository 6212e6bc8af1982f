package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.foodrisk.detect.CaseHistory;
import org.foodrisk.detect.ComplaintRepeatRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.OffenderHistory;
import org.foodrisk.detect.RepeatOffenderRule;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

/**
 * <pre>
 *  failed samples, complaints ─ [by enterprise] ─┬ detect-repeat-offender
 *                                                └ detect-complaint-repeat
 * </pre>
 */
final class EnterpriseWiring {

    private EnterpriseWiring() {
    }

    record Detections(KStream<String, Detection> repeatOffenders, KStream<String, Detection> repeatComplaints) {
    }

    static Detections wire(KStream<String, Signal> signals, TopologySettings settings) {
        KStream<String, Signal> byEnterprise = signals
                .filter((id, s) -> s.enterpriseKey() != null
                                && ((s.type() == SignalType.SAMPLING && s.failed()) || s.type() == SignalType.COMPLAINT),
                        Named.as("filter-enterprise-signals"))
                .selectKey((id, signal) -> signal.enterpriseKey(), Named.as("key-by-enterprise"))
                .repartition(Repartitioned.with(TopologySerdes.KEY, TopologySerdes.SIGNAL).withName("signals-by-enterprise"));

        RepeatOffenderSettings repeat = settings.repeatOffender();
        RepeatOffenderRule repeatRule = new RepeatOffenderRule(repeat.repeatOffenderWindow(),
                repeat.repeatOffenderMinFailures());
        KStream<String, Detection> repeatOffenders = byEnterprise
                .filter((key, s) -> s.type() == SignalType.SAMPLING, Named.as("filter-enterprise-failures"))
                .process(WithStores.of(() -> new RepeatOffenderProcessor(repeatRule),
                                StateStores.json(StoreNames.OFFENDER_HISTORY, OffenderHistory.class)),
                        Named.as("detect-repeat-offender"));

        ComplaintRepeatSettings complaints = settings.complaintRepeat();
        ComplaintRepeatRule complaintRule = new ComplaintRepeatRule(complaints.complaintWindow(),
                complaints.complaintMinCount(), settings.levels());
        KStream<String, Detection> repeatComplaints = byEnterprise
                .filter((key, s) -> s.type() == SignalType.COMPLAINT, Named.as("filter-enterprise-complaints"))
                .process(WithStores.of(() -> new ComplaintRepeatProcessor(complaintRule),
                                StateStores.json(StoreNames.COMPLAINTS_BY_ENTERPRISE, CaseHistory.class)),
                        Named.as("detect-complaint-repeat"));
        return new Detections(repeatOffenders, repeatComplaints);
    }
}
