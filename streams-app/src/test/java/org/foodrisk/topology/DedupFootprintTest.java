package org.foodrisk.topology;

import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.Provenance;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.ingest.SignalExtractor;
import org.foodrisk.runtime.BoundedRocksDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18's goal for the dedup state, ≤ 100 bytes per id on disk, held by what the dedup store of sampling
 * results writes for a year of demo results (about 37,000 ids; arrival order, so keys arrive unsorted as
 * they do live): values as {@link SeenRecord#SERDE} writes them, in a RocksDB opened as Kafka Streams opens a
 * store (universal compaction, bloom filters, 4 KiB blocks) and then configured by {@link BoundedRocksDb}, its
 * tables flushed and compacted. Before format 2 and the dedup stores' 16 KiB blocks this was 133 bytes per id.
 */
class DedupFootprintTest {

    private static final InputTopic SAMPLING = InputTopic.ofTopic("foodrisk.sampling-results.v1");

    @Test
    void aYearOfSamplingResultsTakesAtMostOneHundredBytesPerId(@TempDir Path dir) throws Exception {
        RocksDB.loadLibrary();
        RecordIntake intake = new RecordIntake(Duration.ofDays(1));
        BloomFilter bloom = new BloomFilter();
        BlockBasedTableConfig table = new BlockBasedTableConfig();
        table.setBlockSize(4096);
        table.setFilterPolicy(bloom);
        long ids = 0;
        long valueBytes = 0;
        try (Options options = new Options()) {
            options.setCreateIfMissing(true);
            options.setCompactionStyle(CompactionStyle.UNIVERSAL);
            options.setTableFormatConfig(table);
            new BoundedRocksDb().setConfig(StoreNames.dedup(SAMPLING), options, Map.of());
            try (RocksDB db = RocksDB.open(options, dir.toString()); FlushOptions flush = new FlushOptions()) {
                var records = new DemoDataGenerator(42, DemoDataGenerator.TIANJIN)
                        .arrivals(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))
                        .filter(record -> record.topic().equals(SAMPLING.topic())).toList();
                for (var record : records) {
                    IntakeResult result = intake.accept(SAMPLING, record.key().getBytes(StandardCharsets.UTF_8),
                            record.json().getBytes(StandardCharsets.UTF_8), record.arrivalTime().toEpochMilli());
                    if (result instanceof IntakeResult.Accepted accepted) {
                        byte[] value = SeenRecord.SERDE.write(new SeenRecord(DedupProcessor.fingerprint(accepted.normalized()),
                                SignalExtractor.extract(accepted).forRetraction(), Provenance.ofContent(SAMPLING, accepted.normalized())));
                        db.put(accepted.id().getBytes(StandardCharsets.UTF_8), value);
                        ids++;
                        valueBytes += value.length;
                    }
                }
                db.flush(flush.setWaitForFlush(true));
                db.compactRange();
            }
        } finally {
            bloom.close();
        }
        long tableBytes = tableBytes(dir);
        System.out.printf("DedupFootprintTest: %,d ids, %.1f bytes per value written, %.1f bytes per id in tables%n",
                ids, valueBytes / (double) ids, tableBytes / (double) ids);
        assertTrue(ids > 30_000, "a year of demo sampling results: " + ids);
        assertTrue(tableBytes <= 100 * ids, "dedup state per id: " + tableBytes / (double) ids + " bytes");
    }

    private static long tableBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".sst")).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
