package org.foodrisk.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalogue's topics on a cluster and reports how existing ones differ.
 *
 * <p>It only ever creates: an existing topic is never altered or deleted, whatever its drift,
 * because on a shared or production cluster a changed retention or a recreated topic loses
 * data that cannot be brought back. Fixing drift is a decision for a person; the report gives
 * them what they need to make it. Running it again is always safe.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration READY_POLL = Duration.ofMillis(200);

    private final Admin admin;

    /** The admin client is borrowed, not owned: the caller closes it. */
    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** Creates the topics that do not exist and reports drift on those that do. */
    public ProvisionReport provision(List<TopicSpec> specs) {
        return run(specs, false);
    }

    /** Reports what {@link #provision} would create and the drift it would find, changing nothing. */
    public ProvisionReport check(List<TopicSpec> specs) {
        return run(specs, true);
    }

    /**
     * Waits until every topic is visible in the cluster metadata and each of its partitions has
     * a leader, so that clients started next (a Kafka Streams app in particular) find them.
     *
     * @throws TimeoutException when they are not all ready in time; the message names those that are not
     */
    public void awaitReady(Collection<String> names, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> waiting = new LinkedHashSet<>(names);
        String lastProblem = "";
        while (!waiting.isEmpty()) {
            // Bound each call by what is left, so an unreachable cluster cannot hold us past the deadline.
            DescribeTopicsOptions options = new DescribeTopicsOptions()
                    .timeoutMs((int) Math.max(1, Math.min(Integer.MAX_VALUE, (deadline - System.nanoTime()) / 1_000_000)));
            for (Map.Entry<String, KafkaFuture<TopicDescription>> entry
                    : admin.describeTopics(List.copyOf(waiting), options).topicNameValues().entrySet()) {
                try {
                    if (allPartitionsLed(entry.getValue().get())) {
                        waiting.remove(entry.getKey());
                    }
                } catch (ExecutionException e) {
                    // Not yet in the metadata, typically: keep waiting, remember why for the error.
                    lastProblem = entry.getKey() + ": " + e.getCause().getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptException(e);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topics not ready after " + timeout + ": " + waiting
                        + (lastProblem.isEmpty() ? "" : " (last error: " + lastProblem + ")"));
            }
            sleep(READY_POLL);
        }
    }

    private ProvisionReport run(List<TopicSpec> specs, boolean dryRun) {
        int brokers = await(admin.describeCluster().nodes(), "describe the cluster").size();
        if (brokers == 0) {
            throw new KafkaException("the cluster reports no brokers");
        }
        Map<String, ClusterTopic> targets = new LinkedHashMap<>();
        specs.forEach(spec -> targets.put(spec.name(), ClusterTopic.fit(spec, brokers)));

        Map<String, TopicDescription> existing = describeExisting(targets.keySet());
        List<String> missing = targets.keySet().stream().filter(name -> !existing.containsKey(name)).toList();
        List<String> unchanged = new ArrayList<>(existing.keySet());
        List<String> created = new ArrayList<>();
        if (!dryRun) {
            for (String name : missing) {
                if (create(targets.get(name))) {
                    created.add(name);
                } else {
                    unchanged.add(name);
                }
            }
        }
        List<ProvisionReport.Drift> drift = drift(targets, existing);
        List<String> notes = targets.values().stream().flatMap(target -> target.notes().stream()).toList();
        notes.forEach(LOG::info); // expected on development clusters; the report carries them too
        drift.forEach(difference -> LOG.warn("drift, left as is: {}", difference));
        return new ProvisionReport(created, dryRun ? missing : List.of(), unchanged, drift, notes, dryRun);
    }

    /** The descriptions of the topics that exist; absent ones are simply left out. */
    private Map<String, TopicDescription> describeExisting(Collection<String> names) {
        Map<String, TopicDescription> existing = new LinkedHashMap<>();
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(names).topicNameValues();
        names.forEach(name -> { // in the caller's order, so reports read like the catalogue
            try {
                existing.put(name, futures.get(name).get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new KafkaException("cannot describe topic " + name + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        });
        return existing;
    }

    /** Creates one topic; false when another client created it first (it then counts as existing). */
    private boolean create(ClusterTopic target) {
        try {
            admin.createTopics(List.of(target.toNewTopic())).all().get();
            LOG.info("created topic {} ({} partitions, replication {}, {})", target.name(), target.partitions(),
                    target.replicationFactor(), target.configs());
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new KafkaException("cannot create topic " + target.name() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private List<ProvisionReport.Drift> drift(Map<String, ClusterTopic> targets, Map<String, TopicDescription> existing) {
        if (existing.isEmpty()) {
            return List.of();
        }
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(existing.keySet().stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                        .collect(Collectors.toList())).all(),
                "describe topic configs");
        List<ProvisionReport.Drift> drift = new ArrayList<>();
        existing.forEach((name, description) -> drift.addAll(targets.get(name).driftFrom(description,
                configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)))));
        return drift;
    }

    private static boolean allPartitionsLed(TopicDescription description) {
        return !description.partitions().isEmpty() && description.partitions().stream()
                .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new KafkaException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }
}
