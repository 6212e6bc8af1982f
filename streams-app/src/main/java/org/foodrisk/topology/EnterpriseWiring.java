package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.OffenderHistory;
import org.foodrisk.detect.RepeatOffenderRule;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;

/**
 * <pre>
 *  failed samples, complaints ─ [by enterprise] ─┬ detect-repeat-offender
 *                                                └ (the detectors that wire themselves: detect-complaint-repeat)
 * </pre>
 * The detectors that wire themselves read the repartitioned stream after the repeat offenders
 * ({@link ComplaintRepeatBuilder}), so a record reaches the repeat offenders first, as it always has.
 */
final class EnterpriseWiring {

    private EnterpriseWiring() {
    }

    /**
     * @param repeatOffenders its detections
     * @param byEnterprise    the failed samples and complaints by enterprise, for the detectors that wire
     *                        themselves ({@link DetectorBuilder.Inputs#enterpriseSignals()})
     */
    record Detections(KStream<String, Detection> repeatOffenders, KStream<String, Signal> byEnterprise) {
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
        return new Detections(repeatOffenders, byEnterprise);
    }
}
