package org.foodrisk.topic;

import org.foodrisk.topics.Topics;
import org.foodrisk.topology.DeadLetterTopic;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The typed registry covers every name of {@link Topics}, once, and nothing else. */
class TypedTopicsTest {

    @Test
    void everyTopicNameHasOneTypedTopic() throws IllegalAccessException {
        List<String> typed = new ArrayList<>();
        for (Field field : TypedTopics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Topic.class) {
                typed.add(((Topic<?, ?>) field.get(null)).name());
            }
        }
        typed.add(DeadLetterTopic.DEAD_LETTERS.name());
        Set<String> names = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        assertEquals(names, new TreeSet<>(typed));
        assertEquals(names.size(), typed.size(), "one typed topic per name: " + typed);
    }

    @Test
    void theInputsAreTheFourSignalStreamsInTheirOrder() {
        assertEquals(Topics.INPUTS, TypedTopics.INPUTS.stream().map(Topic::name).toList());
        assertEquals(TypedTopics.COMPLAINTS, TypedTopics.input(Topics.COMPLAINTS));
        assertThrows(IllegalArgumentException.class, () -> TypedTopics.input(Topics.ALERTS));
    }
}
