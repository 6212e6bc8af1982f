package org.foodrisk.connect;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.LoggerFactory;

/**
 * Publishes the sampling results of files dropped in a directory: national sampling notices
 * (CSV/XLSX) and LIMS CSV exports, as contract JSON of {@code foodrisk.sampling-results.v1}
 * keyed by sampleId, bad rows as dead letters. One task: a directory is read in order.
 */
public class SamplingFileSourceConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        SamplingFileSourceConfig config = new SamplingFileSourceConfig(props);
        if (!config.inputDir().toFile().isDirectory()) {
            // Not fatal: the task waits for it, but say so at once.
            LoggerFactory.getLogger(SamplingFileSourceConnector.class)
                    .warn("input.dir {} does not exist (yet)", config.inputDir());
        }
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SamplingFileSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return SamplingFileSourceConfig.DEF;
    }

    @Override
    public String version() {
        return Version.VERSION;
    }

    /** Offsets and records go together, so exactly-once source support can be used in a distributed worker. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }
}
