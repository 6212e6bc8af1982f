package org.foodrisk.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Who published a record: the API's header, else what the record names. */
class ProvenanceTest {

    private static ObjectNode record(String field, String value) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put(field, value);
        return record;
    }

    @Test
    void eachInputNamesItsPublisherInItsOwnField() {
        assertEquals("lab:TJFS001", Provenance.ofContent(InputTopic.SAMPLING_RESULTS, record("labCode", " TJFS001 ")));
        assertEquals("lab-name:某检测所", Provenance.ofContent(InputTopic.SAMPLING_RESULTS, record("lab", "某检测所")));
        assertEquals("hospital:蓟州区人民医院", Provenance.ofContent(InputTopic.ILLNESS_REPORTS, record("reportingUnit", "蓟州区人民医院")));
        assertEquals("channel:12315", Provenance.ofContent(InputTopic.COMPLAINTS, record("channel", "12315")));
        assertEquals("source:微博", Provenance.ofContent(InputTopic.OPINION_SIGNALS, record("source", "微博")));
        assertNull(Provenance.ofContent(InputTopic.COMPLAINTS, record("channel", "  ")));
    }

    @Test
    void theHeaderWinsWhenItIsUsable() {
        ObjectNode sample = record("labCode", "TJFS001");
        assertEquals("api:hotline", Provenance.of(InputTopic.SAMPLING_RESULTS, "api:hotline".getBytes(StandardCharsets.UTF_8), sample));
        assertEquals("lab:TJFS001", Provenance.of(InputTopic.SAMPLING_RESULTS, null, sample));
        assertEquals("lab:TJFS001", Provenance.of(InputTopic.SAMPLING_RESULTS, " ".getBytes(StandardCharsets.UTF_8), sample), "blank");
        assertEquals("lab:TJFS001", Provenance.of(InputTopic.SAMPLING_RESULTS, new byte[]{(byte) 0xC3, 0x28}, sample), "not UTF-8");
        assertEquals("lab:TJFS001", Provenance.of(InputTopic.SAMPLING_RESULTS,
                "x".repeat(Provenance.MAX_HEADER_CHARS + 1).getBytes(StandardCharsets.UTF_8), sample), "too long");
    }
}
