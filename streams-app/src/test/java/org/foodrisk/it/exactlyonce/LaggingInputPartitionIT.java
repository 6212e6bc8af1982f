package org.foodrisk.it.exactlyonce;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.foodrisk.broker.LocalKraftBroker;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.testsupport.TestJson;
import org.foodrisk.topics.TopicCatalogue;
import org.foodrisk.topics.TopicProvisioner;
import org.foodrisk.topics.TopicSpec;
import org.foodrisk.topology.FoodRiskTopology;
import org.foodrisk.topology.TimeModel;
import org.foodrisk.topology.TopologySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, "a day closes on one task's own clock", on a real broker with the input topics' four
 * partitions: the complaints of 29 May are spread over all four, and partition 3 lags — its records
 * from the 29th on are published only after the other three have been processed to the 31st. A
 * stage that closed the 29th on the largest time it had seen would judge it on 6 of its 8
 * complaints and never again; on the watermark (the slowest input task's clock) the day stays open
 * until partition 3 has delivered, and is judged once, on all 8.
 */
class LaggingInputPartitionIT {

    private static final String APPLICATION_ID = "lagging-partition-it";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final LocalDate SPIKE = LocalDate.of(2024, 5, 29);
    private static final int LAGGING = 3;

    private record Complaint(int partition, String id, OffsetDateTime receivedAt) {

        ProducerRecord<String, String> record() {
            return TypedTopics.COMPLAINTS.asText().record(partition, receivedAt.toInstant().toEpochMilli(), id, """
                    {"complaintId":"%s","channel":"12315","receivedAt":"%s","districtCode":"120114",
                     "foodCategory":"乳制品","issueType":"变质","text":"在武清区买的酸奶变质（%s）"}
                    """.formatted(id, receivedAt.format(TIME), id));
        }
    }

    /** One complaint a day through May 28 (partitions in turn), 8 on the 29th (2 a partition), 1 on the 30th, 1 a partition on the 31st. */
    private static List<Complaint> traffic() {
        List<Complaint> out = new ArrayList<>();
        int n = 0;
        for (LocalDate day = LocalDate.of(2024, 5, 1); day.isBefore(SPIKE); day = day.plusDays(1)) {
            out.add(new Complaint(n % 4, "C-" + n, day.atTime(10, 0).atOffset(ZoneOffset.ofHours(8))));
            n++;
        }
        for (int i = 0; i < 8; i++) {
            out.add(new Complaint(i % 4, "SPIKE-" + i, SPIKE.atTime(9 + i, 0).atOffset(ZoneOffset.ofHours(8))));
        }
        out.add(new Complaint(0, "C-30", SPIKE.plusDays(1).atTime(10, 0).atOffset(ZoneOffset.ofHours(8))));
        for (int p = 0; p < 4; p++) {
            out.add(new Complaint(p, "C-31-" + p, SPIKE.plusDays(2).atTime(10, p).atOffset(ZoneOffset.ofHours(8))));
        }
        return out;
    }

    @Test
    void aDayStaysOpenUntilTheLaggingPartitionHasDeliveredIt(@TempDir Path dir) throws Exception {
        try (LocalKraftBroker broker = LocalKraftBroker.start(dir.resolve("broker"), 0, Duration.ofSeconds(90))) {
            String bootstrap = broker.bootstrapServers();
            List<TopicSpec> specs = TopicCatalogue.load();
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
                TopicProvisioner provisioner = new TopicProvisioner(admin);
                provisioner.provision(specs);
                provisioner.awaitReady(specs.stream().map(TopicSpec::name).toList(), Duration.ofSeconds(60));
            }
            // Four input tasks; a quiet one ticks the wall clock only after ten minutes, so that the lag
            // below is a lag (it lasts as long as processing the other partitions takes), not idleness.
            TopologySettings settings = TopologySettings.defaults().with(
                    new TimeModel(Duration.ofHours(1), Duration.ofMinutes(10), 4, Duration.ofDays(14)));
            List<Complaint> traffic = traffic();
            LocalDate laggingFrom = SPIKE;
            try (KafkaStreams streams = new KafkaStreams(FoodRiskTopology.build(settings, PlanCatalog.bundled()),
                    properties(bootstrap, dir.resolve("state")));
                 KafkaProducer<String, String> producer = TypedTopics.COMPLAINTS.asText().producer(Map.<String, Object>of(
                         "bootstrap.servers", bootstrap, "enable.idempotence", true, "acks", "all"));
                 ProcessingProgress progress = new ProcessingProgress(bootstrap, APPLICATION_ID)) {
                streams.start();
                for (Complaint c : traffic) {
                    boolean held = c.partition() == LAGGING && !c.receivedAt().toLocalDate().isBefore(laggingFrom);
                    if (!held) {
                        producer.send(c.record()).get();
                    }
                }
                progress.awaitComplete(Duration.ofMinutes(3), () -> { });
                assertTrue(spikeAlerts(bootstrap).isEmpty(), "partition 3 is at the 28th: the 29th must not close yet: "
                        + spikeAlerts(bootstrap));

                for (Complaint c : traffic) {
                    if (c.partition() == LAGGING && !c.receivedAt().toLocalDate().isBefore(laggingFrom)) {
                        producer.send(c.record()).get();
                    }
                }
                progress.awaitComplete(Duration.ofMinutes(3), () -> { });
                Outcome outcome = Outcome.read(bootstrap, APPLICATION_ID);
                List<JsonNode> alerts = spikeAlerts(bootstrap);
                assertEquals(1, alerts.size(), "one complaint spike on the 29th: " + alerts);
                JsonNode alert = alerts.get(0);
                assertEquals(List.of(1), outcome.versions().get(alert.path("alertId").asText()),
                        "judged once, when every partition had delivered the day");
                assertEquals(8, alert.path("detector").path("observed").asInt(), alert.toString());
                assertEquals("初判", alert.path("judgement").path("state").asText());
                assertEquals(8, alert.path("judgement").path("reportsReceived").asInt());
                streams.close(Duration.ofSeconds(30));
            }
        }
    }

    private static List<JsonNode> spikeAlerts(String bootstrap) {
        return Outcome.read(bootstrap, APPLICATION_ID).alerts().values().stream().map(TestJson::parse)
                .filter(a -> a.path("kind").asText().equals("complaint.spike"))
                .filter(a -> a.path("window").path("start").asText().startsWith(SPIKE.toString()))
                .toList();
    }

    private static Properties properties(String bootstrap, Path state) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }
}
