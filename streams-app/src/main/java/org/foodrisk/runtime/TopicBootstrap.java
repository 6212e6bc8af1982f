package org.foodrisk.runtime;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.topics.ProvisionReport;
import org.foodrisk.topics.TopicCatalogue;
import org.foodrisk.topics.TopicProvisioner;
import org.foodrisk.topics.TopicSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
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
        List<TopicSpec> specs = TopicCatalogue.load();
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
