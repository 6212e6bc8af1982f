package org.foodrisk.detect.aberration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AberrationMethodsTest {

    @Test
    void everyNameBuildsTheMethodOfThatName() {
        for (String name : AberrationMethods.names()) {
            assertEquals(name, AberrationMethods.create(name, Map.of(), Frequency.WEEK).name());
        }
    }

    @Test
    void unknownMethodsAndMisplacedOptionsAreRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> AberrationMethods.create("ears-c4", Map.of(), Frequency.DAY));
        assertTrue(unknown.getMessage().contains("ears-c1"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AberrationMethods.create("ears-c2", Map.of("b", "5"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class,
                () -> AberrationMethods.create("ears-c2", Map.of("baseline", "seven"), Frequency.WEEK));
    }
}
