package org.foodrisk.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of {@code foodrisk.dead-letters.v1}: {sourceTopic, partition, offset, key, value, error, reason, at}. */
final class DeadLetters {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 2000;
    private static final int MAX_ERROR = 20000;

    private DeadLetters() {
    }

    /**
     * A dead letter.
     *
     * @param sourceTopic the topic, or {@code file:<name>} for a dropped file
     * @param partition   source partition or null
     * @param offset      source offset (for a file: the first line of the bad row) or null
     */
    static ObjectNode of(String sourceTopic, Integer partition, Long offset, String key, String value,
                         String error, String reason) {
        ObjectNode dl = JSON.createObjectNode();
        dl.put("sourceTopic", sourceTopic);
        if (partition == null) {
            dl.putNull("partition");
        } else {
            dl.put("partition", partition);
        }
        if (offset == null) {
            dl.putNull("offset");
        } else {
            dl.put("offset", offset);
        }
        dl.put("key", key);
        dl.put("value", value);
        dl.put("valueEncoding", "text");
        dl.put("error", cut(error, MAX_ERROR));
        dl.put("reason", cut(reason, MAX_REASON));
        dl.put("at", Dates.format(OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0)));
        return dl;
    }

    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }
}
