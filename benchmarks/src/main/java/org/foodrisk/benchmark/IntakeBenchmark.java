package org.foodrisk.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.FastContractCheck;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of record intake on two weeks of demo traffic of one input topic (issue 18),
 * one record per call, cycling through the records:
 *
 * <ul>
 *   <li>{@code accept}: {@link RecordIntake#accept} from the record's bytes (UTF-8 check, parse,
 *       normalisation, contract, times, typed record) — what the stream thread pays per record;</li>
 *   <li>{@code validate}: {@link ContractValidator#validate} of the normalised record, as intake
 *       calls it: the fast check, and the schema engine only when that is not sure;</li>
 *   <li>{@code validateWithSchema}: the schema engine alone, what {@code validate} cost before
 *       the fast check ({@code accept} then cost about {@code validateWithSchema − validate} more);</li>
 *   <li>{@code fastCheck}: {@link FastContractCheck#certainlyValid} alone.</li>
 * </ul>
 *
 * <p>Short defaults like {@link DetectorBenchmark}; override them on the command line
 * ({@code ./benchmark.sh intake -p topic=sampling-results -f 3 -i 10}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class IntakeBenchmark {

    private static final LocalDate MONDAY = LocalDate.of(2024, 6, 3);

    /** The input topic, without "foodrisk." and ".v1". */
    @Param({"sampling-results", "illness-reports", "complaints", "opinion-signals"})
    public String topic;

    private final RecordIntake intake = new RecordIntake(Duration.ofDays(1));
    private InputTopic input;
    private ContractValidator validator;
    private FastContractCheck fastCheck;
    private final List<byte[]> keys = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private final List<ObjectNode> normalized = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        String name = "foodrisk." + topic + ".v1";
        input = InputTopic.ofTopic(name);
        validator = ContractValidator.forTopic(name);
        fastCheck = FastContractCheck.forTopic(name).orElseThrow();
        // The planted incidents on the Wednesday, as the replay tests use them.
        List<DemoRecord> records = new DemoDataGenerator(7, ZoneId.of("Asia/Shanghai"))
                .arrivals(MONDAY.minusDays(7), MONDAY.plusDays(7), MONDAY.plusDays(2)::equals)
                .filter(record -> record.topic().equals(name))
                .toList();
        for (DemoRecord record : records) {
            keys.add(record.key().getBytes(StandardCharsets.UTF_8));
            values.add(record.json().getBytes(StandardCharsets.UTF_8));
            arrivals.add(record.arrivalTime().toEpochMilli());
            IntakeResult result = intake.accept(input, keys.get(keys.size() - 1), values.get(values.size() - 1),
                    arrivals.get(arrivals.size() - 1));
            if (!(result instanceof IntakeResult.Accepted accepted)) {
                throw new IllegalStateException("demo record refused: " + result);
            }
            normalized.add(accepted.normalized());
        }
    }

    @Benchmark
    public IntakeResult accept() {
        int i = nextIndex();
        return intake.accept(input, keys.get(i), values.get(i), arrivals.get(i));
    }

    @Benchmark
    public List<String> validate() {
        return validator.validate(normalized.get(nextIndex()));
    }

    @Benchmark
    public List<String> validateWithSchema() {
        return validator.validateWithSchema(normalized.get(nextIndex()));
    }

    @Benchmark
    public boolean fastCheck() {
        return fastCheck.certainlyValid(normalized.get(nextIndex()));
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == keys.size() ? 0 : i + 1;
        return i;
    }
}
