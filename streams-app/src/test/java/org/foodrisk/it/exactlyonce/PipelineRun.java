package org.foodrisk.it.exactlyonce;

import org.apache.kafka.clients.admin.Admin;
import org.foodrisk.broker.LocalKraftBroker;
import org.foodrisk.testsupport.AppProcess;

import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the fixed input through the real service: a KRaft broker of its own (in its own
 * JVM, so it can be killed and restarted), the source topics, the input published before any
 * instance starts, and {@code n} instances of the app in JVMs of their own sharing one
 * application.id. Everything lives under one directory; the app logs are in
 * {@code <dir>/app-<n>/app.out} and the broker's in {@code <dir>/broker/broker.out}.
 */
final class PipelineRun implements AutoCloseable {

    static final String APPLICATION_ID = "foodrisk-eos";
    private static final Duration BROKER_START = Duration.ofSeconds(90);
    /** The client's retries while the broker is away: hundreds of lines that hide everything else. */
    private static final Pattern CONNECTION_RETRY = Pattern.compile(
            "Connection to node .* could not be established|Bootstrap broker .* disconnected");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final LocalKraftBroker broker;
    private final List<AppProcess> instances = new ArrayList<>();
    private final ProcessingProgress progress;

    private PipelineRun(LocalKraftBroker broker) {
        this.broker = broker;
        this.progress = new ProcessingProgress(broker.bootstrapServers(), APPLICATION_ID);
    }

