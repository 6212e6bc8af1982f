package org.foodrisk.api.access;

import org.apache.kafka.clients.admin.Admin;
import org.foodrisk.runtime.KafkaClientConfig;
import org.foodrisk.testsupport.TestKafka;
import org.foodrisk.topics.TopicCatalogue;
import org.foodrisk.topics.TopicProvisioner;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cookie signed out on one instance is refused by the others, and by an instance started afterwards
 * (issue 14: the deny list was per instance and in memory). Two instances here are two {@link Users}
 * with the deployment's shared session key, each with its own {@link SessionRevocations} on a real broker.
 */
class SessionRevocationsIT {

    private static final User MEMBER = AccessTestUsers.WUQING_MARKET;

    @Test
    void aSignOutOnOneInstanceEndsTheSessionOnEveryInstanceAndAfterARestart() throws Exception {
        KafkaClientConfig kafka = new KafkaClientConfig(TestKafka.bootstrapServers(), Map.of());
        try (Admin admin = Admin.create(kafka.asMap())) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);
            provisioner.provision(List.of(TopicCatalogue.spec(Topics.SESSION_REVOCATIONS)));
            provisioner.awaitReady(List.of(Topics.SESSION_REVOCATIONS), Duration.ofSeconds(60));
        }
        String sharedKey = UUID.randomUUID() + "-" + UUID.randomUUID();
        Users first = instance(sharedKey);
        Users second = instance(sharedKey);
        try (SessionRevocations firstShares = new SessionRevocations(kafka, first, "it-first");
             SessionRevocations secondShares = new SessionRevocations(kafka, second, "it-second")) {
            Instant now = Instant.now();
            String signedOut = first.startSession(MEMBER, now);
            String stillIn = first.startSession(MEMBER, now.plusSeconds(1));
            assertTrue(second.authenticateSession(signedOut, now).isPresent(), "one key: any instance checks any cookie");

            firstShares.publish(first.endSession(signedOut, Instant.now()).orElseThrow());
            assertTrue(first.authenticateSession(signedOut, Instant.now()).isEmpty(), "refused at once where it was signed out");

            Instant deadline = Instant.now().plusSeconds(30);
            while (second.authenticateSession(signedOut, Instant.now()).isPresent()) {
                assertTrue(Instant.now().isBefore(deadline), "the other instance never learnt of the sign-out");
                Thread.sleep(100);
            }
            assertTrue(second.authenticateSession(stillIn, Instant.now()).isPresent(), "only that session ended");

            Users restarted = instance(sharedKey);
            try (SessionRevocations ignored = new SessionRevocations(kafka, restarted, "it-restarted")) {
                assertTrue(restarted.authenticateSession(signedOut, Instant.now()).isEmpty(),
                        "an instance started later refuses it from its first request");
                assertTrue(restarted.authenticateSession(stillIn, Instant.now()).isPresent());
            }
        }
    }

    private static Users instance(String sharedKey) {
        return Users.of(List.of(MEMBER), SessionCookies.configured(sharedKey, null, Duration.ofHours(8)));
    }
}
