package org.foodrisk.api.access;

import io.micronaut.http.HttpStatus;
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;

import static org.foodrisk.api.access.AccessTestUsers.ADMIN;
import static org.foodrisk.api.access.AccessTestUsers.AGRICULTURE;
import static org.foodrisk.api.access.AccessTestUsers.ANALYST;
import static org.foodrisk.api.access.AccessTestUsers.ANY_DISTRICT_MARKET;
import static org.foodrisk.api.access.AccessTestUsers.WUQING_MARKET;
import static org.foodrisk.api.access.AccessTestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In whose name a signed-in user may act on which alert. */
class ActionAuthorityTest {

    private static Alert alert(String id, String districtCode, String districtName, String leadUnit) throws Exception {
        return Json.MAPPER.readValue("""
                {"alertId":"%s","version":1,"status":"待处置","level":"RED","kind":"sampling.critical-hazard",
                 "districtCode":"%s","districtName":"%s",
                 "planTasks":[{"taskId":"T1","plan":"p","number":"1","title":"t","leadUnits":["%s"],"coUnits":["区卫生健康委"]}]}
                """.formatted(id, districtCode, districtName, leadUnit), Alert.class);
    }

    private final Map<String, Alert> alerts;
    private final ActionAuthority authority;

    ActionAuthorityTest() throws Exception {
        alerts = Map.of("WQ", alert("WQ", "120114", "武清区", "区市场监管局"),
                "XQ", alert("XQ", "120111", "西青区", "区市场监管局"));
        authority = new ActionAuthority(AlertLifecycle.defaults(), id -> Optional.ofNullable(alerts.get(id)));
    }

    private static Map<String, Object> acknowledge() {
        return Map.of("alertId", "WQ", "action", "acknowledge", "by", "someone else", "at", "2024-05-06T12:00:00+08:00");
    }

    private ActionAuthority.Refused refused(User user, String alertId, Map<String, Object> body) {
        return assertInstanceOf(ActionAuthority.Refused.class, authority.authorize(user, alertId, body));
    }

    private Map<String, Object> permitted(User user, String alertId, Map<String, Object> body) {
        return assertInstanceOf(ActionAuthority.Permitted.class, authority.authorize(user, alertId, body)).action();
    }

    @Test
    void anAnalystDoesNotAct() {
        assertEquals(HttpStatus.FORBIDDEN, refused(ANALYST, "WQ", acknowledge()).status());
    }

    @Test
    void theResponsibleUnitMemberActsInItsOwnNameAndAsItself() {
        Map<String, Object> action = permitted(WUQING_MARKET, "WQ", acknowledge());
        assertEquals("区市场监管局", action.get("unit"), "the server names the member's unit");
        assertEquals("wq-market", action.get("by"), "the audit trail names the signed-in user, not the body's by");
        assertEquals("acknowledge", action.get("action"));
    }

    @Test
    void aUnitMemberNamingAnotherUnitIsRefused() {
        Map<String, Object> body = new HashMap<>(acknowledge());
        body.put("unit", "区卫生健康委");
        ActionAuthority.Refused refusal = refused(WUQING_MARKET, "WQ", body);
        assertEquals(HttpStatus.FORBIDDEN, refusal.status());
        assertTrue(refusal.reason().contains("区卫生健康委"), refusal.reason());
        body.put("unit", "区市场监管局");
        assertEquals("区市场监管局", permitted(WUQING_MARKET, "WQ", body).get("unit"), "naming its own unit is fine");
    }

    @Test
    void aMemberOfAUnitThatDoesNotAnswerForTheAlertIsRefused() {
        ActionAuthority.Refused refusal = refused(AGRICULTURE, "WQ", acknowledge());
        assertEquals(HttpStatus.FORBIDDEN, refusal.status());
        assertTrue(refusal.reason().contains("not responsible"), refusal.reason());
    }

    @Test
    void aMemberLimitedToADistrictIsRefusedAnotherDistrictsAlert() {
        ActionAuthority.Refused refusal = refused(WUQING_MARKET, "XQ", acknowledge());
        assertEquals(HttpStatus.FORBIDDEN, refusal.status());
        assertTrue(refusal.reason().contains("120111"), refusal.reason());
        assertEquals("区市场监管局", permitted(ANY_DISTRICT_MARKET, "XQ", acknowledge()).get("unit"),
                "a member without a district acts in every district its unit answers for");
    }

    @Test
    void aSupervisingUnitActsOnEveryAlertOfItsDistrict() {
        User office = user("wq-office", "unit", "区食安办", "120114");
        assertEquals("区食安办", permitted(office, "WQ", acknowledge()).get("unit"));
    }