    static PipelineRun start(Path dir, FixedInput input, int instanceCount) throws Exception {
        LocalKraftBroker broker = LocalKraftBroker.start(dir.resolve("broker"), 0, BROKER_START);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            FixedInput.createSourceTopics(admin);
        }
        input.publish(broker.bootstrapServers());
        PipelineRun run = new PipelineRun(broker);
        for (int i = 0; i < instanceCount; i++) {
            run.instances.add(new AppProcess("app-" + i, dir.resolve("app-" + i), Map.of(
                    "foodrisk.bootstrap-servers", broker.bootstrapServers(),
                    "foodrisk.application-id", APPLICATION_ID,
                    "foodrisk.demo", "false",
                    // Health details (liveness: stalled, failures) are for signed-in operators only.
                    "foodrisk.security.peer-token", PEER_TOKEN,
                    // A killed member's partitions move after its session times out: 6 s, the broker's minimum.
                    "foodrisk.client-properties.session.timeout.ms", "6000",
                    "foodrisk.client-properties.heartbeat.interval.ms", "1500",
                    // What is compared must follow from the input alone. Overdue marks (alerts, 核查处置 cases) land
                    // at wall-clock times that depend on how long a run takes: in a CI run beside other builds
                    // (2026-12-06) the reference and a disturbed run differed by cases at version 2 against 1.
                    // Idle ticks stay as deployed: a task with records waiting must not tick (InputBacklog), and
                    // a run is compared as soon as it is caught up, before a quiet minute has passed.
                    "foodrisk.detect.overdue-check-every", "PT1H")));
        }
        run.instances.forEach(AppProcess::start);
        return run;
    }

    LocalKraftBroker broker() {
        return broker;
    }

    ProcessingProgress progress() {
        return progress;
    }

    List<AppProcess> instances() {
        return instances;
    }

    /** Fails at once, with the end of its log, when an instance died that the test did not kill. */
    void requireInstancesAlive() {
        for (AppProcess instance : instances) {
            if (!instance.isAlive()) {
                throw new AssertionError(instance.name() + " exited unexpectedly; its log ends with:\n"
                        + tail(instance.dataDir().resolve("app.out"), 40, null));
            }
        }
    }

    /** The instance whose Kafka Streams client id (it contains the process id kept in its state directory) is given. */
    AppProcess instanceWithClient(String clientId) throws IOException {
        for (AppProcess instance : instances) {
            Path metadata = instance.dataDir().resolve("streams").resolve(APPLICATION_ID).resolve("kafka-streams-process-metadata");
            if (Files.exists(metadata)) {
                Matcher processId = UUID.matcher(Files.readString(metadata, StandardCharsets.UTF_8));
                if (processId.find() && clientId.contains(processId.group())) {
                    return instance;
                }
            }
        }
        throw new IllegalStateException("no instance has client " + clientId);
    }

    /**
     * Waits until every stage has committed everything, then reads the outputs. When the app does
     * not finish in time the failure carries what is needed to tell why: each instance's health
     * (its Kafka Streams state and thread failures), the group and its offsets, and the end of each
     * instance's and the broker's log (all logs stay in the run's directory as well).
     */
    Outcome awaitOutcome(Duration timeout) throws InterruptedException {
        try {
            progress.awaitComplete(timeout, this::requireInstancesAlive);
        } catch (AssertionError notFinished) {
            String diagnostics = diagnostics();
            System.out.println(diagnostics);
            throw new AssertionError(notFinished.getMessage() + "\n" + diagnostics, notFinished);
        }
        return Outcome.read(broker.bootstrapServers(), APPLICATION_ID);
    }

    /** The state of every part of the run, for a failure message. */
    String diagnostics() {
        StringBuilder out = new StringBuilder("---- diagnostics ----\n").append(progress.report());
        for (AppProcess instance : instances) {
            out.append("---- ").append(instance.name()).append(instance.isAlive() ? " (running)" : " (exited)")
                    .append(" liveness ").append(health(instance, "/health/liveness"))
                    .append("\n     readiness ").append(health(instance, "/health/readiness"))
                    .append("\n     log (").append(instance.dataDir().resolve("app.out"))
                    .append(", connection retries left out):\n")
                    .append(tail(instance.dataDir().resolve("app.out"), 60, CONNECTION_RETRY)).append('\n')
                    .append("     stream threads (whole dump in ").append(instance.dataDir()).append("/threads-*.txt):\n")
                    .append(streamThreads(instance.threadDump())).append('\n');
        }
        out.append("---- broker log (").append(broker.dataDir().resolve("broker.out")).append("):\n")
                .append(tail(broker.dataDir().resolve("broker.out"), 40, null)).append('\n');
        return out.toString();
    }

    /** The status code and body of one of the instance's health endpoints, or why it could not be read. */
    /** The instances' shared token: read-only, and enough to see the health details. */
    private static final String PEER_TOKEN = "exactly-once-it-peer-token-0123456789";

    /** The health endpoint's answer with its details (as a signed-in operator). */
    String health(AppProcess instance, String path) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + instance.httpPort() + path)).timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + PEER_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void close() {
        progress.close();
        instances.forEach(AppProcess::close);
        broker.close();
    }

    /** The log lines in which an instance aborted a hanging transaction ({@code HangingTransactionGuard}). */
    List<String> abortedHangingTransactions() throws IOException {
        List<String> aborted = new ArrayList<>();
        for (AppProcess instance : instances) {
            Path log = instance.dataDir().resolve("app.out");
            if (Files.exists(log)) {
                Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains("Aborted a hanging transaction"))
                        .forEach(line -> aborted.add(instance.name() + ": " + line));
            }
        }
        return aborted;
    }

    /** The stacks of the Kafka Streams threads (StreamThread, state updater) in a thread dump. */
    private static String streamThreads(String dump) {
        if (dump == null) {
            return "(no thread dump)";
        }
        StringBuilder out = new StringBuilder();
        for (String thread : dump.split("\n\n")) {
            if (thread.contains("StreamThread") || thread.contains("StateUpdater")) {
                out.append(thread).append("\n\n");
            }
        }
        return out.isEmpty() ? "(no stream thread in the dump)" : out.toString();
    }

    /** The last {@code lines} lines of a log, without the lines {@code leaveOut} matches (null: none). */
    private static String tail(Path file, int lines, Pattern leaveOut) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> leaveOut == null || !leaveOut.matcher(line).find()).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
