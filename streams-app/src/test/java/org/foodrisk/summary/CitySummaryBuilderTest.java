package org.foodrisk.summary;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertStatus;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.detect.Detection;
import org.foodrisk.exchange.ReceivedAlert;
import org.foodrisk.reference.Districts;
import org.foodrisk.reference.Period;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 天津市's summary across its districts: every district ranked by its open risk at the period's end, the same food ×
 * hazard and the same business seen in two districts as cross-district risks, 环比 against the week before and 同比
 * only when the alerts reach back a year.
 */
class CitySummaryBuilderTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final Period W50 = Period.parse("2026-W50");

    private static Alert alert(String id, String district, AlertLevel level, String start, String food, String hazard,
                               String creditCode) {
        OffsetDateTime at = OffsetDateTime.parse(start);
        return new Alert(id, 1, AlertStatus.OPEN, level, level.levelName(), "sampling.food-hazard-cluster", id, district,
                null, "食用农产品", food, hazard, null,
                creditCode == null ? null : new Detection.EnterpriseRef("某某蔬菜批发部", creditCode, "credit:" + creditCode),
                new Alert.Window(at, at.plusDays(1)), null, List.of(), List.of(), List.of(), at, at, id, 1, null, List.of(),
                null);
    }

    private static final List<Alert> ALERTS = List.of(
            alert("A1", "120111", AlertLevel.ORANGE, "2026-12-08T09:00:00+08:00", "韭菜", "农药残留", "92120111MA0000001X"),
            alert("A2", "120114", AlertLevel.YELLOW, "2026-12-09T09:00:00+08:00", "韭菜", "农药残留", "92120111MA0000001X"),
            alert("A3", "120114", AlertLevel.RED, "2026-12-10T09:00:00+08:00", "猪肉", "兽药残留", null),
            alert("A4", "120105", AlertLevel.BLUE, "2026-12-02T09:00:00+08:00", "豇豆", "农药残留", null));

    @Test
    void everyDistrictIsRankedByItsOpenRiskAndCrossDistrictRisksAreNamed() {
        CitySummary city = new CitySummaryBuilder(TIANJIN).build("city", "天津市", Districts.all(), W50, ALERTS);
        assertEquals(Districts.all().size(), city.ranking().size(), "a quiet district is listed too");
        assertEquals(List.of("120114", "120111", "120105"), city.ranking().subList(0, 3).stream()
                .map(CitySummary.DistrictStanding::districtCode).toList(), "武清 4+2, 西青 3, 河北 1 (open since last week)");
        assertEquals(6, city.ranking().get(0).score());
        assertEquals(3, city.newAlerts());
        assertEquals(1, city.previousPeriodNewAlerts());
        assertNull(city.sameTimeLastYearNewAlerts(), "no alert reaches back to 2025-W50: no 同比");
        assertEquals(List.of("食品×危害|韭菜 × 农药残留|[西青区, 武清区]|2|橙色", "经营主体|某某蔬菜批发部|[西青区, 武清区]|2|橙色"),
                city.crossDistrict().stream().map(r -> r.kind() + "|" + r.subject() + "|" + r.districts() + "|" + r.alerts()
                        + "|" + r.highestLevel()).toList());
        assertTrue(city.markdown().contains("本期新发预警 **3** 条（环比：上期 1 条；同比：无去年同期数据）"), city.markdown());
        assertTrue(city.markdown().contains("| 1 | 武清区 | 2 | 1 | 0 | 0 | 2 | 6 |"), city.markdown());
        assertTrue(city.markdown().contains("| 食品×危害 | 韭菜 × 农药残留 | 西青区、武清区 | 2 | 橙色 |"), city.markdown());
    }

    @Test
    void sameTimeLastYearIsGivenWhenTheAlertsReachBackThatFar() {
        List<Alert> withLastYear = new ArrayList<>(ALERTS);
        withLastYear.add(alert("OLD1", "120111", AlertLevel.BLUE, "2025-12-09T09:00:00+08:00", "韭菜", "农药残留", null));
        withLastYear.add(alert("OLD0", "120111", AlertLevel.BLUE, "2025-11-01T09:00:00+08:00", "韭菜", "农药残留", null));
        CitySummary city = new CitySummaryBuilder(TIANJIN).build("city", "天津市", Districts.all(), W50, withLastYear);
        assertEquals("2025-W50", CitySummaryBuilder.sameTimeLastYear(W50).id());
        assertEquals(1, city.sameTimeLastYearNewAlerts());
        assertTrue(city.markdown().contains("同比：去年同期（2025年第50周）1 条"), city.markdown());
    }

    private static ReceivedAlert fromBeijing(String id, AlertStatus status, String sharedAt) {
        OffsetDateTime at = OffsetDateTime.parse(sharedAt);
        Alert alert = new Alert(id, 2, status, AlertLevel.RED, "红色", "sampling.critical-hazard", "朝阳区猪肉检出克伦特罗",
                "110105", "朝阳区", "畜禽肉及副产品", "猪肉", "兽药残留", "克伦特罗", null, new Alert.Window(at, at), null,
                List.of(), List.of(), List.of(), at, at, id, 1, null, List.of(), null);
        return new ReceivedAlert("beijing", "北京市", alert, "bj-office", "区食安办", at, "涉事批次已销往天津", at.plusSeconds(5));
    }

    @Test
    void section四ListsWhatPartnersSharedInThePeriodOrBeforeItAndStillOpen() {
        List<ReceivedAlert> received = List.of(
                fromBeijing("BJ-IN", AlertStatus.CLOSED, "2026-12-09T10:00:00+08:00"),
                fromBeijing("BJ-OPEN", AlertStatus.IN_PROGRESS, "2026-12-01T10:00:00+08:00"),
                fromBeijing("BJ-DONE", AlertStatus.CLOSED, "2026-12-01T10:00:00+08:00"),
                fromBeijing("BJ-LATER", AlertStatus.OPEN, "2026-12-14T00:00:00+08:00"));
        CitySummary city = new CitySummaryBuilder(TIANJIN).build("city", "天津市", Districts.all(), W50, ALERTS, received);
        assertEquals(List.of("BJ-IN", "BJ-OPEN"), city.received().stream().map(CitySummary.PartnerRisk::alertId).toList(),
                "shared in W50 (even if closed since), or before it and still open; not closed before it, not after it");
        assertTrue(city.markdown().contains("## 四、外地交流预警"), city.markdown());
        assertTrue(city.markdown().contains("| 北京市（beijing） | 朝阳区猪肉检出克伦特罗 | 红色 | 已办结 | 朝阳区 | 畜禽肉及副产品 | "
                + "2026-12-09T10:00 | 涉事批次已销往天津 |"), city.markdown());
        assertTrue(new CitySummaryBuilder(TIANJIN).build("city", "天津市", Districts.all(), W50, ALERTS).markdown()
                .contains("本期未收到外地交流预警。"));
    }
}
