package org.foodrisk.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.foodrisk.reference.District;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regions configured as groups of districts (issue 20): read as written, and a wrong one stops the start. */
class SummaryScopesTest {

    private static SummaryScopes scopes(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build()) {
            Environment environment = context.getEnvironment().start();
            return new SummaryScopes(environment);
        }
    }

    @Test
    void theCityComesFirstThenEachConfiguredRegionWithItsDistrictsInOrder() {
        SummaryScopes scopes = scopes(Map.of(
                "foodrisk.regions.huancheng.name", "环城四区",
                "foodrisk.regions.huancheng.districts", "120110,120111,120112,120113",
                "foodrisk.regions.north.name", "北部三区",
                "foodrisk.regions.north.districts", List.of("120114", "120115", "120119")));
        assertEquals(List.of("city", "huancheng", "north"), scopes.all().stream().map(SummaryScopes.Scope::id).toList());
        assertEquals(16, scopes.byId("city").orElseThrow().districts().size());
        SummaryScopes.Scope huancheng = scopes.byId("huancheng").orElseThrow();
        assertEquals("环城四区", huancheng.name());
        assertEquals(List.of("东丽区", "西青区", "津南区", "北辰区"), huancheng.districts().stream().map(District::name).toList());
        assertEquals(List.of("武清区", "宝坻区", "蓟州区"),
                scopes.byId("north").orElseThrow().districts().stream().map(District::name).toList());
        assertTrue(scopes.byId("120114").isEmpty(), "a district code is no region");
    }

    @Test
    void aRegionWithAnUnknownDistrictOrNoNameOrABadIdStopsTheStart() {
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> scopes(Map.of(
                "foodrisk.regions.x.name", "某区域", "foodrisk.regions.x.districts", "120110,999999")));
        assertEquals("foodrisk.regions.x.districts: no district has the code 999999", unknown.getMessage());
        assertThrows(IllegalStateException.class, () -> scopes(Map.of("foodrisk.regions.x.districts", "120110")));
        assertThrows(IllegalStateException.class, () -> scopes(Map.of("foodrisk.regions.city.name", "天津",
                "foodrisk.regions.city.districts", "120110")));
        assertThrows(IllegalStateException.class, () -> scopes(Map.of("foodrisk.regions.x.name", "空")));
    }
}
