package org.foodrisk.runtime;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.topology.InputBacklog;

import java.util.List;
import java.util.Map;

/**
 * The input topics' backlog as this instance's main consumers see it: partition p is read to its end
 * when each input topic's partition p has a records-lag of 0 (the consumer's last fetch found nothing
 * beyond its position). No metric (not fetched since it was assigned) or a lag above 0 means records may
 * be waiting. Read by the input tasks' idle check on the stream thread, every half idle period.
 */
final class InputLag implements InputBacklog {

    private final List<String> inputTopics;
    private volatile KafkaStreams streams;

    InputLag(List<String> inputTopics) {
        this.inputTopics = List.copyOf(inputTopics);
    }

    /** The Kafka Streams whose consumers to ask; made after its configuration, which holds this. */
    void watch(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public boolean caughtUp(int partition) {
        KafkaStreams watched = streams;
        if (watched == null) {
            return false;
        }
        String p = Integer.toString(partition);
        int readToTheEnd = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : watched.metrics().entrySet()) {
            MetricName name = metric.getKey();
            if (!name.name().equals("records-lag") || !p.equals(name.tags().get("partition"))
                    || !isInput(name.tags().get("topic"))) {
                continue;
            }
            Object lag = metric.getValue().metricValue();
            if (!(lag instanceof Number n) || Double.isNaN(n.doubleValue()) || n.doubleValue() > 0) {
                return false;
            }
            readToTheEnd++;
        }
        return readToTheEnd >= inputTopics.size();
    }

    /** Older clients tag topics with '.' replaced by '_'. */
    private boolean isInput(String topic) {
        return topic != null && inputTopics.stream().anyMatch(t -> t.equals(topic) || t.replace('.', '_').equals(topic));
    }
}
