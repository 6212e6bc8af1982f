package org.foodrisk.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;

/**
 * A real single-node KRaft broker (combined broker + controller) in its own JVM, started from
 * the Kafka jars that Maven resolved from Maven Central. It serves the embedded default run
 * and the integration tests on machines without Docker; nothing about it is mocked.
 *
 * <p>Why a separate JVM: the broker's Scala/server dependencies stay off the application's
 * classpath, it can be killed and restarted independently (broker-restart tests), and its
 * memory is bounded on its own. The classpath comes from {@code target/broker.classpath},
 * written by the maven-dependency-plugin during the build.
 *
 * <p>Settings follow shared/BUILD-NOTES.md: listeners on 127.0.0.1 only, internal-topic
 * replication and min ISR 1, no initial rebalance delay.
 */
public final class LocalKraftBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKraftBroker.class);

    /** The broker logs warnings and errors to broker.out in its data directory. */
    private static final String BROKER_LOGGING = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path classpathFile;
    /** Null for the default PLAINTEXT broker. */
    private final BrokerSecurity security;
    /** The mutual-TLS listener's port when secured, otherwise unused. */
    private final int mtlsPort;
    private Process process;

    private LocalKraftBroker(Path dataDir, int port, int controllerPort, Path classpathFile,
                             BrokerSecurity security, int mtlsPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpathFile = classpathFile;
        this.security = security;
        this.mtlsPort = mtlsPort;
    }

    /**
     * Formats {@code dataDir} when it is new (keeping the data of an earlier run otherwise),
     * starts the broker and waits until it answers.
     *
     * @param port the client port, or 0 for a free one
     */
    public static LocalKraftBroker start(Path dataDir, int port, Duration timeout) {
        return start(dataDir, port, timeout, null);
    }

    /**
     * As {@link #start(Path, int, Duration)}, secured as {@code security} says (null = PLAINTEXT):
     * {@link #bootstrapServers()} is then the SASL_SSL listener, {@link #mtlsBootstrapServers()}
     * the one that requires a client certificate. The data directory must be new, since the
     * SCRAM credentials are created when the storage is formatted.
     */
    public static LocalKraftBroker start(Path dataDir, int port, Duration timeout, BrokerSecurity security) {
        Path classpathFile = BrokerClasspath.locate();
        int clientPort = port == 0 ? freePort() : port;
        LocalKraftBroker broker = new LocalKraftBroker(dataDir, clientPort, freePort(), classpathFile,
                security, security == null ? -1 : freePort());
        broker.startProcess(timeout);
        return broker;
    }

    /** The client listener: PLAINTEXT by default, SASL_SSL (SCRAM-SHA-512) when secured. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The SSL listener that requires a client certificate (only when secured). */
    public String mtlsBootstrapServers() {
        if (security == null) {
            throw new IllegalStateException("a PLAINTEXT broker has no mutual-TLS listener");
        }
        return "127.0.0.1:" + mtlsPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The broker JVM's process id (for operators and tests), or -1 when it is not running. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the broker process at once, as a crash would (used by failure tests). */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    /** Starts the broker again on the same port and data directory. */
    public void restart(Duration timeout) {
        if (isAlive()) {
            close();
        }
        startProcess(timeout);
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                waitFor(process);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void startProcess(Duration timeout) {
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("log");
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, serverProperties(logDir), StandardCharsets.UTF_8);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(config);
            }
            List<String> command = new ArrayList<>(javaCommand("org.foodrisk.broker.KraftBrokerMain", config.toString()));
            // In a session of its own (issue 16): Ctrl-C in a terminal, or a SIGTERM to the process group
            // (a service manager stopping ./run.sh), would otherwise stop the broker at the same moment as
            // the app, whose clients then log a burst of connection warnings while they close. Without a
            // group signal the broker outlives the app's clients; close() (SIGTERM to this pid — setsid
            // execs in place, as the child is no group leader) stops it after them, and the stdin
            // watchdog still ends it should the app die without closing it.
            if (Files.isExecutable(SETSID)) {
                command.add(0, SETSID.toString());
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.out").toFile()));
            // stdin stays a pipe to this JVM: see KraftBrokerMain's watchdog.
            process = builder.start();
            awaitReady(timeout);
            LOG.info("Local KRaft broker ready at {} ({}; data in {})", bootstrapServers(),
                    security == null ? "PLAINTEXT" : "SASL_SSL, mutual TLS at " + mtlsBootstrapServers(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local KRaft broker", e);
        }
    }

    private void format(Path config) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        List<String> arguments = new ArrayList<>(List.of(
                "format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"));
        if (security != null) {
            arguments.addAll(security.formatArguments());
        }
        Process formatter = new ProcessBuilder(javaCommand("kafka.tools.StorageTool", arguments.toArray(String[]::new)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.out").toFile()))
                .start();
        if (waitFor(formatter) != 0) {
            throw new IllegalStateException("Formatting the KRaft storage failed; see " + dataDir.resolve("broker.out"));
        }
    }

    private List<String> javaCommand(String mainClass, String... args) throws IOException {
        // broker.classpath holds the compile and provided jars (the broker itself); the app's
        // runtime jars add what Kafka needs only at run time: the lz4/snappy/zstd codecs (a
        // topic with compression.type=lz4 is recompressed by the broker) and a logging backend.
        Path runtimeClasspath = classpathFile.resolveSibling("app.classpath");
        String classpath = Files.readString(classpathFile).trim()
                + (Files.exists(runtimeClasspath) ? File.pathSeparator + Files.readString(runtimeClasspath).trim() : "")
                + File.pathSeparator + BrokerClasspath.ownCodeLocation();
        Path logConfig = dataDir.resolve("broker-logback.xml");
        Files.writeString(logConfig, BROKER_LOGGING, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlogback.configurationFile=" + logConfig);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** True once the broker's client port accepts a TCP connection. */
    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> config = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
        if (security != null) {
            config.putAll(security.saslClientProperties(security.broker()));
        }
        // The admin client logs a warning for every refused connection (ten or so while the broker JVM
        // starts, issue 16): wait until the port accepts one before asking it anything.
        while (!accepting() && Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The local KRaft broker exited with " + process.exitValue()
                        + "; see " + dataDir.resolve("broker.out"));
            }
            sleep(200);
        }
        try (Admin admin = Admin.create(config)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The local KRaft broker exited with " + process.exitValue()
                            + "; see " + dataDir.resolve("broker.out"));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    sleep(200);
                }
            }
        }
        close();
        throw new IllegalStateException("The local KRaft broker did not answer within " + timeout);
    }

    private String serverProperties(Path logDir) {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER"));
        lines.addAll(security != null ? security.serverProperties(port, mtlsPort, controllerPort) : List.of(
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"));
        lines.addAll(List.of(
                "log.dirs=" + logDir,
                "num.partitions=4",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                "default.replication.factor=1",
                "group.initial.rebalance.delay.ms=0",
                // Topics are provisioned from the catalogue; a typo must not create a topic.
                "auto.create.topics.enable=false",
                "log.segment.bytes=67108864",
                ""));
        return String.join("\n", lines);
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
