package org.foodrisk.districts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TianjinDistrictTableTest {

    @Test
    void hasTheSixteenDistrictsInCodeOrder() {
        List<TianjinDistrictTable.Row> rows = TianjinDistrictTable.rows();
        assertEquals(16, rows.size());
        assertEquals(List.of("120101", "120102", "120103", "120104", "120105", "120106", "120110", "120111",
                "120112", "120113", "120114", "120115", "120116", "120117", "120118", "120119"),
                rows.stream().map(TianjinDistrictTable.Row::code).toList());
        assertEquals("滨海新区", rows.get(12).name());
    }

    @Test
    void populationsAddUpToTheCensusTotal() {
        // districts.md: all 16 sum to 天津市's 13,866,009
        assertEquals(13_866_009L, TianjinDistrictTable.rows().stream().mapToLong(TianjinDistrictTable.Row::population).sum());
    }

    @Test
    void formerCountiesKeepTheirCodeAndName() {
        TianjinDistrictTable.Row jizhou = TianjinDistrictTable.rows().get(15);
        assertEquals("蓟州区", jizhou.name());
        assertEquals(List.of("120225"), jizhou.formerCodes());
        assertEquals(List.of("蓟县"), jizhou.formerNames());
        assertEquals(List.of(), jizhou.addressNames());
        assertEquals(List.of("塘沽区", "汉沽区", "大港区", "塘沽", "汉沽", "大港"),
                TianjinDistrictTable.rows().get(12).addressNames());
    }
}
