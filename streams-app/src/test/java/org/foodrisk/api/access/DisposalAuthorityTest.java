package org.foodrisk.api.access;

import io.micronaut.http.HttpStatus;
import org.foodrisk.disposal.CaseLifecycle;
import org.foodrisk.disposal.DisposalCase;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;

import static org.foodrisk.api.access.AccessTestUsers.ADMIN;
import static org.foodrisk.api.access.AccessTestUsers.AGRICULTURE;
import static org.foodrisk.api.access.AccessTestUsers.ANALYST;
import static org.foodrisk.api.access.AccessTestUsers.ANY_DISTRICT_MARKET;
import static org.foodrisk.api.access.AccessTestUsers.WUQING_MARKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In whose name a signed-in user may act on which 核查处置 case: as for alerts, the case's own unit only. */
class DisposalAuthorityTest {

    private static DisposalCase disposalCase(String id, String districtCode, String unit) throws Exception {
        return Json.MAPPER.readValue("""
                {"caseId":"%s","version":1,"state":"待核查","sampleId":"%s","districtCode":"%s","unit":"%s",
                 "openedAt":"2024-06-03T10:00:00+08:00"}
                """.formatted(id, id, districtCode, unit), DisposalCase.class);
    }

    private final DisposalAuthority authority;

    DisposalAuthorityTest() throws Exception {
        Map<String, DisposalCase> cases = Map.of("WQ", disposalCase("WQ", "120114", "区市场监管局"),
                "XQ", disposalCase("XQ", "120111", "区市场监管局"));
        authority = new DisposalAuthority(CaseLifecycle.supervising(), id -> Optional.ofNullable(cases.get(id)),
                Clock.fixed(Instant.parse("2024-06-04T01:00:00Z"), ZoneId.of("Asia/Shanghai")));
    }

    private static Map<String, Object> dispose() {
        return Map.of("caseId", "WQ", "action", "dispose", "by", "someone else", "at", "2000-01-01T00:00:00+08:00",
                "measures", List.of("召回"));
    }

    private DisposalAuthority.Refused refused(User user, String caseId, Map<String, Object> body) {
        return assertInstanceOf(DisposalAuthority.Refused.class, authority.authorize(user, caseId, body));
    }

    private Map<String, Object> permitted(User user, String caseId, Map<String, Object> body) {
        return assertInstanceOf(DisposalAuthority.Permitted.class, authority.authorize(user, caseId, body)).action();
    }

    @Test
    void anAnalystDoesNotAct() {
        assertEquals(HttpStatus.FORBIDDEN, refused(ANALYST, "WQ", dispose()).status());
    }

    @Test
    void theCasesUnitActsInItsOwnNameAsItselfAtTheServersTime() {
        Map<String, Object> action = permitted(WUQING_MARKET, "WQ", dispose());
        assertEquals("wq-market", action.get("by"));
        assertEquals("区市场监管局", action.get("unit"));
        assertEquals("2024-06-04T09:00:00+08:00", action.get("at"), "the server's clock, not the body's");
    }

    @Test
    void anotherUnitAnotherDistrictOrAnotherUnitsNameIsRefused() {
        assertTrue(refused(AGRICULTURE, "WQ", dispose()).reason().contains("区市场监管局"));
        assertEquals(HttpStatus.FORBIDDEN, refused(WUQING_MARKET, "XQ", dispose()).status(), "西青's case, 武清's member");
        Map<String, Object> inAnotherName = new HashMap<>(dispose());
        inAnotherName.put("unit", "区农业农村委");
        assertEquals(HttpStatus.FORBIDDEN, refused(WUQING_MARKET, "WQ", inAnotherName).status());
        assertEquals(HttpStatus.NOT_FOUND, refused(WUQING_MARKET, "NONE", dispose()).status());
        assertInstanceOf(DisposalAuthority.Permitted.class, authority.authorize(ANY_DISTRICT_MARKET, "XQ", dispose()),
                "a member without a district acts for its unit in every district");
    }

    @Test
    void anAdminActsInTheNameOfTheUnitItNames() {
        Map<String, Object> named = new HashMap<>(dispose());
        named.put("unit", "区食安办");
        Map<String, Object> action = permitted(ADMIN, "WQ", named);
        assertEquals("区食安办", action.get("unit"));
        assertNotEquals("someone else", action.get("by"));
    }
}
