package org.foodrisk.connect;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.runtime.isolation.LoaderSwap;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Child-JVM side of {@link PluginIsolationIT}: loads the connectors with Connect's own
 * {@link Plugins} from a plugin.path and runs the source task over a directory. Refers to the
 * plugin's classes only by name (they are not on this JVM's class path).
 */
public final class PluginIsolationMain {

    private PluginIsolationMain() {
    }

    public static void main(String[] args) throws Exception {
        Plugins plugins = new Plugins(Map.of("plugin.path", args[0], "plugin.discovery", "service_load"));
        Connector source = plugins.newConnector("org.foodrisk.connect.SamplingFileSourceConnector");
        System.out.println("source loader: " + source.getClass().getClassLoader());
        Map<String, String> cfg = Map.of("input.dir", args[1], "file.min.age.ms", "0", "poll.interval.ms", "50");
        int n = 0;
        try (LoaderSwap swap = plugins.withClassLoader(source.getClass().getClassLoader())) {
            source.validate(cfg).configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                    .forEach(v -> {
                        throw new IllegalStateException(v.name() + ": " + v.errorMessages());
                    });
            source.start(cfg);
            SourceTask task = (SourceTask) plugins.newTask(source.taskClass());
            task.initialize(new SourceTaskContext() {
                @Override
                public Map<String, String> configs() {
                    return cfg;
                }

                @Override
                public OffsetStorageReader offsetStorageReader() {
                    return new OffsetStorageReader() {
                        @Override
                        public <T> Map<String, Object> offset(Map<String, T> partition) {
                            return null;
                        }

                        @Override
                        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                            return Map.of();
                        }
                    };
                }

                @Override
                public PluginMetrics pluginMetrics() {
                    return null;
                }
            });
            task.start(cfg);
            for (int i = 0; i < 10 && n < 8; i++) {
                List<SourceRecord> records = task.poll();
                if (records == null) {
                    continue;
                }
                for (SourceRecord r : records) {
                    n++;
                    System.out.println(r.topic() + " key " + r.key());
                    task.commitRecord(r, null);
                }
            }
            task.poll(); // moves the finished files
            task.stop();
        }
        Connector sink = plugins.newConnector("org.foodrisk.connect.AlertWebhookSinkConnector");
        System.out.println("sink loader: " + sink.getClass().getClassLoader());
        System.out.println("records: " + n);
    }
}
