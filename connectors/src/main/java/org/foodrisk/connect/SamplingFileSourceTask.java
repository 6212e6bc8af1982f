package org.foodrisk.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.foodrisk.connect.SampleMapper.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.OutputStream;

/**
 * Reads the dropped files one at a time, oldest first.
 *
 * <p>Source partition: {@code {file: <absolute path>, sha256: <checksum of the content>}};
 * source offset: {@code {record: <units done>, line: <last line done>}}, where a unit is one
 * sample (a LIMS sample may span several rows) or one dead letter. Units are a pure function
 * of the content, so after a restart the task skips exactly the units whose offsets the worker
 * committed: no row is skipped, none repeated. A file is moved to {@code done/} only when the
 * broker has acknowledged every record of it; the same content dropped again under the same
 * name is recognised by its checksum and not published twice.
 */
public class SamplingFileSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(SamplingFileSourceTask.class);
    static final String PARTITION_FILE = "file";
    static final String PARTITION_SHA256 = "sha256";
    static final String OFFSET_RECORD = "record";
    static final String OFFSET_LINE = "line";

    /** A file being read or waiting for the acknowledgements of its records. */
    private static final class FileProgress {
        final Path path;
        final Map<String, String> partition;
        final List<Unit> units;
        final boolean unreadable;
        final AtomicInteger pending = new AtomicInteger();
        volatile boolean allPolled;
        int next;

        FileProgress(Path path, Map<String, String> partition, List<Unit> units, boolean unreadable, int next) {
            this.path = path;
            this.partition = partition;
            this.units = units;
            this.unreadable = unreadable;
            this.next = next;
        }
    }

    private SamplingFileSourceConfig config;
    private SampleMapper mapper;
    private final Map<String, FileProgress> files = new ConcurrentHashMap<>();
    private FileProgress current;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public String version() {
        return Version.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new SamplingFileSourceConfig(props);
        mapper = new SampleMapper(config);
        LOG.info("watching {} for sampling files ({}), done files to {}", config.inputDir(), config.extensions(),
                config.doneDir());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        while (stopped.getCount() > 0) {
            moveFinishedFiles();
            if (current == null) {
                current = openNextFile();
                if (current == null) {
                    stopped.await(config.getLong(SamplingFileSourceConfig.POLL_INTERVAL_MS), TimeUnit.MILLISECONDS);
                    moveFinishedFiles();
                    return null;
                }
            }
            List<SourceRecord> batch = new ArrayList<>();
            int max = config.getInt(SamplingFileSourceConfig.BATCH_SIZE);
            FileProgress f = current;
            while (f.next < f.units.size() && batch.size() < max) {
                batch.add(record(f, f.next));
                f.next++;
            }
            f.pending.addAndGet(batch.size());
            if (f.next >= f.units.size()) {
                f.allPolled = true;
                current = null;
            }
            if (!batch.isEmpty()) {
                long pause = config.getLong(SamplingFileSourceConfig.BATCH_PAUSE_MS);
                if (pause > 0) {
                    stopped.await(pause, TimeUnit.MILLISECONDS);
                }
                return batch;
            }
        }
        return null;
    }

    private SourceRecord record(FileProgress f, int index) {
        Unit u = f.units.get(index);
        Map<String, Object> offset = Map.of(OFFSET_RECORD, (long) index + 1, OFFSET_LINE, u.where());
        String topic = u.deadLetter()
                ? config.getString(SamplingFileSourceConfig.DEAD_LETTER_TOPIC)
                : config.getString(SamplingFileSourceConfig.TOPIC);
        return new SourceRecord(f.partition, offset, topic, null, Schema.OPTIONAL_STRING_SCHEMA, u.key(),
                Schema.STRING_SCHEMA, u.json());
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        Object file = record.sourcePartition().get(PARTITION_FILE);
        FileProgress f = file == null ? null : files.get(file.toString());
        if (f != null) {
            f.pending.decrementAndGet();
        }
    }

    /** The oldest stable file of the directory that is not being read, opened at its committed offset. */
    private FileProgress openNextFile() {
        Path dir = config.inputDir();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        long minAge = config.getLong(SamplingFileSourceConfig.FILE_MIN_AGE_MS);
        long now = System.currentTimeMillis();
        List<Path> candidates;
        try (Stream<Path> list = Files.list(dir)) {
            candidates = list.filter(Files::isRegularFile)
                    .filter(this::wanted)
                    .filter(p -> !files.containsKey(p.toString()))
                    .filter(p -> now - lastModified(p) >= minAge)
                    .sorted(Comparator.comparingLong(SamplingFileSourceTask::lastModified)
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.toString());
            return null;
        }
        for (Path p : candidates) {
            FileProgress f = open(p);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private boolean wanted(Path p) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("~$")) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return config.extensions().stream().anyMatch(ext -> lower.endsWith("." + ext.strip().toLowerCase(Locale.ROOT)));
    }

    private FileProgress open(Path path) {
        String name = path.getFileName().toString();
        String sha256;
        try {
            sha256 = sha256(path);
        } catch (IOException e) {
            LOG.warn("cannot read {} yet: {}", path, e.toString());
            return null;
        }
        Map<String, String> partition = Map.of(PARTITION_FILE, path.toString(), PARTITION_SHA256, sha256);
        List<Unit> units;
        boolean unreadable = false;
        try {
            units = mapper.map(name, TableFile.read(path));
        } catch (SampleMapper.UnrecognisedFileException | IOException | RuntimeException e) {
            unreadable = true;
            String error = e instanceof SampleMapper.UnrecognisedFileException ? e.getMessage() : e.toString();
            units = List.of(unreadableFile(name, error));
        }
        int done = 0;
        Map<String, Object> committed = context.offsetStorageReader().offset(partition);
        if (committed != null && committed.get(OFFSET_RECORD) instanceof Number n) {
            done = (int) Math.min(n.longValue(), units.size());
        }
        LOG.info("reading {} ({} units, {} already published, sha256 {})", path, units.size(), done, sha256);
        FileProgress f = new FileProgress(path, partition, units, unreadable, done);
        files.put(path.toString(), f);
        return f;
    }

    private static Unit unreadableFile(String name, String error) {
        try {
            String json = DeadLetters.JSON.writeValueAsString(DeadLetters.of("file:" + name, null, null, null, null,
                    error, "file " + name + " cannot be read: " + error));
            return new Unit(null, json, true, "whole file");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves every file whose records have all been polled and acknowledged. */
    private void moveFinishedFiles() {
        for (FileProgress f : List.copyOf(files.values())) {
            if (f.allPolled && f.pending.get() <= 0) {
                Path target = f.unreadable ? config.failedDir() : config.doneDir();
                try {
                    if (Files.exists(f.path)) {
                        move(f.path, target);
                    } else {
                        LOG.warn("{} was removed from the directory before it could be moved to {}", f.path, target);
                    }
                    files.remove(f.path.toString());
                } catch (IOException e) {
                    LOG.warn("cannot move {} to {} (will retry): {}", f.path, target, e.toString());
                }
            }
        }
    }

    private static void move(Path file, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(file.getFileName());
        if (Files.exists(target)) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
            target = dir.resolve(dot > 0 ? name.substring(0, dot) + "." + stamp + name.substring(dot) : name + "." + stamp);
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(file, target);
        }
        LOG.info("finished {} -> {}", file, target);
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    static String sha256(Path path) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
