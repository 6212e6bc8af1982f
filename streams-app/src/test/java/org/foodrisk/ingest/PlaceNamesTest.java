package org.foodrisk.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlaceNamesTest {

    @Test
    void variantsOfOneCanteenNameHaveOneKey() {
        List<String> variants = List.of("XX中学食堂", "XX中学 食堂", "天津市XX中学食堂", "ＸＸ中学　食堂", "xx中学食堂",
                "天津市蓟州区 XX中学食堂。", "蓟县XX中学（食堂）", " XX 中学·食堂 ");
        Set<String> keys = variants.stream().map(n -> PlaceNames.key("120119", n, "学校食堂", null, null))
                .collect(Collectors.toSet());
        assertEquals(Set.of("name:120119:xx中学食堂"), keys);
    }

    @Test
    void differentPlacesStayApart() {
        assertNotEquals(PlaceNames.key("120119", "XX中学食堂", "学校食堂", null, null),
                PlaceNames.key("120119", "XX小学食堂", "学校食堂", null, null));
        assertEquals("name:120119:天津大学食堂", PlaceNames.key("120119", "天津大学食堂", null, null, null),
                "a bare 天津 is part of a name, not a prefix");
        assertNotEquals(PlaceNames.key("120119", "XX中学食堂", null, null, null),
                PlaceNames.key("120114", "XX中学食堂", null, null, null), "the district is part of the key");
    }

    @Test
    void aGenericHomeHasNoKeyWithoutAddress() {
        for (String home : List.of("家中", "家庭", "自家", "家 中", "本人家中", "家里", "家", "居民家中")) {
            assertNull(PlaceNames.key("120119", home, "家庭", null, null), home);
            assertNull(PlaceNames.key("120119", home, null, null, null), home + " without a type");
        }
        assertNull(PlaceNames.key("120119", "不详", "餐饮服务单位", null, null));
        assertNull(PlaceNames.key("120119", null, null, " ", null));
    }

    @Test
    void aHomeIsKeyedByItsAddressOrCreditCode() {
        String a = PlaceNames.key("120119", "家中", "家庭", null, "天津市蓟州区渔阳镇府君小区3号楼2门101");
        String b = PlaceNames.key("120119", "家庭", "家庭", null, "蓟州区渔阳镇府君小区 3号楼2门101");
        assertEquals("address:120119:渔阳镇府君小区3号楼2门101", a);
        assertEquals(a, b);
        assertNotEquals(a, PlaceNames.key("120119", "家中", "家庭", null, "蓟州区渔阳镇府君小区3号楼2门102"));
        assertEquals("address:120119:渔阳镇府君小区3号楼2门101",
                PlaceNames.key("120119", "府君小区3-2-101居民家庭", "家庭", null, "渔阳镇府君小区3号楼2门101"),
                "a household is its address even when it has a name");
        assertEquals("credit:91120225MA05ABCD1X", PlaceNames.key("120119", "家中", "家庭", " 91120225ma05abcd1x", null));
    }

    @Test
    void aNamedPlaceKeepsTheFormerKeyWhenItsNameWasAlreadyCanonical() {
        // The key before canonicalisation was name:<district>:<name as written>: unchanged for such names.
        assertEquals("name:120119:某中学学生食堂", PlaceNames.key("120119", "某中学学生食堂", "学校食堂", null, null));
        assertEquals("credit:92120222MA05YYYY2B", PlaceNames.key("120114", "某某饭店", "餐饮服务单位", "92120222MA05YYYY2B",
                "武清区杨村街道某路1号"));
    }
}
