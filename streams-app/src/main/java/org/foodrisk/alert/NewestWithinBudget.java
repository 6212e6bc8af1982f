package org.foodrisk.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.foodrisk.kafka.Json;

import java.util.List;

/**
 * The newest entries of a list (oldest first) that fit both a count and a size in serialized JSON
 * bytes. Counting entries alone let 100 actions with 20,000-character notes make an alert of 12 MB
 * (issue 14); bytes are what the topics limit, so bytes are what is bounded. The newest entry is
 * always kept, so that the change a version records is in it (the contract's field limits keep any
 * one entry small).
 */
public final class NewestWithinBudget {

    private NewestWithinBudget() {
    }

    public static <T> List<T> of(List<T> oldestFirst, int maxCount, int maxBytes) {
        int from = oldestFirst.size();
        long bytes = 0;
        while (from > 0 && oldestFirst.size() - from < maxCount) {
            long next = bytes + jsonBytes(oldestFirst.get(from - 1)) + 1; // and a comma
            if (next > maxBytes && from < oldestFirst.size()) {
                break;
            }
            bytes = next;
            from--;
        }
        return from == 0 ? oldestFirst : List.copyOf(oldestFirst.subList(from, oldestFirst.size()));
    }

    static int jsonBytes(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
