package org.foodrisk.runtime;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.foodrisk.topology.StoreNames;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * The RocksDB settings of every state store: one block cache and one write-buffer budget shared by all
 * stores of the JVM, and LZ4-compressed tables.
 *
 * <p>Why: Kafka Streams gives each store instance its own 50 MiB block cache and up to three 16 MiB
 * memtables, uncompressed. The topology has some twenty stores per partition, so off-heap memory grew with
 * stores × partitions, unbounded by the 1 GiB heap the service runs in (issue 18: "one bounded block cache
 * and write-buffer manager across stores"); and the dedup stores, one value per record ever published,
 * kept their texts uncompressed. This is the bounded-memory recipe of the Kafka Streams memory-management
 * guide (block cache holding index and filter blocks too, memtables charged to the same cache), plus
 * compression. Bloom filters stay as Kafka Streams sets them (on, for the point lookups of dedup).
 *
 * <p>{@value #OFF_HEAP_BYTES_CONFIG} (default 512 MiB) bounds the cache, memtables included;
 * {@value #MEMTABLE_BYTES_CONFIG} (default 256 MiB) is the memtables' share. Measured (`./benchmark.sh replay
 * --records 200000`, 2026-12-06): with 64 MiB of memtables the replay's writes flushed and compacted so often
 * that CPU per record rose from 576 to 830 µs; 256 MiB gives it back, and the local state stays at a quarter of
 * the uncompressed one (41 against 162 MiB). Both are read once, from the
 * first store's configuration: the cache and the manager are shared by every Kafka Streams instance of the
 * JVM and live as long as it (never closed per store, as the guide says).
 *
 * <p>The dedup stores ({@code dedup-*}) get 16 KiB blocks instead of RocksDB's 4 KiB: they hold one value per
 * record ever published and are read once per arriving record, so their size matters more than the cost of a
 * point read. LZ4 compresses a block on its own, and the values of one store repeat the same districts,
 * categories, labs and tags: measured on a year of demo sampling results written as the dedup store writes them
 * ({@code DedupFootprintTest}), 16 KiB blocks store them in 15 % fewer bytes than 4 KiB ones.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    public static final String OFF_HEAP_BYTES_CONFIG = "foodrisk.rocksdb.off-heap-bytes";
    public static final String MEMTABLE_BYTES_CONFIG = "foodrisk.rocksdb.memtable-bytes";
    /** Table compression, {@code lz4} (default) or {@code zstd}: smaller tables for more CPU per flush and read. */
    public static final String COMPRESSION_CONFIG = "foodrisk.rocksdb.compression";

    static final long DEFAULT_OFF_HEAP_BYTES = 512L * 1024 * 1024;
    static final long DEFAULT_MEMTABLE_BYTES = 256L * 1024 * 1024;
    /** Block size of the dedup stores (see the class comment); other stores keep RocksDB's 4 KiB. */
    static final long DEDUP_BLOCK_BYTES = 16 * 1024;
    /** Index and filter blocks may take this share of the cache with high priority (the guide's value). */
    private static final double INDEX_FILTER_SHARE = 0.1;

    private static Shared shared;

    record Shared(Cache cache, WriteBufferManager writeBuffers, long offHeapBytes, long memtableBytes) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        if (StoreNames.isDedup(storeName)) {
            table.setBlockSize(DEDUP_BLOCK_BYTES);
        }
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setCompressionType(compression(configs));
    }

    static CompressionType compression(Map<String, Object> configs) {
        Object value = configs == null ? null : configs.get(COMPRESSION_CONFIG);
        String name = value == null ? "lz4" : value.toString().trim();
        return switch (name) {
            case "lz4" -> CompressionType.LZ4_COMPRESSION;
            case "zstd" -> CompressionType.ZSTD_COMPRESSION;
            default -> throw new IllegalArgumentException(COMPRESSION_CONFIG + " is lz4 or zstd, got " + name);
        };
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store: closing them here would pull them
        // from under the others.
    }

    /** The shared budget, made on first use from that store's configuration. */
    static synchronized Shared shared(Map<String, Object> configs) {
        if (shared == null) {
            long offHeap = bytes(configs, OFF_HEAP_BYTES_CONFIG, DEFAULT_OFF_HEAP_BYTES);
            long memtables = Math.min(bytes(configs, MEMTABLE_BYTES_CONFIG, DEFAULT_MEMTABLE_BYTES), offHeap / 2);
            Cache cache = new LRUCache(offHeap, -1, false, INDEX_FILTER_SHARE);
            shared = new Shared(cache, new WriteBufferManager(memtables, cache), offHeap, memtables);
        }
        return shared;
    }

    private static long bytes(Map<String, Object> configs, String key, long fallback) {
        Object value = configs == null ? null : configs.get(key);
        if (value == null) {
            return fallback;
        }
        long bytes = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
        if (bytes < 16L * 1024 * 1024) {
            throw new IllegalArgumentException(key + " must be at least 16 MiB, got " + bytes);
        }
        return bytes;
    }
}
