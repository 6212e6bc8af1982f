package org.foodrisk.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A catalogue topic as it should be on one particular cluster.
 *
 * <p>The catalogue states production targets (replication 3, min.insync.replicas 2). A smaller
 * cluster cannot satisfy them: creation would fail, or every acks=all write would be refused.
 * So both are clamped to what the cluster can hold, the clamping is recorded as a note, and
 * drift is judged against the clamped values, so a single-broker development cluster does not
 * report drift forever.
 */
record ClusterTopic(String name, int partitions, short replicationFactor, Map<String, String> configs,
        List<String> notes) {

    static ClusterTopic fit(TopicSpec spec, int brokers) {
        List<String> notes = new ArrayList<>();
        short replication = spec.replicationFactor();
        if (replication > brokers) {
            notes.add(spec.name() + ": replication factor " + replication + " clamped to " + brokers
                    + " (the cluster has " + brokers + (brokers == 1 ? " broker)" : " brokers)"));
            replication = (short) brokers;
        }
        Map<String, String> configs = new LinkedHashMap<>(spec.configs());
        String minIsr = configs.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        if (minIsr != null && Integer.parseInt(minIsr) > replication) {
            notes.add(spec.name() + ": " + TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG + " " + minIsr
                    + " clamped to " + replication + " (it cannot exceed the replication factor)");
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(replication));
        }
        return new ClusterTopic(spec.name(), spec.partitions(), replication, Map.copyOf(configs), List.copyOf(notes));
    }

    NewTopic toNewTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    /** Every way the existing topic differs from this target; empty when it matches. */
    List<ProvisionReport.Drift> driftFrom(TopicDescription actual, Config actualConfig) {
        List<ProvisionReport.Drift> drift = new ArrayList<>();
        int actualPartitions = actual.partitions().size();
        if (actualPartitions != partitions) {
            drift.add(new ProvisionReport.Drift(name, "partitions", Integer.toString(partitions),
                    Integer.toString(actualPartitions)));
        }
        String actualReplication = replicationFactors(actual.partitions());
        if (!actualReplication.equals(Short.toString(replicationFactor))) {
            drift.add(new ProvisionReport.Drift(name, "replication.factor", Short.toString(replicationFactor),
                    actualReplication));
        }
        configs.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(expected -> {
                    String value = Optional.ofNullable(actualConfig.get(expected.getKey()))
                            .map(ConfigEntry::value)
                            .orElse("(not set)");
                    if (!value.equals(expected.getValue())) {
                        drift.add(new ProvisionReport.Drift(name, expected.getKey(), expected.getValue(), value));
                    }
                });
        return drift;
    }

    /** The replica count, or every distinct count when partitions disagree (e.g. "1,3"). */
    private static String replicationFactors(Collection<TopicPartitionInfo> partitions) {
        TreeSet<Integer> counts = new TreeSet<>();
        partitions.forEach(partition -> counts.add(partition.replicas().size()));
        return String.join(",", counts.stream().map(String::valueOf).toList());
    }
}
