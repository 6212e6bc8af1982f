package org.foodrisk.runtime;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every store gets the same bounded cache and memtable budget and compressed tables; the budget is the first
 * store's configuration, not one per store (which would make it unbounded again).
 */
class BoundedRocksDbTest {

    @Test
    void storesShareOneBudgetAndCompressTheirTables() {
        RocksDB.loadLibrary();
        BoundedRocksDb setter = new BoundedRocksDb();
        try (Options dedup = withTable(); Options counts = withTable()) {
            setter.setConfig("dedup-sampling-results-store", dedup, Map.of());
            setter.setConfig("daily-counts-store", counts, Map.of(BoundedRocksDb.OFF_HEAP_BYTES_CONFIG, 1L << 40));
            for (Options options : new Options[] {dedup, counts}) {
                assertEquals(CompressionType.LZ4_COMPRESSION, options.compressionType());
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertTrue(table.cacheIndexAndFilterBlocks(), "index and filter blocks are charged to the cache");
                assertTrue(table.pinTopLevelIndexAndFilter());
            }
            assertEquals(BoundedRocksDb.DEDUP_BLOCK_BYTES, ((BlockBasedTableConfig) dedup.tableFormatConfig()).blockSize(),
                    "the dedup stores' values compress better in larger blocks");
            assertEquals(4096, ((BlockBasedTableConfig) counts.tableFormatConfig()).blockSize(), "RocksDB's default");
            assertSame(BoundedRocksDb.shared(Map.of()), BoundedRocksDb.shared(Map.of(BoundedRocksDb.OFF_HEAP_BYTES_CONFIG,
                    1L << 40)), "one budget for the JVM, made once");
            assertTrue(BoundedRocksDb.shared(Map.of()).offHeapBytes() < 1L << 40, "a later store's setting is not taken");
        }
    }

    @Test
    void compressionIsLz4UnlessZstdIsAskedFor() {
        RocksDB.loadLibrary();
        try (Options options = withTable()) {
            new BoundedRocksDb().setConfig("dedup-sampling-results-store", options,
                    Map.of(BoundedRocksDb.COMPRESSION_CONFIG, "zstd"));
            assertEquals(CompressionType.ZSTD_COMPRESSION, options.compressionType());
        }
        assertThrows(IllegalArgumentException.class,
                () -> BoundedRocksDb.compression(Map.of(BoundedRocksDb.COMPRESSION_CONFIG, "gzip")));
    }

    private static Options withTable() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig()); // as Kafka Streams hands it to the setter
        return options;
    }
}
