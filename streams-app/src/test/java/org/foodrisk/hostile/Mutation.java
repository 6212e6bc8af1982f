package org.foodrisk.hostile;

/**
 * One record value of the corpus and its expected fate, before it is given a channel (a Kafka
 * topic with key and timestamp, or an HTTP request).
 *
 * @param id      the record's id as its value carries it (or would, when the attack removed it)
 * @param value   the bytes as published (null: a tombstone)
 * @param refused whether intake must refuse it
 * @param error   the error code intake must give, or null when any code will do
 */
public record Mutation(Attack attack, String id, byte[] value, boolean refused, String error) {

    static Mutation refused(Attack attack, String id, byte[] value, String error) {
        return new Mutation(attack, id, value, true, error);
    }

    static Mutation valid(Attack attack, String id, byte[] value) {
        return new Mutation(attack, id, value, false, null);
    }

    int size() {
        return value == null ? 0 : value.length;
    }
}
