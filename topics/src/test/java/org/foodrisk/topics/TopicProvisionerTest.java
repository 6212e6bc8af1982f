package org.foodrisk.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The provisioner against a real single-node KRaft cluster in this JVM.
 *
 * <p>One broker serves the whole class because starting one is the slow part; the tests are
 * ordered because they share its state (the first provisioning creates the catalogue topics the
 * later tests find).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicProvisionerTest {

    private static KafkaClusterTestKit cluster;
    private static Admin admin;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = cluster.admin();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void dryRunOnAnEmptyClusterListsEverythingAsMissingAndCreatesNothing() throws Exception {
        CommandResult result = runCommand("--bootstrap-servers", cluster.bootstrapServers(), "--dry-run");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("dry run"), result.out());
        assertTrue(result.out().contains("missing   (11)"), result.out());
        assertTrue(catalogueTopicsOnCluster().isEmpty());
    }

    @Test
    @Order(2)
    void firstRunCreatesEveryTopicFittedToTheCluster() throws Exception {
        TopicProvisioner provisioner = new TopicProvisioner(admin);

        ProvisionReport report = provisioner.provision(TopicCatalogue.load());
        provisioner.awaitReady(report.created(), Duration.ofSeconds(30));

        assertEquals(TopicCatalogue.load().stream().map(TopicSpec::name).toList(), report.created());
        assertEquals(List.of(), report.unchanged());
        assertFalse(report.hasDrift(), report.toString());
        assertTrue(report.notes().contains(Topics.ALERTS + ": replication factor 3 clamped to 1 (the cluster has 1 broker)"),
                report.toString());
        assertTrue(report.notes().contains(Topics.ALERTS + ": min.insync.replicas 2 clamped to 1 (it cannot exceed the replication factor)"),
                report.toString());

        TopicDescription samples = describe(Topics.SAMPLING_RESULTS);
        assertEquals(4, samples.partitions().size());
        assertEquals(1, samples.partitions().get(0).replicas().size());
        Config sampleConfig = config(Topics.SAMPLING_RESULTS);
        assertEquals("-1", sampleConfig.get("retention.ms").value());
        assertEquals("delete", sampleConfig.get("cleanup.policy").value());
        assertEquals("lz4", sampleConfig.get("compression.type").value());
        assertEquals("1", sampleConfig.get("min.insync.replicas").value());
        assertEquals("compact", config(Topics.PLAN_CATALOG).get("cleanup.policy").value());
        assertEquals("7776000000", config(Topics.DEAD_LETTERS).get("retention.ms").value());
    }

    @Test
    @Order(3)
    void secondRunChangesNothing() {
        ProvisionReport report = new TopicProvisioner(admin).provision(TopicCatalogue.load());

        assertEquals(List.of(), report.created());
        assertEquals(TopicCatalogue.load().stream().map(TopicSpec::name).toList(), report.unchanged());
        assertEquals(List.of(), report.drift());
    }

    @Test
    @Order(4)
    void driftIsReportedAndTheTopicLeftAsItWasWithItsData() throws Exception {
        // A topic someone made by hand: one partition, seven-day retention, no compression.
        TopicSpec catalogued = TopicCatalogue.spec(Topics.SAMPLING_RESULTS);
        TopicSpec handMade = new TopicSpec("test.hand-made", catalogued.description(), false, catalogued.role(),
                catalogued.partitions(), catalogued.replicationFactor(), catalogued.cleanupPolicy(),
                catalogued.retentionMs(), catalogued.extraConfigs(), catalogued.keyFormat(), catalogued.valueFormat(),
                null, catalogued.eventTimeField());
        admin.createTopics(List.of(new NewTopic(handMade.name(), 1, (short) 1)
                .configs(Map.of("retention.ms", "604800000", "compression.type", "producer")))).all().get();
        new TopicProvisioner(admin).awaitReady(List.of(handMade.name()), Duration.ofSeconds(30));
        produce(handMade.name(), "S-1", "{\"sampleId\":\"S-1\"}");

        ProvisionReport report = new TopicProvisioner(admin).provision(List.of(handMade));

        assertEquals(List.of(), report.created());
        assertEquals(List.of(handMade.name()), report.unchanged());
        assertEquals(Set.of(
                new ProvisionReport.Drift(handMade.name(), "partitions", "4", "1"),
                new ProvisionReport.Drift(handMade.name(), "retention.ms", "-1", "604800000"),
                new ProvisionReport.Drift(handMade.name(), "compression.type", "lz4", "producer"),
                // the broker's default is 1 MiB plus the 12-byte batch overhead, not the catalogue's 1 MiB
                new ProvisionReport.Drift(handMade.name(), "max.message.bytes", "1048576", "1048588")),
                Set.copyOf(report.drift()));
        assertTrue(report.toString().contains("test.hand-made: partitions expected 4, actual 1"), report.toString());

        assertEquals(1, describe(handMade.name()).partitions().size());
        assertEquals("604800000", config(handMade.name()).get("retention.ms").value());
        assertEquals(List.of("S-1={\"sampleId\":\"S-1\"}"), readAll(handMade.name()));
    }

    @Test
    @Order(5)
    void commandExitsWithTwoOnDriftWhenAskedTo(@TempDir Path dir) throws Exception {
        ConfigResource deadLetters = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEAD_LETTERS);
        admin.incrementalAlterConfigs(Map.of(deadLetters, List.of(new AlterConfigOp(
                new ConfigEntry("retention.ms", "86400000"), AlterConfigOp.OpType.SET)))).all().get();
        // Connection settings can come from a client properties file, as for a secured cluster.
        Path clientProperties = dir.resolve("client.properties");
        Files.writeString(clientProperties, "bootstrap.servers=" + cluster.bootstrapServers() + "\n",
                StandardCharsets.UTF_8);

        CommandResult lenient = runCommand("--command-config", clientProperties.toString(),
                "--only", Topics.DEAD_LETTERS + "," + Topics.ALERTS);
        CommandResult strict = runCommand("--command-config", clientProperties.toString(),
                "--only", Topics.DEAD_LETTERS, "--fail-on-drift");
        CommandResult clean = runCommand("--bootstrap-servers", cluster.bootstrapServers(),
                "--only", Topics.ALERTS, "--fail-on-drift");

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().contains(Topics.DEAD_LETTERS + ": retention.ms expected 7776000000, actual 86400000"),
                lenient.out());
        assertEquals(2, strict.exitCode(), strict.err());
        assertEquals(0, clean.exitCode(), clean.err());
        assertEquals("86400000", config(Topics.DEAD_LETTERS).get("retention.ms").value(), "drift is not repaired");
    }

    @Test
    @Order(6)
    void commandRefusesATopicOutsideTheCatalogue() {
        CommandResult result = runCommand("--bootstrap-servers", cluster.bootstrapServers(), "--only", "foodrisk.nope.v1");

        assertEquals(64, result.exitCode());
        assertTrue(result.err().contains("not in the topic catalogue: [foodrisk.nope.v1]"), result.err());
    }

    @Test
    @Order(7)
    void awaitReadyGivesUpOnATopicThatNeverAppears() {
        TimeoutException timeout = assertThrows(TimeoutException.class,
                () -> new TopicProvisioner(admin).awaitReady(List.of("test.never-created"), Duration.ofSeconds(1)));
        assertTrue(timeout.getMessage().contains("test.never-created"), timeout.getMessage());
    }

    private record CommandResult(int exitCode, String out, String err) {
    }

    private static CommandResult runCommand(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ProvisionCommand.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err));
        int exitCode = command.execute(args);
        return new CommandResult(exitCode, out.toString(), err.toString());
    }

    private static Set<String> catalogueTopicsOnCluster() throws Exception {
        Set<String> catalogue = TopicCatalogue.load().stream().map(TopicSpec::name).collect(Collectors.toSet());
        return admin.listTopics().names().get().stream().filter(catalogue::contains).collect(Collectors.toSet());
    }

    private static TopicDescription describe(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }

    private static Config config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private static void produce(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Every record of a topic, read without a consumer group. */
    private static List<String> readAll(String topic) throws Exception {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = describe(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
            return records;
        }
    }
}
