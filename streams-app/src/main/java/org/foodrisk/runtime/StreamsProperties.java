package org.foodrisk.runtime;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.topology.DeadLetteringProductionHandler;
import org.foodrisk.topology.RecordSizes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The Kafka Streams properties of the foodrisk topology, in one place: the service runs with
 * {@link #forService}, and the test drivers and the benchmarks start from {@link #shared} and add only
 * what they need to differ in (a state directory of their own, say), so that what they measure or
 * check is the topology as the service runs it.
 */
public final class StreamsProperties {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsProperties.class);

    private StreamsProperties() {
    }

    /**
     * What every run of the topology shares, wherever it runs: the cluster, the application id,
     * exactly-once v2, the fetch, record and cache sizes, and the exception handlers.
     *
     * @param counters where {@link DeadLetteringProductionHandler} counts the dead letters it writes
     */
    public static Properties shared(KafkaClientConfig kafka, String applicationId, OutputCounters counters) {
        Properties props = new Properties();
        props.putAll(kafka.asMap());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Replays read a backlog in small fetches so that stream time does not leap ahead of
        // records still unread in the same partition (BUILD-NOTES: 1 MiB fetches dropped 2–48%).
        props.put(StreamsConfig.mainConsumerPrefix("max.partition.fetch.bytes"), 131_072);
        RecordSizes.configure(props);
        // Commits every second, not every 100 ms (the exactly-once default): each commit ends a transaction
        // and flushes every store; a second keeps an alert's delay in seconds, as an analyst reads it, and
        // the replay benchmark measured the full topology at 596 instead of 738 µs of CPU per record and the
        // broker at two thirds of its CPU (issue 18). The producer batches as the tuned pass-through does, and
        // compresses as the topics are stored (lz4), so that the broker need not compress every batch: with
        // both, 564 µs per record and half the broker's CPU (docs/benchmarks.md).
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
        // Batches of 64 KiB, not the pass-through's 512 KiB: this producer writes to every changelog and
        // repartition partition of its tasks (hundreds), and each open batch takes batch.size of the 32 MiB
        // buffer pool — at 512 KiB the pool ran dry and sends waited for it (a JFR profile of the replay:
        // 0.7 s of parks in BufferPool.allocate; none at 64 KiB, with 528 instead of 586 µs per record).
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 64 * 1024);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // An output record that is still too large (or cannot be serialized) becomes a dead letter
        // instead of failing the thread on it after every restart (issue 14).
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringProductionHandler.class);
        props.put(DeadLetteringProductionHandler.COUNTERS_CONFIG, counters);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10 * 1024 * 1024L);
        // One bounded block cache and memtable budget for every store, compressed tables (BoundedRocksDb).
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        // When the assignor cannot read the changelogs' end offsets during a rebalance — right after
        // a broker restart, while partitions are still loading — it falls back to the previous
        // assignment and asks for another rebalance only after this interval (10 minutes by
        // default): tasks nobody held before wait that long. One minute (Kafka's minimum) bounds
        // that wait; the same interval paces warm-up probing, which is cheap here (issue 12).
        props.put(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, 60_000L);
        GlobalThreadHandling.configure(props);
        return props;
    }

    /**
     * The service's: {@link #shared} plus its state directory under {@code foodrisk.data-dir}, its
     * stream threads, the address other instances forward queries to, and, on the embedded broker,
     * what a cluster of one broker needs.
     *
     * @param applicationServer host:port of this instance's HTTP API; a port of 0 or -1 (chosen at
     *                          random) cannot be advertised
     * @param singleBroker      whether the cluster is the embedded broker alone
     */
    public static Properties forService(KafkaClientConfig kafka, FoodRiskSettings settings, String applicationServer,
                                        boolean singleBroker, OutputCounters counters) {
        Properties props = shared(kafka, settings.applicationId(), counters);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(settings.dataDir(), "streams").toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        if (!applicationServer.endsWith(":-1") && !applicationServer.endsWith(":0")) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        } else {
            LOG.warn("HTTP port chosen at random: this instance cannot take part in query routing between instances");
        }
        if (singleBroker) {
            forSingleBroker(props);
        }
        return props;
    }

    /** Adjusts {@code props} to a cluster of one local broker (the embedded one, the benchmarks'). */
    public static void forSingleBroker(Properties props) {
        // A single local broker can hold only one replica of each internal topic.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
    }
}
