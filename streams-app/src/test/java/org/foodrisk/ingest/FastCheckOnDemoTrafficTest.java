package org.foodrisk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.FastContractCheck;
import org.junit.jupiter.api.Test;

/**
 * The fast contract check pays off only if it vouches for the traffic the service really sees:
 * two weeks of demo records (planted incidents included), as published and as intake leaves them
 * after normalisation. It must accept every one of them — and the schema engine must agree.
 */
class FastCheckOnDemoTrafficTest {

    private static final LocalDate MONDAY = LocalDate.of(2024, 6, 3);

    @Test
    void fastCheckAcceptsEveryDemoRecordBeforeAndAfterNormalisation() throws Exception {
        RecordIntake intake = new RecordIntake(Duration.ofDays(1));
        List<DemoRecord> records = new DemoDataGenerator(7, ZoneId.of("Asia/Shanghai"))
                .arrivals(MONDAY.minusDays(7), MONDAY.plusDays(7), MONDAY.plusDays(2)::equals).toList();
        Map<String, int[]> perTopic = new TreeMap<>(); // records, accepted by intake, fast-accepted raw, fast-accepted normalised
        for (DemoRecord record : records) {
            FastContractCheck check = FastContractCheck.forTopic(record.topic()).orElseThrow();
            ContractValidator validator = ContractValidator.forTopic(record.topic());
            int[] counts = perTopic.computeIfAbsent(record.topic(), topic -> new int[4]);
            counts[0]++;
            JsonNode raw = Json.MAPPER.readTree(record.json());
            if (check.certainlyValid(raw)) {
                assertEquals(List.of(), validator.validateWithSchema(raw), record.json());
                counts[2]++;
            }
            IntakeResult result = intake.accept(InputTopic.ofTopic(record.topic()), record.key().getBytes(StandardCharsets.UTF_8),
                    record.json().getBytes(StandardCharsets.UTF_8), record.arrivalTime().toEpochMilli());
            if (result instanceof IntakeResult.Accepted accepted) {
                counts[1]++;
                assertEquals(List.of(), validator.validateWithSchema(accepted.normalized()), accepted.normalized().toString());
                if (check.certainlyValid(accepted.normalized())) {
                    counts[3]++;
                }
            }
        }
        assertEquals(4, perTopic.size(), perTopic.keySet().toString());
        perTopic.forEach((topic, counts) -> {
            System.out.printf("%s: %d records, %d accepted by intake; fast check accepts %d as published, %d normalised%n",
                    topic, counts[0], counts[1], counts[2], counts[3]);
            assertTrue(counts[1] > 0, topic);
            assertEquals(counts[0], counts[2], topic + ": the fast check accepts every demo record as published");
            assertEquals(counts[1], counts[3], topic + ": the fast check accepts every record intake accepts");
        });
    }
}
