package org.foodrisk.api.ingest;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.foodrisk.ingest.Provenance;
import org.foodrisk.runtime.KafkaRuntime;

import java.util.Map;
import java.util.concurrent.Future;

/**
 * Writes records accepted over HTTP to their contract topic: key = the record's id, value = the
 * record exactly as sent, header {@value Provenance#HEADER} = the publisher the request's credential
 * makes it ({@link Publisher#publisherOf}): the topology takes it as the record's owner, so only
 * that publisher may correct the record (issue 14). Idempotent producer, acks=all: a future
 * completes once every in-sync replica has the record, so the HTTP answer that waits for it means
 * durable.
 */
@Singleton
public class IngestProducer {

    private final KafkaProducer<String, byte[]> producer;

    public IngestProducer(KafkaRuntime runtime) {
        Map<String, Object> config = runtime.kafka().durableProducer("foodrisk-http-ingest");
        // A record may be as large as the topics accept (max.message.bytes 1 MiB) plus its key.
        config.put("max.request.size", 2 * 1024 * 1024);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public Future<RecordMetadata> send(String topic, String key, byte[] value, String publisher) {
        return producer.send(record(topic, key, value, publisher));
    }

    static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value, String publisher) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(Provenance.HEADER, Provenance.header(publisher));
        return record;
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
