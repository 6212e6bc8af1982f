package org.foodrisk.testsupport;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an integration test prints when an app under test did not produce what it waited for: the
 * Kafka Streams state, how many records its consumers took and how far behind each input partition
 * they are, and where its stream threads stand. A run that fails once in many then says whether the
 * app read nothing (a stall), read the records and refused them, or read them and decided otherwise.
 */
public final class StreamsDiagnosis {

    private StreamsDiagnosis() {
    }

    public static String of(KafkaStreams streams) {
        StringBuilder out = new StringBuilder("\n--- app under test: state ").append(streams.state());
        double consumed = 0;
        Map<String, Object> lag = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            MetricName name = metric.getKey();
            if (name.name().equals("records-consumed-total") && !name.tags().containsKey("topic")
                    && name.group().equals("consumer-fetch-manager-metrics")) {
                consumed += ((Number) metric.getValue().metricValue()).doubleValue();
            }
            if (name.name().equals("records-lag") && name.tags().containsKey("partition")
                    && name.tags().getOrDefault("topic", "").startsWith("foodrisk")) {
                lag.put(name.tags().get("topic") + "-" + name.tags().get("partition"), metric.getValue().metricValue());
            }
        }
        out.append("; records consumed ").append((long) consumed).append("; lag by input partition ").append(lag);
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey().getName().contains("StreamThread")) {
                out.append("\n").append(thread.getKey().getName()).append(" (").append(thread.getKey().getState()).append(")");
                StackTraceElement[] frames = thread.getValue();
                for (int i = 0; i < Math.min(12, frames.length); i++) {
                    out.append("\n    at ").append(frames[i]);
                }
            }
        }
        return out.toString();
    }
}
