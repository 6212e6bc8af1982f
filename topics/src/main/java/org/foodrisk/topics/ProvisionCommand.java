package org.foodrisk.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Command line for {@link TopicProvisioner}, usable on its own against any cluster.
 *
 * <p>Exit codes: 0 done; 1 failed (cluster unreachable, creation refused, ...); 2 drift found
 * with {@code --fail-on-drift}; 64 bad command line (not picocli's default 2, which would be
 * mistaken for drift by scripts).
 */
@Command(
        name = "foodrisk-topics",
        exitCodeOnInvalidInput = ProvisionCommand.EXIT_USAGE,
        description = {
            "Creates the foodrisk topics that are missing and reports drift on those that exist.",
            "Existing topics are never changed or deleted; running it again is safe."
        })
public final class ProvisionCommand implements Callable<Integer> {

    static final int EXIT_DRIFT = 2;
    static final int EXIT_USAGE = 64;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--command-config", paramLabel = "<file>",
            description = "Kafka client properties for the admin client, e.g. security.protocol, sasl.* and ssl.* settings.")
    Path commandConfig;

    @Option(names = "--dry-run", description = "Only report what would be created and the drift found; change nothing.")
    boolean dryRun;

    @Option(names = "--only", split = ",", paramLabel = "<topic>",
            description = "Only these catalogue topics (comma-separated).")
    List<String> only;

    @Option(names = "--fail-on-drift", description = "Exit with code 2 when an existing topic differs from the catalogue.")
    boolean failOnDrift;

    @Option(names = "--timeout", defaultValue = "PT60S", converter = DurationConverter.class,
            description = "How long to wait for each cluster request and for created topics to have leaders, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command ready to execute; failures print one line instead of a stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new ProvisionCommand())
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + error.getMessage());
                    return commandLine.getCommandSpec().exitCodeOnExecutionException();
                });
    }

    @Override
    public Integer call() throws IOException {
        List<TopicSpec> specs = selectedTopics();
        try (Admin admin = Admin.create(adminConfig())) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);
            ProvisionReport report = dryRun ? provisioner.check(specs) : provisioner.provision(specs);
            PrintWriter out = spec.commandLine().getOut();
            out.print(report); // before waiting: if the wait fails, what was created is still on record
            out.flush();
            // Return only once the topics are usable, so a script can start the app right after.
            provisioner.awaitReady(report.created(), timeout);
            return failOnDrift && report.hasDrift() ? EXIT_DRIFT : CommandLine.ExitCode.OK;
        }
    }

    private List<TopicSpec> selectedTopics() {
        if (only == null || only.isEmpty()) {
            return TopicCatalogue.load();
        }
        List<String> unknown = only.stream()
                .filter(name -> TopicCatalogue.load().stream().noneMatch(topic -> topic.name().equals(name)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "not in the topic catalogue: " + unknown);
        }
        return only.stream().distinct().map(TopicCatalogue::spec).toList();
    }

    private Properties adminConfig() throws IOException {
        Properties config = new Properties();
        if (commandConfig != null) {
            try (InputStream in = Files.newInputStream(commandConfig)) {
                config.load(in);
            }
        }
        // An explicit --bootstrap-servers wins over the file, so one file of credentials can serve several clusters.
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (!config.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new ParameterException(spec.commandLine(),
                    "no bootstrap servers: pass --bootstrap-servers, set KAFKA_BOOTSTRAP_SERVERS, or put bootstrap.servers in --command-config");
        }
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "foodrisk-topics-provisioner");
        // Without these an unreachable cluster holds the command for the client's 60 s default per call.
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(timeoutMs));
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(timeoutMs, 30_000)));
        return config;
    }

    /** Reads ISO-8601 durations such as PT30S. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.parse(value);
        }
    }
}
