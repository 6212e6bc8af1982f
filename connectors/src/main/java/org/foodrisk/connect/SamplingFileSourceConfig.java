package org.foodrisk.connect;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.foodrisk.topics.Topics;

/** Configuration of {@link SamplingFileSourceConnector}. */
public final class SamplingFileSourceConfig extends AbstractConfig {

    public static final String INPUT_DIR = "input.dir";
    public static final String DONE_DIR = "done.dir";
    public static final String FAILED_DIR = "failed.dir";
    public static final String TOPIC = "topic";
    public static final String DEAD_LETTER_TOPIC = "dead.letter.topic";
    public static final String LAYOUT = "layout";
    public static final String FILE_EXTENSIONS = "file.extensions";
    public static final String FILE_MIN_AGE_MS = "file.min.age.ms";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String BATCH_SIZE = "batch.size";
    public static final String BATCH_PAUSE_MS = "batch.pause.ms";
    public static final String LAB_CODES = "lab.codes";
    public static final String DEFAULT_LAB_CODE = "default.lab.code";
    public static final String NOTICE_DEFAULT_PROGRAM = "notice.default.program";
    public static final String NOTICE_SAMPLED_AT = "notice.sampled.at";
    public static final String TIME_ZONE_OFFSET = "time.zone.offset";

    static final ConfigDef DEF = new ConfigDef()
            .define(INPUT_DIR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Directory the labs drop files into (CSV or XLSX). Only files directly in it are read.")
            .define(DONE_DIR, Type.STRING, "", Importance.MEDIUM,
                    "Where finished files are moved; default <input.dir>/done.")
            .define(FAILED_DIR, Type.STRING, "", Importance.MEDIUM,
                    "Where files that cannot be read at all are moved (after a dead letter); default <input.dir>/failed.")
            .define(TOPIC, Type.STRING, Topics.SAMPLING_RESULTS, Importance.HIGH, "Topic of the sampling results.")
            .define(DEAD_LETTER_TOPIC, Type.STRING, Topics.DEAD_LETTERS, Importance.HIGH,
                    "Topic of bad rows, as contract dead letters with sourceTopic file:<name> and the line in reason.")
            .define(LAYOUT, Type.STRING, "auto", ConfigDef.ValidString.in("auto", "lims", "notice"), Importance.MEDIUM,
                    "File layout: auto (recognised from the header row), lims or notice.")
            .define(FILE_EXTENSIONS, Type.LIST, "csv,xlsx", Importance.LOW, "File name extensions read.")
            .define(FILE_MIN_AGE_MS, Type.LONG, 2000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "A file is read only when it has not changed for this long (a copy still in progress is left alone).")
            .define(POLL_INTERVAL_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(10), Importance.LOW,
                    "How often the directory is scanned when idle.")
            .define(BATCH_SIZE, Type.INT, 500, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Maximum records handed to the worker per poll.")
            .define(BATCH_PAUSE_MS, Type.LONG, 0L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Pause after each batch, to throttle a large backlog (0: none).")
            .define(LAB_CODES, Type.LIST, "", Importance.MEDIUM,
                    "Lab name to labCode, comma-separated name=code pairs, e.g. 天津市武清区食品药品检验所=LAB-120114-01. "
                            + "A lab not listed publishes under its name.")
            .define(DEFAULT_LAB_CODE, Type.STRING, "", Importance.LOW,
                    "labCode for rows that name no lab at all (empty: such rows are dead letters).")
            .define(NOTICE_DEFAULT_PROGRAM, Type.STRING, "国抽", Importance.LOW,
                    "program of a notice row whose 任务来源/项目名称 names no level (国家/省/市/区/县).")
            .define(NOTICE_SAMPLED_AT, Type.STRING, "notice-date",
                    ConfigDef.ValidString.in("notice-date", "production-date"), Importance.LOW,
                    "Which notice column gives sampledAt first (the other is the fallback): 公告日期 or 生产日期/批号.")
            .define(TIME_ZONE_OFFSET, Type.STRING, "+08:00", Importance.LOW,
                    "Offset given to dates and times written without one.");

    private final Map<String, String> labCodes = new HashMap<>();

    public SamplingFileSourceConfig(Map<String, String> props) {
        super(DEF, props);
        for (String pair : getList(LAB_CODES)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new ConfigException(LAB_CODES, pair, "expected name=code");
            }
            labCodes.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        try {
            zoneOffset();
        } catch (RuntimeException e) {
            throw new ConfigException(TIME_ZONE_OFFSET, getString(TIME_ZONE_OFFSET), e.getMessage());
        }
    }

    Path inputDir() {
        return Path.of(getString(INPUT_DIR)).toAbsolutePath().normalize();
    }

    Path doneDir() {
        String d = getString(DONE_DIR);
        return d.isBlank() ? inputDir().resolve("done") : Path.of(d).toAbsolutePath().normalize();
    }

    Path failedDir() {
        String d = getString(FAILED_DIR);
        return d.isBlank() ? inputDir().resolve("failed") : Path.of(d).toAbsolutePath().normalize();
    }

    String layout() {
        return getString(LAYOUT);
    }

    List<String> extensions() {
        return getList(FILE_EXTENSIONS);
    }

    ZoneOffset zoneOffset() {
        return ZoneOffset.of(getString(TIME_ZONE_OFFSET));
    }

    /** The labCode of a lab: from {@code lab.codes}, else the name itself, else {@code default.lab.code}. */
    String labCode(String lab) {
        if (lab == null || lab.isBlank()) {
            String d = getString(DEFAULT_LAB_CODE);
            return d.isBlank() ? null : d;
        }
        return labCodes.getOrDefault(lab.strip(), lab.strip());
    }

    String noticeDefaultProgram() {
        return getString(NOTICE_DEFAULT_PROGRAM);
    }

    boolean sampledAtFromProductionDate() {
        return "production-date".equals(getString(NOTICE_SAMPLED_AT));
    }
}
