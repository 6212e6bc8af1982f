package org.foodrisk.it.security;

import org.foodrisk.testsupport.TestCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.foodrisk.broker.BrokerSecurity;
import org.foodrisk.broker.BrokerSecurity.ScramUser;
import org.foodrisk.broker.LocalKraftBroker;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.AppProcess;
import org.foodrisk.testsupport.TestCertificates;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole service (its own JVM, started as run.sh starts it) against a broker that accepts
 * only authenticated, encrypted connections: SASL_SSL with SCRAM-SHA-512, plus a mutual-TLS
 * listener. The service gets its security the way an operator gives it — environment variables
 * {@code FOODRISK_CLIENT_PROPERTIES_<KAFKA_KEY>} only, nothing in a file — then provisions the
 * topics, publishes its plans, runs Kafka Streams (exactly-once: transactions), takes a record over
 * HTTP (the ingestion producer), turns it into an alert and takes an action on it (the actions
 * producer). Its whole output, with the Kafka clients' configuration dumps at INFO, must not hold
 * a password. Everything of a run stays in {@code target/secured-cluster/run-*} (certificates,
 * broker.out, app.out).
 *
 * <p>The broker authorizes too (StandardAuthorizer, deny unless allowed): the service's user gets
 * only the ACLs of {@link ServiceAcls}, so the test also proves that those are enough.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredClusterIT {

    private static final String PUBLISHER_TOKEN = "it-lab-" + UUID.randomUUID();
    private static final String ADMIN_TOKEN = "it-admin-" + UUID.randomUUID();
    /** This test's consumers read as the service's user, in groups of this prefix. */
    private static final String TEST_GROUP_PREFIX = "it-secured-";

    private final String storePassword = "store-" + random();
    private final ScramUser appUser = new ScramUser("foodrisk-app", "scram-" + random());
    /** Authenticates like the service but has no ACL. */
    private final ScramUser stranger = new ScramUser("stranger", "scram-" + random());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path dir;
    private BrokerSecurity security;
    private LocalKraftBroker broker;
    private TestCertificates certificates;
    private AppProcess app;

    @BeforeAll
    void startSecuredBrokerAndApp() throws Exception {
        // Kept after the run: the broker's and the service's output are there to read.
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "secured-cluster")), "run-").toAbsolutePath();
        certificates = TestCertificates.createAuthority(dir.resolve("tls"), storePassword);
        security = new BrokerSecurity(certificates.serverKeystore("broker"), certificates.truststore(), storePassword,
                new ScramUser("broker", "broker-" + random()), List.of(appUser, stranger));
        broker = LocalKraftBroker.start(dir.resolve("kafka"), 0, Duration.ofSeconds(120), security);
        String applicationId = "foodrisk-secured-" + random();
        try (Admin admin = Admin.create(clientConfig(security.saslClientProperties(security.broker()), broker.bootstrapServers()))) {
            admin.createAcls(ServiceAcls.forService(appUser.name(), applicationId, TEST_GROUP_PREFIX)).all().get();
        }

        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("JAVA_TOOL_OPTIONS", "-Dlogback.configurationFile=" + kafkaInfoLogging());
        security.saslClientProperties(appUser).forEach((key, value) -> environment.put(environmentVariable(key), value));
        app = new AppProcess("secured", dir.resolve("app"), Map.of(
                "foodrisk.application-id", applicationId,
                "foodrisk.demo", "false",
                "foodrisk.publishers.it-lab.token-sha256", TestCredentials.tokenSha256(PUBLISHER_TOKEN),
                "foodrisk.publishers.it-lab.kind", "lab",
                "foodrisk.publishers.it-lab.lab-code", "TJFS001",
                "foodrisk.users.it-admin.token-sha256", TestCredentials.tokenSha256(ADMIN_TOKEN),
                "foodrisk.users.it-admin.role", "admin"), environment);
        app.start();
        awaitReady();
    }

    /**
     * The service's own logging (logback.xml) with everything the Kafka clients log at INFO let
     * through, their configuration dumps included: the service logs org.apache.kafka at WARN, which
     * would hide what this test checks. (Micronaut's logger.levels.* would apply only after the
     * Kafka runtime has started.)
     */
    private Path kafkaInfoLogging() throws IOException {
        String quiet = "<logger name=\"org.apache.kafka\" level=\"WARN\"/>";
        String logging = new String(getClass().getResourceAsStream("/logback.xml").readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(logging.contains(quiet), "the service's logback.xml changed: adapt this test");
        return Files.writeString(dir.resolve("logback-kafka-info.xml"),
                logging.replace(quiet, "<logger name=\"org.apache.kafka\" level=\"INFO\"/>"));
    }

    /** {@code sasl.jaas.config} → {@code FOODRISK_CLIENT_PROPERTIES_SASL_JAAS_CONFIG}. */
    static String environmentVariable(String kafkaKey) {
        return "FOODRISK_CLIENT_PROPERTIES_" + kafkaKey.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aRecordPublishedOverHttpBecomesAnAlertThatCanBeActedOnThroughTheSecuredCluster() throws Exception {
        String sampleId = "SEC-" + UUID.randomUUID();
        HttpResponse<String> accepted = post("/api/v1/sampling-results", PUBLISHER_TOKEN, """
                {"sampleId":"%s","program":"区抽","agency":"区市场监管局","lab":"天津市食品安全检测技术研究院",
                 "labCode":"TJFS001","districtName":"武清区","stage":"流通","foodCategory":"食用农产品",
                 "foodSubcategory":"畜禽肉及副产品","foodName":"猪肉","sampledAt":"2024-05-06T09:30:00+08:00",
                 "verdict":"不合格","enterprise":{"name":"武清区某农贸市场","creditCode":"92120222MA05SEC001"},
                 "items":[{"item":"克伦特罗","hazardClass":"兽药残留","result":"2.3","unit":"μg/kg",
                           "limit":"不得检出","standard":"整顿办函〔2010〕50号","pass":false}]}
                """.formatted(sampleId));
        assertEquals(200, accepted.statusCode(), accepted.body());

        JsonNode alert = firstOnAlerts(a -> a.path("evidence").toString().contains(sampleId));
        assertEquals("sampling.critical-hazard", alert.path("kind").asText());
        assertEquals("RED", alert.path("level").asText());
        assertEquals("120114", alert.path("districtCode").asText());

        String alertId = alert.path("alertId").asText();
        HttpResponse<String> acted = post("/api/v1/alerts/" + alertId + "/actions", ADMIN_TOKEN, """
                {"action":"acknowledge","unit":"区市场监管局","at":"2024-05-06T12:00:00+08:00"}""");
        assertEquals(202, acted.statusCode(), acted.body());
        JsonNode acknowledged = firstOnAlerts(a -> alertId.equals(a.path("alertId").asText()) && a.path("version").asInt() == 2);
        assertEquals("处置中", acknowledged.path("status").asText());
    }

    @Test
    void anAuthenticatedUserWithoutAclsSeesNoTopic() throws Exception {
        Map<String, Object> config = clientConfig(security.saslClientProperties(stranger), broker.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            ExecutionException denied = assertThrows(ExecutionException.class,
                    () -> admin.describeTopics(List.of(TypedTopics.ALERTS.name())).allTopicNames().get());
            assertInstanceOf(TopicAuthorizationException.class, denied.getCause(), denied.toString());
        }
        try (Admin admin = Admin.create(clientConfig(security.saslClientProperties(appUser), broker.bootstrapServers()))) {
            assertEquals(1, admin.describeTopics(List.of(TypedTopics.ALERTS.name())).allTopicNames().get().size(),
                    "the service's user, with its ACLs, sees the topic");
        }
    }

    @Test
    void aClientWithAWrongPasswordOrWithoutACertificateIsRefused() {
        Map<String, Object> wrongPassword = clientConfig(security.saslClientProperties(
                new ScramUser(appUser.name(), "not-" + appUser.password())), broker.bootstrapServers());
        ExecutionException refused = assertThrows(ExecutionException.class, () -> clusterNodes(wrongPassword));
        assertInstanceOf(SaslAuthenticationException.class, refused.getCause(), refused.toString());

        Map<String, Object> withCertificate = clientConfig(
                security.mtlsClientProperties(certificates.clientKeystore("it-mtls-client")), broker.mtlsBootstrapServers());
        assertDoesNotThrow(() -> clusterNodes(withCertificate), "a client with a certificate of the CA gets in");

        ExecutionException noCertificate = assertThrows(ExecutionException.class,
                () -> clusterNodes(clientConfig(security.tlsClientProperties(), broker.mtlsBootstrapServers())));
        assertInstanceOf(SslAuthenticationException.class, noCertificate.getCause(), noCertificate.toString());
    }

    /**
     * Runs after the others (JUnit orders methods deterministically but not by name, so it also
     * waits for the app to have logged the configuration of its clients).
     */
    @Test
    void noPasswordAppearsInTheServiceOutput() throws Exception {
        // Every client logs its configuration once when it is created; the service creates its
        // producers at start, and Kafka Streams its consumer, producer and admin.
        String output = awaitOutput(o -> o.contains("StreamsConfig values") && o.contains("ProducerConfig values")
                && o.contains("AdminClientConfig values"));
        assertTrue(output.contains("sasl.jaas.config = [hidden]"), "the clients' configuration dumps were captured");
        assertTrue(output.contains("ssl.truststore.password = [hidden]"), "the clients' configuration dumps were captured");
        assertFalse(output.contains(appUser.password()), "the SCRAM password appears in the output");
        assertFalse(output.contains(storePassword), "the truststore password appears in the output");
        assertFalse(output.contains(security.broker().password()), "the broker's SCRAM password appears in the output");
        assertFalse(output.contains(stranger.password()), "another user's SCRAM password appears in the output");
    }

    private static void assertDoesNotThrow(org.junit.jupiter.api.function.Executable executable, String message) {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(executable, message);
    }

    private static int clusterNodes(Map<String, Object> config) throws Exception {
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get().size();
        }
    }

    private static Map<String, Object> clientConfig(Map<String, String> security, String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", bootstrapServers);
        config.put("request.timeout.ms", 10_000);
        config.put("default.api.timeout.ms", 20_000);
        return config;
    }

    private JsonNode firstOnAlerts(Predicate<JsonNode> predicate) throws Exception {
        Map<String, Object> config = clientConfig(security.saslClientProperties(appUser), broker.bootstrapServers());
        config.put("group.id", TEST_GROUP_PREFIX + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        // As text: the predicate reads the alert's JSON.
        try (KafkaConsumer<String, String> consumer = TypedTopics.ALERTS.asText().consumer(config)) {
            consumer.subscribe(List.of(TypedTopics.ALERTS.name()));
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode value = Json.MAPPER.readTree(record.value());
                    if (predicate.test(value)) {
                        return value;
                    }
                }
            }
        }
        throw new AssertionError("no matching alert on " + TypedTopics.ALERTS.name() + "; service output in " + app.dataDir());
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(240);
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError("the service exited:\n" + tail(app.output()));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health/readiness")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListening) {
                // not up yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the service did not become ready:\n" + tail(app.output()));
    }

    private String awaitOutput(Predicate<String> until) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        String output = app.output();
        while (!until.test(output) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            output = app.output();
        }
        return output;
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.httpPort() + path);
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

}
