package org.foodrisk.it.attack;

import com.fasterxml.jackson.databind.JsonNode;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.AppProcess;
import org.foodrisk.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.ByteArrayInputStream;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP limits of docs/http-limits.md against the real service in a JVM of its own (so that
 * what runs out, if anything does, is the service's and not this test's): idle connections, slow
 * bodies and large bodies to the public sign-in, all at once from attacker addresses 127.0.0.2…,
 * while a lab on 127.0.0.1 checks /health and publishes a 1 MB batch. Linux routes all of
 * 127/8 to the loopback, so every attacker address is a distinct client to the service's
 * per-address limits. The test JVM holds at most {@value #IDLE_CONNECTIONS} + a few hundred sockets,
 * well below the usual open-file limit (20,000 here; check {@code ulimit -n} if it is 1,024).
 *
 * <p>Behaviour is asserted, not speed: "answered at all within N seconds" with generous N. The
 * figures of a run are printed as one {@code HTTP-ATTACK} line (docs/http-limits.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpAttackIT {

    private static final String DEMO_LAB_TOKEN = "demo-lab-TJFS001";
    private static final int IDLE_CONNECTIONS = 2000;
    private static final int IDLE_ADDRESSES = 10;
    private static final int PER_ADDRESS = 32;
    private static final int SLOW_BODIES = 20;
    private static final int LARGE_BODIES = 120;
    private static final int LARGE_CHUNKED_BODIES = 10;
    private static final long LARGE_BODY_BYTES = 10L * 1024 * 1024;
    /** Short enough to watch them act; the service's defaults are 60 s both. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private AppProcess app;

    @BeforeAll
    void startService() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "http-attack")), "run-").toAbsolutePath();
        app = new AppProcess("attacked", dir, Map.of(
                "foodrisk.bootstrap-servers", TestKafka.bootstrapServers(),
                "foodrisk.application-id", "foodrisk-attack-" + UUID.randomUUID(),
                "foodrisk.demo", "false",
                // the documented demo lab, honoured on this external broker too
                "foodrisk.publishers.demo-lab.demo-only", "false",
                "micronaut.server.idle-timeout", IDLE_TIMEOUT.toSeconds() + "s",
                "foodrisk.http.request-read-timeout", READ_TIMEOUT.toString(),
                "foodrisk.http.max-connections-per-address", String.valueOf(PER_ADDRESS)),
                Map.of(),
                // A tight budget on purpose: 120 bodies of 10 MB would need ten times this.
                List.of("-XX:MaxDirectMemorySize=128m"));
        app.start();
        awaitReady();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void signInTakesATokenNotFiveKiB() throws Exception {
        HttpResponse<String> wrong = post("/api/v1/session", null, "{\"token\":\"not-a-token\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, wrong.statusCode(), wrong.body());
        byte[] fiveKiB = ("{\"token\":\"" + "x".repeat(5 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> large = post("/api/v1/session", null, fiveKiB);
        assertEquals(413, large.statusCode(), large.body());
        assertEquals("too-large", Json.MAPPER.readTree(large.body()).path("error").asText(), large.body());
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/api/v1/session"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fiveKiB))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), "without a Content-Length: refused once 4 KiB have arrived");
    }

    @Test
    void healthAndALabsBatchAreAnsweredWhileIdleSlowAndLargeRequestsAttack() throws Exception {
        int port = app.httpPort();
        long startedNanos = System.nanoTime();
        ExecutorService attackers = Executors.newFixedThreadPool(SLOW_BODIES + 16);
        try {
            // 1. Idle connections: 200 from each of 10 addresses, never a byte sent.
            List<Attacker> idle = new ArrayList<>();
            for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                idle.add(Attacker.connect(attacker(2 + i % IDLE_ADDRESSES), port));
            }
            Thread.sleep(1500);
            int held = Attacker.countOpen(idle);
            assertTrue(held > 0 && held <= IDLE_ADDRESSES * PER_ADDRESS,
                    "at most " + PER_ADDRESS + " per address are kept, was " + held);

            // 2. Slow bodies and 3. large bodies, from other addresses, meanwhile.
            List<Future<Long>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_BODIES; i++) {
                InetAddress from = attacker(20 + i % 2);
                slow.add(attackers.submit(() -> Attacker.slowSignIn(from, port, Duration.ofSeconds(2), Duration.ofSeconds(60))));
            }
            List<Future<String>> large = new ArrayList<>();
            for (int i = 0; i < LARGE_BODIES; i++) {
                InetAddress from = attacker(30 + i % 4);
                large.add(attackers.submit(() -> Attacker.largeSignIn(from, port, LARGE_BODY_BYTES)));
            }
            List<Future<Long>> largeChunked = new ArrayList<>();
            for (int i = 0; i < LARGE_CHUNKED_BODIES; i++) {
                InetAddress from = attacker(40);
                largeChunked.add(attackers.submit(() -> Attacker.largeChunkedSignIn(from, port, LARGE_BODY_BYTES)));
            }

            // The lab, while all of it goes on.
            long healthNanos = System.nanoTime();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            healthNanos = System.nanoTime() - healthNanos;
            assertEquals(200, health.statusCode(), health.body());
            byte[] batch = labBatch(500);
            assertTrue(batch.length > 1_000_000 && batch.length <= 1_048_576, "a 1 MB batch: " + batch.length);
            long batchNanos = System.nanoTime();
            HttpResponse<String> published = post("/api/v1/sampling-results", DEMO_LAB_TOKEN, batch);
            batchNanos = System.nanoTime() - batchNanos;
            assertEquals(200, published.statusCode(), published.body());
            JsonNode results = Json.MAPPER.readTree(published.body());
            assertEquals(500, results.size());
            results.forEach(r -> assertEquals("accepted", r.path("status").asText(), r.toString()));

            int largeRefused = 0;
            for (Future<String> answer : large) {
                String statusLine = answer.get(60, TimeUnit.SECONDS);
                assertTrue(statusLine.startsWith("HTTP/1.1 413"), "a 10 MB sign-in: " + statusLine);
                largeRefused++;
            }
            long mostChunkedSent = 0;
            for (Future<Long> sent : largeChunked) {
                mostChunkedSent = Math.max(mostChunkedSent, sent.get(60, TimeUnit.SECONDS));
            }
            assertTrue(mostChunkedSent < LARGE_BODY_BYTES, "a chunked 10 MB sign-in is cut off, sent " + mostChunkedSent);
            long slowestClosedMillis = 0;
            for (Future<Long> closedAfter : slow) {
                slowestClosedMillis = Math.max(slowestClosedMillis, closedAfter.get(90, TimeUnit.SECONDS));
            }
            assertTrue(slowestClosedMillis < 30_000, "a body trickling in is cut off (read timeout "
                    + READ_TIMEOUT.toSeconds() + " s), the slowest after " + slowestClosedMillis + " ms");

            // After the attack: the idle timeout has closed every idle connection that was kept.
            Attacker.awaitAllClosed(idle, IDLE_TIMEOUT.plusSeconds(30));
            long idleAllClosedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
            assertEquals(0, Attacker.countOpen(idle), "every idle connection closed by the service");
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, after.statusCode());

            String metrics = http.send(HttpRequest.newBuilder(uri("/prometheus")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(refused(metrics, "too-many-connections") >= IDLE_CONNECTIONS - held, metrics);
            assertTrue(refused(metrics, "too-large") >= LARGE_BODIES, metrics);
            assertTrue(refused(metrics, "too-slow") >= SLOW_BODIES, metrics);
            System.out.printf("HTTP-ATTACK idle connections opened=%d kept=%d (limit %d x %d addresses), all closed by the "
                            + "idle timeout within %d s of the attack's start; slow bodies=%d, slowest cut off after %d ms "
                            + "(read timeout %d s); 10 MB sign-ins=%d, refused 413=%d; chunked 10 MB sign-ins=%d, "
                            + "at most %d bytes sent before the cut; /health answered in %d ms; a %d-byte lab batch "
                            + "of 500 accepted in %d ms; service RSS %s; refused counters: %s; whole run %d s%n",
                    IDLE_CONNECTIONS, held, PER_ADDRESS, IDLE_ADDRESSES,
                    idleAllClosedSeconds, SLOW_BODIES,
                    slowestClosedMillis, READ_TIMEOUT.toSeconds(), LARGE_BODIES, largeRefused, LARGE_CHUNKED_BODIES,
                    mostChunkedSent, TimeUnit.NANOSECONDS.toMillis(healthNanos), batch.length,
                    TimeUnit.NANOSECONDS.toMillis(batchNanos), residentMemory(), refusedLines(metrics),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos));
        } finally {
            attackers.shutdownNow();
        }
    }

    /** 127.0.0.{@code n}: an address of its own, as far as the service can tell. */
    private static InetAddress attacker(int n) throws IOException {
        return InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) n});
    }

    /** A batch of {@code records} results of the demo lab with as many test items as fit in the 1 MiB limit. */
    private static byte[] labBatch(int records) {
        int target = 1_048_576 - 1024;
        for (int items = 20; ; items--) {
            byte[] batch = labBatch(records, items);
            if (batch.length <= target) {
                // Whitespace between the records (valid JSON) makes up the rest: a full-size batch.
                byte[] full = Arrays.copyOf(batch, target);
                Arrays.fill(full, batch.length - 1, target - 1, (byte) ' ');
                full[target - 1] = ']';
                return full;
            }
        }
    }

    private static byte[] labBatch(int records, int itemsEach) {
        String item = """
                {"item":"腐霉利%d","hazardClass":"农药残留","result":"0.01","unit":"mg/kg","limit":"0.2","standard":"GB 2763-2021","pass":true}""";
        StringBuilder body = new StringBuilder("[");
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int r = 0; r < records; r++) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < itemsEach; i++) {
                items.append(i == 0 ? "" : ",").append(item.formatted(i));
            }
            body.append(r == 0 ? "" : ",").append("""
                    {"sampleId":"ATTACK-%s-%d","program":"区抽","agency":"区市场监管局","lab":"天津市食品安全检测技术研究院",
                     "labCode":"TJFS001","districtName":"武清区","stage":"流通","foodCategory":"食用农产品",
                     "foodSubcategory":"蔬菜","foodName":"韭菜","sampledAt":"2024-05-06T09:30:00+08:00",
                     "verdict":"合格","items":[%s]}""".formatted(run, r, items));
        }
        return body.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double refused(String metrics, String reason) {
        Matcher m = Pattern.compile("foodrisk_http_refused_total\\{reason=\"" + reason + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String refusedLines(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("foodrisk_http_refused_total"))
                .map(l -> l.replace("foodrisk_http_refused_total", "")).toList().toString();
    }

    private String residentMemory() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(app.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM")).map(l -> l.replaceAll("\\s+", " "))
                    .toList().toString();
        } catch (IOException | UnsupportedOperationException notLinux) {
            return "unknown";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.httpPort() + path);
    }

    private HttpResponse<String> post(String path, String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the service exited:\n" + app.output());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health/readiness")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListening) {
                // not up yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the service did not become ready:\n" + app.output());
    }
}
