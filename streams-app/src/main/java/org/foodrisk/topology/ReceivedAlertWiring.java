package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.foodrisk.exchange.ExchangeSettings;
import org.foodrisk.exchange.ReceivedAlert;
import org.foodrisk.kafka.JsonSerde;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.topic.TypedTopics;

import java.time.ZoneId;

/**
 * <pre>
 *  &lt;alias&gt;.foodrisk.alert-exchange.v1 (mirrored by MirrorMaker 2, one per configured partner)
 *      ─ intake-received-alerts ─ [by origin/alertId] ─ received-alert-state ─► foodrisk.received-alerts.v1
 *            └─► dead letters (not the contract's, key not the alertId)
 * </pre>
 * Built only when partners are configured ({@link ExchangeSettings}: named, not a topic pattern — see there why).
 * The repartition gives the state a fixed number of partitions of its own: the partners' topics need not agree on
 * theirs.
 */
final class ReceivedAlertWiring {

    static final int PARTITIONS = 4;

    private ReceivedAlertWiring() {
    }

    static void wire(StreamsBuilder builder, ExchangeSettings exchange, ZoneId zone, OutputCounters counters) {
        if (exchange.partners().isEmpty()) {
            return;
        }
        KStream<String, RecordOutcome> intake = builder
                .stream(exchange.mirroredTopics(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("source-received-exchange"))
                .process(() -> new ReceivedAlertIntake(zone), Named.as("intake-received-alerts"));
        DeadLetterWiring.wire(intake, "received-alerts", counters);
        intake.filter((key, value) -> value.version() != null, Named.as("filter-received-alerts"))
                .mapValues(value -> (ReceivedAlert) value.version(), Named.as("as-received-alert"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(ReceivedAlert.class))
                        .withNumberOfPartitions(PARTITIONS).withName("received-alerts-by-origin"))
                .process(WithStores.of(ReceivedAlertProcessor::new,
                        StateStores.json(StoreNames.RECEIVED_ALERTS, ReceivedAlert.class)), Named.as("received-alert-state"))
                .to(TypedTopics.RECEIVED_ALERTS.name(), TypedTopics.RECEIVED_ALERTS.produced("sink-received-alerts"));
    }
}
