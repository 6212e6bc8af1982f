package org.foodrisk.runtime;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.topics.ProvisionReport;
import org.foodrisk.topics.TopicCatalogue;
import org.foodrisk.topics.TopicProvisioner;
import org.foodrisk.topics.TopicSpec;
import org.foodrisk.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates the catalogue's topics that are missing (Kafka Streams fails on a missing source topic),
 * reports what it did, and tells how many input tasks there will be.
 */
@Singleton
public class TopicBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);

    private final KafkaClientConfig kafka;

    TopicBootstrap(KafkaClientConfig kafka) {
        this.kafka = kafka;
    }

    /** Provisions the catalogue's topics; returns the input tasks there will be (the input topics' most partitions). */
    public int provision() throws Exception {
        return provision(List.of());
    }

    /**
     * The same, and the topics partners' alerts are mirrored to ({@code mirroredExchangeTopics}), each like
     * foodrisk.alert-exchange.v1: the topology reads them from its start, before MirrorMaker 2 may have created them
     * (it writes into an existing topic as into one it made).
     */
    public int provision(List<String> mirroredExchangeTopics) throws Exception {
        List<TopicSpec> specs = new ArrayList<>(TopicCatalogue.load());
        TopicSpec exchange = TopicCatalogue.spec(Topics.ALERT_EXCHANGE);
        for (String topic : mirroredExchangeTopics) {
            specs.add(new TopicSpec(topic, "交流预警 received from partner " + topic.substring(0, topic.indexOf('.'))
                    + " (MirrorMaker 2 writes it; created here so that the topology can start before it does)",
                    false, TopicSpec.Role.INPUT, exchange.partitions(), exchange.replicationFactor(),
                    exchange.cleanupPolicy(), exchange.retentionMs(), exchange.extraConfigs(), exchange.keyFormat(),
                    exchange.valueFormat(), exchange.valueSchema(), exchange.eventTimeField()));
        }
        try (Admin admin = Admin.create(kafka.asMap())) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);
            ProvisionReport report = provisioner.provision(specs);
            LOG.info("Topics provisioned: {}", report);
            provisioner.awaitReady(specs.stream().map(TopicSpec::name).toList(), Duration.ofSeconds(60));
            List<String> inputs = Arrays.stream(InputTopic.values()).map(InputTopic::topic).toList();
            return admin.describeTopics(inputs).allTopicNames().get(60, TimeUnit.SECONDS).values()
                    .stream().mapToInt(d -> d.partitions().size()).max().orElse(1);
        }
    }
}
