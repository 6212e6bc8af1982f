package org.foodrisk.api.ingest;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.foodrisk.ingest.Provenance;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the HTTP ingestion writes to Kafka: the record as sent, keyed by its id, stamped with its publisher. */
class IngestProducerTest {

    @Test
    void theRecordCarriesThePublisherHeader() {
        byte[] value = "{\"sampleId\":\"S-1\"}".getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = IngestProducer.record("foodrisk.sampling-results.v1", "S-1", value, "lab:TJFS001");
        assertEquals("S-1", record.key());
        assertArrayEquals(value, record.value());
        Header[] headers = record.headers().toArray();
        assertEquals(1, headers.length, "the publisher, nothing else");
        assertEquals(Provenance.HEADER, headers[0].key());
        assertEquals("lab:TJFS001", new String(headers[0].value(), StandardCharsets.UTF_8));
    }
}
