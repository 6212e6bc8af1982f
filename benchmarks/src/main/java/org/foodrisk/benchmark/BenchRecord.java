package org.foodrisk.benchmark;

/** One input record to publish: topic, key (the record's id), UTF-8 JSON value, event time. */
record BenchRecord(String topic, String key, byte[] value, long eventTimeMillis) {
}
