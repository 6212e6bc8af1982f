package org.foodrisk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.io.File;
import java.nio.charset.StandardCharsets;

/**
 * The real service ({@code org.foodrisk.Application}) in a JVM of its own, started the way
 * run.sh starts it (target/classes plus target/app.classpath, settings as {@code --key=value}
 * arguments), so that a test can kill it as a crash would: {@link #kill()} is
 * {@code Process.destroyForcibly()}, SIGKILL on Linux — no shutdown hook, no clean close of
 * Kafka Streams, an open transaction left behind.
 *
 * <p>Its data directory and HTTP port stay the same across {@link #start()} calls, as for a
 * service restarted on the same machine. Output goes to {@code app.out} in the data directory.
 */
public final class AppProcess implements AutoCloseable {

    private final String name;
    private final Path dataDir;
    private final Map<String, String> settings;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final int httpPort;
    private Process process;

    /**
     * @param settings foodrisk settings without the leading dashes, e.g. {@code foodrisk.demo → false};
     *                 the data directory and HTTP port are added here
     */
    public AppProcess(String name, Path dataDir, Map<String, String> settings) {
        this(name, dataDir, settings, Map.of());
    }

    /**
     * @param environment variables added to the JVM's environment, as an operator sets them
     *                    (e.g. {@code FOODRISK_CLIENT_PROPERTIES_SECURITY_PROTOCOL → SASL_SSL})
     */
    public AppProcess(String name, Path dataDir, Map<String, String> settings, Map<String, String> environment) {
        this(name, dataDir, settings, environment, List.of());
    }

    /**
     * @param jvmOptions added after the defaults (so they win), e.g. {@code -XX:MaxDirectMemorySize=128m}
     */
    public AppProcess(String name, Path dataDir, Map<String, String> settings, Map<String, String> environment,
                      List<String> jvmOptions) {
        this.name = name;
        this.dataDir = dataDir;
        this.settings = Map.copyOf(settings);
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.httpPort = TestCredentials.freePort();
    }

    /** The running JVM's process id (to read its /proc entry). */
    public long pid() {
        return process.pid();
    }

    public int httpPort() {
        return httpPort;
    }

    /** Everything the JVM wrote to standard output and error so far. */
    public String output() {
        try {
            Path out = dataDir.resolve("app.out");
            return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public Path dataDir() {
        return dataDir;
    }

    public void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(dataDir);
            Path target = Path.of("target").toAbsolutePath();
            String classpath = target.resolve("classes") + File.pathSeparator
                    + Files.readString(target.resolve("app.classpath")).trim();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-cp", classpath, "org.foodrisk.Application",
                    "--foodrisk.data-dir=" + dataDir,
                    "--micronaut.server.port=" + httpPort));
            settings.forEach((key, value) -> command.add("--" + key + "=" + value));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * The JVM's threads as {@code jcmd <pid> Thread.print} prints them, also kept in the data
     * directory as {@code threads-<n>.txt}: what a stalled instance is waiting on, which its
     * log and health cannot say. Null when the JVM is not running or jcmd could not answer.
     */
    public String threadDump() {
        if (!isAlive()) {
            return null;
        }
        try {
            Path dump = dataDir.resolve("threads-" + System.currentTimeMillis() + ".txt");
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return null;
            }
            return Files.readString(dump, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the JVM at once (SIGKILL): nothing of the application gets to run. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(60);
        }
    }

    /** Stops the JVM the polite way (SIGTERM: Micronaut closes Kafka Streams), a kill if it hangs. */
    @Override
    public void close() {
        if (isAlive()) {
            process.destroy();
            if (!awaitExit(45)) {
                kill();
            }
        }
    }

    private boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
