package org.foodrisk.it.exactlyonce;

import org.apache.kafka.clients.admin.Admin;
import org.foodrisk.broker.LocalKraftBroker;
import org.foodrisk.testsupport.AppProcess;

import java.io.IOException;
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
                    // A killed member's partitions move after its session times out: 6 s, the broker's minimum.
                    "foodrisk.client-properties.session.timeout.ms", "6000",
                    "foodrisk.client-properties.heartbeat.interval.ms", "1500")));
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
                        + tail(instance.dataDir().resolve("app.out"), 40));
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

    Outcome awaitOutcome(Duration timeout) throws InterruptedException {
        progress.awaitComplete(timeout, this::requireInstancesAlive);
        return Outcome.read(broker.bootstrapServers(), APPLICATION_ID);
    }

    @Override
    public void close() {
        progress.close();
        instances.forEach(AppProcess::close);
        broker.close();
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
