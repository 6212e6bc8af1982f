package org.foodrisk.detect;

import com.fasterxml.jackson.databind.JsonNode;
import org.foodrisk.alert.Alert;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The count series' identity is written and read in one place; the alert carries the syndrome (issue 17). */
class CountSeriesKeyTest {

    @Test
    void theSyndromeOfASyndromeSeriesIsReadBackAndOtherKeysHaveNone() {
        String daily = CountSeriesKey.of("illness.aberration", "120115", "胃肠道", true, false);
        String weekly = CountSeriesKey.of("illness.aberration", "120115", "胃肠道", true, true);
        assertEquals("illness.aberration|120115|症候群:胃肠道", daily);
        assertEquals(Optional.of("胃肠道"), CountSeriesKey.syndromeOf(daily));
        assertEquals(Optional.of("胃肠道"), CountSeriesKey.syndromeOf(weekly));
        assertEquals(Optional.empty(), CountSeriesKey.syndromeOf(
                CountSeriesKey.of("sampling.aberration", "120114", "粮食加工品", false, false)));
        assertEquals(Optional.empty(), CountSeriesKey.syndromeOf("sampling.critical-hazard|120114|肉制品|克伦特罗"));
        assertEquals(Optional.empty(), CountSeriesKey.syndromeOf(null));
    }

    @Test
    void anAlertOfASyndromeSeriesSaysItsSyndromeInItsJsonAndReadsBackUnchanged() throws Exception {
        JsonNode alert = Json.MAPPER.readTree("""
                {"alertId":"FR-1","version":1,"status":"待处置","level":"YELLOW","kind":"illness.aberration",
                 "districtCode":"120115","dedupKey":"illness.aberration|120115|症候群:胃肠道","syndrome":"ignored on input"}
                """);
        Alert read = Json.MAPPER.treeToValue(alert, Alert.class);
        JsonNode written = Json.MAPPER.valueToTree(read);
        assertEquals("胃肠道", written.path("syndrome").asText(), written.toString());
        Alert sampling = Json.MAPPER.treeToValue(Json.MAPPER.readTree("""
                {"alertId":"FR-2","version":1,"status":"待处置","level":"RED","kind":"sampling.critical-hazard",
                 "dedupKey":"sampling.critical-hazard|120114|肉制品|克伦特罗"}
                """), Alert.class);
        assertTrue(Json.MAPPER.valueToTree(sampling).path("syndrome").isMissingNode(), "absent when not a syndrome series");
    }
}