    @Test
    void anUnknownAlertIsNotFoundForAUnitMember() {
        assertEquals(HttpStatus.NOT_FOUND, refused(WUQING_MARKET, "NOPE", acknowledge()).status());
    }

    @Test
    void onlyTheOfficeOfTheAlertsDistrictSharesItAndOnlyOnce() throws Exception {
        Map<String, Object> share = Map.of("alertId", "WQ", "action", "share", "by", "x", "at", "2024-05-06T12:00:00+08:00",
                "note", "请关注同批次产品");
        ActionAuthority.Refused unit = refused(WUQING_MARKET, "WQ", share);
        assertEquals(HttpStatus.FORBIDDEN, unit.status(), "a responsible unit acts on the alert, the office shares it");
        assertTrue(unit.reason().contains("区食安办"), unit.reason());
        assertEquals(HttpStatus.FORBIDDEN, refused(ANALYST, "WQ", share).status());
        User office = user("wq-office", "unit", "区食安办", "120114");
        assertEquals("区食安办", permitted(office, "WQ", share).get("unit"));
        assertEquals(HttpStatus.FORBIDDEN, refused(office, "XQ", Map.of("alertId", "XQ", "action", "share", "by", "x",
                "at", "2024-05-06T12:00:00+08:00")).status(), "not another district's alert");

        Alert shared = Json.MAPPER.readValue("""
                {"alertId":"S","version":2,"status":"待处置","level":"RED","kind":"sampling.critical-hazard",
                 "districtCode":"120114","districtName":"武清区",
                 "handling":{"actions":[],"shared":{"alertId":"S","action":"share","by":"wq-office","unit":"区食安办",
                   "at":"2024-05-06T12:00:00+08:00"}}}
                """, Alert.class);
        ActionAuthority once = new ActionAuthority(AlertLifecycle.defaults(), id -> Optional.of(shared));
        ActionAuthority.Refused again = assertInstanceOf(ActionAuthority.Refused.class, once.authorize(office, "S",
                Map.of("alertId", "S", "action", "share", "by", "x", "at", "2024-05-06T12:00:00+08:00")));
        assertEquals(HttpStatus.CONFLICT, again.status());
        assertTrue(again.reason().contains("already shared (by wq-office"), again.reason());
    }

    @Test
    void anAdminActsInTheNameOfAnyUnitButAlwaysAsItself() {
        Map<String, Object> body = new HashMap<>(acknowledge());
        body.put("unit", "区卫生健康委");
        Map<String, Object> action = permitted(ADMIN, "XQ", body);
        assertEquals("区卫生健康委", action.get("unit"));
        assertEquals("boss", action.get("by"));
    }

    @Test
    void theServerDatesTheActionWhateverTheBodySays() {
        Clock clock = Clock.fixed(Instant.parse("2024-05-10T04:30:15Z"),
                ZoneId.of("Asia/Shanghai"));
        ActionAuthority dated = new ActionAuthority(AlertLifecycle.defaults(), id -> Optional.ofNullable(alerts.get(id)), clock);
        Map<String, Object> body = new HashMap<>(acknowledge());
        body.put("at", "2000-01-01T00:00:00+08:00");
        Map<String, Object> action = assertInstanceOf(ActionAuthority.Permitted.class,
                dated.authorize(WUQING_MARKET, "WQ", body)).action();
        assertEquals("2024-05-10T12:30:15+08:00", action.get("at"), "a backdated acknowledge would count as on time");
        Map<String, Object> byAdmin = assertInstanceOf(ActionAuthority.Permitted.class,
                dated.authorize(ADMIN, "WQ", body)).action();
        assertEquals("2024-05-10T12:30:15+08:00", byAdmin.get("at"), "admins too");
    }

    @Test
    void anActionInSecondZeroIsStillAValidDateTime() {
        Clock clock = Clock.fixed(Instant.parse("2024-05-10T04:30:00Z"),
                ZoneId.of("Asia/Shanghai"));
        ActionAuthority dated = new ActionAuthority(AlertLifecycle.defaults(), id -> Optional.ofNullable(alerts.get(id)), clock);
        Map<String, Object> body = new HashMap<>(acknowledge());
        body.remove("at");
        Map<String, Object> action = assertInstanceOf(ActionAuthority.Permitted.class,
                dated.authorize(WUQING_MARKET, "WQ", body)).action();
        assertEquals("2024-05-10T12:30:00+08:00", action.get("at"), "seconds written even when :00");
        assertEquals(List.of(), ContractValidator.forTopic(Topics.ALERT_ACTIONS)
                .validate(Json.MAPPER.valueToTree(action)));
    }
}
