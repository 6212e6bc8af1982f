package org.foodrisk.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.testsupport.TestKafka;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topology.StoreNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.HexFormat;
import org.foodrisk.query.AlertQuery;
import org.foodrisk.query.AlertStoreReader;
import org.foodrisk.api.access.HashedCredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the application share the work (same application.id, two partitions each):
 * every alert can be queried on either instance, which answers from its own store or asks the
 * instance that owns the key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

    private final String applicationId = "foodrisk-two-" + UUID.randomUUID();
    private final List<ApplicationContext> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    /** An analyst known to both instances: an instance forwards the caller's token when it asks the other. */
    private final String analystToken = "it-two-" + UUID.randomUUID();
    /** The instances' shared read-only credential for reads no user's request is behind. */
    private final String peerToken = "it-peer-" + UUID.randomUUID();

    @BeforeAll
    void startTwoInstances() throws Exception {
        for (int i = 0; i < 2; i++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            instances.add(ApplicationContext.run(EmbeddedServer.class, Map.of(
                    "foodrisk.bootstrap-servers", TestKafka.bootstrapServers(),
                    "foodrisk.application-id", applicationId,
                    "foodrisk.data-dir", Files.createTempDirectory("foodrisk-two-" + i).toString(),
                    "foodrisk.demo", "false",
                    "foodrisk.users.it-two.role", "analyst",
                    "foodrisk.security.peer-token", peerToken,
                    "foodrisk.users.it-two.token-sha256", HexFormat.of().formatHex(
                            HashedCredentials.sha256(analystToken)),
                    "micronaut.server.port", String.valueOf(port))).getApplicationContext());
        }
    }

    @AfterAll
    void stop() {
        instances.forEach(ApplicationContext::close);
    }

    private int port(int instance) {
        return instances.get(instance).getBean(EmbeddedServer.class).getPort();
    }

    private JsonNode get(int instance, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(instance) + path))
                .header("Authorization", "Bearer " + analystToken).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return response.statusCode() == 200 ? Json.MAPPER.readTree(response.body()) : null;
    }

    @Test
    void everyAlertIsAnsweredByEitherInstance() throws Exception {
        // Twelve distinct risks (district × substance), so that their alert ids spread over all partitions.
        String run = UUID.randomUUID().toString().substring(0, 6);
        String[] districts = {"武清区", "西青区", "河北区", "蓟州区", "宝坻区", "静海区"};
        String[] substances = {"克伦特罗", "莱克多巴胺"};
        try (KafkaProducer<String, String> producer = TypedTopics.SAMPLING_RESULTS.asText().producer(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "acks", "all"))) {
            int n = 0;
            for (String district : districts) {
                for (String substance : substances) {
                    String id = "TWO-" + run + "-" + n++;
                    producer.send(TypedTopics.SAMPLING_RESULTS.asText().record(id, """
                            {"sampleId":"%s","program":"区抽","labCode":"TJFS001","districtName":"%s",
                             "foodCategory":"食用农产品","foodName":"猪肉","sampledAt":"2024-05-06T09:30:00+08:00",
                             "verdict":"不合格","items":[{"item":"%s","hazardClass":"兽药残留","result":"1.1","pass":false}]}
                            """.formatted(id, district, substance))).get();
                }
            }
        }
        Instant deadline = Instant.now().plusSeconds(120);
        Set<String> ids = new HashSet<>();
        while (Instant.now().isBefore(deadline)) {
            boolean bothRunning = instances.stream().allMatch(c ->
                    c.getBean(KafkaRuntime.class).streams().state() == KafkaStreams.State.RUNNING);
            boolean twoHosts = bothRunning && instances.get(0).getBean(KafkaRuntime.class).streams()
                    .streamsMetadataForStore(StoreNames.ALERTS).size() == 2;
            JsonNode page = twoHosts ? get(0, "/api/v1/alerts?kind=sampling.critical-hazard&size=500") : null;
            ids.clear();
            if (page != null) {
                page.path("alerts").forEach(a -> {
                    if (a.path("evidence").toString().contains("TWO-" + run)) {
                        ids.add(a.path("alertId").asText());
                    }
                });
            }
            if (ids.size() == 12) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(12, ids.size(), "instance 0 lists the alerts of both instances");

        Set<String> localTo0 = new HashSet<>();
        get(0, "/api/v1/alerts?local=true&kind=sampling.critical-hazard").path("alerts")
                .forEach(a -> localTo0.add(a.path("alertId").asText()));
        localTo0.retainAll(ids);
        assertTrue(!localTo0.isEmpty() && localTo0.size() < 12,
                "the work is shared: instance 0 holds some of the alerts, not all (" + localTo0.size() + ")");

        JsonNode fromOne = get(1, "/api/v1/alerts?kind=sampling.critical-hazard&size=500");
        long seenByOne = 0;
        for (JsonNode alert : fromOne.path("alerts")) {
            if (ids.contains(alert.path("alertId").asText())) {
                seenByOne++;
            }
        }
        assertEquals(12, seenByOne, "instance 1 lists the same alerts");

        // A dashboard user signed in on instance 0 reads through instance 1: the cookie is signed with
        // the key both derive from the peer token, and instance 1 asks instance 0 with the peer token.
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(0) + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + analystToken + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, signIn.statusCode(), signIn.body());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> viaCookie = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(1)
                        + "/api/v1/alerts?kind=sampling.critical-hazard&size=500")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, viaCookie.statusCode(), viaCookie.body());
        Set<String> seenWithCookie = new HashSet<>();
        Json.MAPPER.readTree(viaCookie.body()).path("alerts").forEach(a -> seenWithCookie.add(a.path("alertId").asText()));
        assertTrue(seenWithCookie.containsAll(ids), "a signed-in dashboard user sees both instances' alerts on either");
        for (String id : ids) {
            JsonNode viaZero = get(0, "/api/v1/alerts/" + id);
            JsonNode viaOne = get(1, "/api/v1/alerts/" + id);
            assertEquals(id, viaZero.path("alertId").asText());
            assertEquals(viaZero, viaOne, "the same alert whichever instance answers");
        }

        // A read with no request behind it (as the scheduled summaries do) asks the other instance with the peer token.
        Set<String> fromBackground = new HashSet<>();
        instances.get(0).getBean(AlertStoreReader.class)
                .find(new AlertQuery(null, null, null, null, "sampling.critical-hazard", null, null, null), 0, 500)
                .alerts().forEach(a -> fromBackground.add(a.alertId()));
        assertTrue(fromBackground.containsAll(ids), "a background read gathers both instances' alerts");
        HttpResponse<String> unauthenticated = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(1)
                + "/api/v1/alerts?local=true")).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(401, unauthenticated.statusCode(), "an instance's share is not open to anyone");
    }

    /**
     * One district's daily counts are spread over the instances (the store is partitioned by
     * district × category): either instance answers with all of them, and the parts add up.
     */
    @Test
    void aDistrictsDailyCountsAreGatheredFromBothInstances() throws Exception {
        String[] categories = {"粮食加工品", "调味品", "肉制品", "乳制品", "饮料", "饼干", "罐头", "酒类", "糕点", "豆制品"};
        String run = UUID.randomUUID().toString().substring(0, 6);
        try (KafkaProducer<String, String> producer = TypedTopics.SAMPLING_RESULTS.asText().producer(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "acks", "all"))) {
            for (String category : categories) {
                for (String agency : new String[]{"天津市武清区市场监督管理局", "区农业农村委"}) {
                    String id = "DAY-" + run + "-" + category + "-" + agency.length();
                    producer.send(TypedTopics.SAMPLING_RESULTS.asText().record(id, """
                            {"sampleId":"%s","program":"区抽","agency":"%s","labCode":"TJFS001","districtCode":"120114",
                             "foodCategory":"%s","foodName":"样品","sampledAt":"2019-03-11T09:30:00+08:00",
                             "verdict":"合格","items":[]}
                            """.formatted(id, agency, category))).get();
                }
            }
        }
        String query = "/api/v1/daily-counts?type=sampling&district=120114&from=2019-03-11&to=2019-03-11";
        Instant deadline = Instant.now().plusSeconds(120);
        long viaZero = 0;
        while (Instant.now().isBefore(deadline) && viaZero < 20) {
            JsonNode days = get(0, query);
            viaZero = days == null ? 0 : total(days, null);
            Thread.sleep(500);
        }
        assertEquals(20, viaZero, "instance 0 gathers all ten categories");
        JsonNode viaOne = get(1, query);
        assertEquals(20, total(viaOne, null), "instance 1 answers the same");
        assertEquals(10, total(viaOne, "市场监管"));
        assertEquals(10, total(viaOne, "农业农村"));
        assertEquals(20, total(get(0, query + "&local=true"), null) + total(get(1, query + "&local=true"), null),
                "each day is held by exactly one instance: the local parts add up, nothing is counted twice");
    }

    private static long total(JsonNode answer, String agency) {
        long sum = 0;
        for (JsonNode day : answer.path("days")) {
            sum += agency == null ? day.path("count").asLong() : day.path("agencies").path(agency).asLong();
        }
        return sum;
    }
}
