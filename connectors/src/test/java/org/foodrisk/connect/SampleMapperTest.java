package org.foodrisk.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.foodrisk.connect.SampleMapper.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two layouts mapped onto the contract, without a broker. */
class SampleMapperTest {

    private final SampleMapper mapper = new SampleMapper(new SamplingFileSourceConfig(Map.of(
            "input.dir", "/tmp",
            "lab.codes", "天津市武清区食品药品检验所=LAB-120114-01,天津市食品安全检测技术研究院=LAB-1200-02")));

    private List<Unit> map(Path file) throws Exception {
        return mapper.map(file.getFileName().toString(), TableFile.read(file));
    }

    private static JsonNode json(Unit u) throws Exception {
        return DeadLetters.JSON.readTree(u.json());
    }

    @Test
    void noticeSpreadsheetBecomesContractRecords() throws Exception {
        List<Unit> units = map(Path.of("samples/notice.xlsx"));
        assertEquals(SampleFiles.NOTICE_IDS, units.stream().map(Unit::key).toList());
        assertTrue(units.stream().noneMatch(Unit::deadLetter), () -> units.toString());

        JsonNode first = json(units.get(0));
        assertEquals("2024年第12期-1", first.get("sampleId").asText());
        assertEquals("市抽", first.get("program").asText());
        assertEquals("LAB-120114-01", first.get("labCode").asText());
        assertEquals("120114", first.get("districtCode").asText());
        assertEquals("武清区", first.get("districtName").asText());
        assertEquals("食用农产品", first.get("foodCategory").asText());
        assertEquals("韭菜", first.get("foodName").asText());
        assertEquals("2024-05-20T00:00+08:00", first.get("sampledAt").asText().replace(":00+", "+"));
        assertEquals("不合格", first.get("verdict").asText());
        assertEquals("武清区杨村某某蔬菜店", first.at("/enterprise/name").asText());
        JsonNode item = first.get("items").get(0);
        assertEquals("腐霉利", item.get("item").asText());
        assertEquals("农药残留", item.get("hazardClass").asText());
        assertEquals(0.52, item.get("result").asDouble());
        assertEquals("mg/kg", item.get("unit").asText());
        assertEquals(0.2, item.get("limit").asDouble());
        assertEquals("≤", item.get("limitType").asText());
        assertFalse(item.get("pass").asBoolean());

        JsonNode second = json(units.get(1));
        assertEquals("国抽", second.get("program").asText());
        assertEquals("120115", second.get("districtCode").asText());
        assertEquals("天津市产品质量监督检测技术研究院", second.get("labCode").asText(), "unmapped lab: its name");
        assertEquals(2, second.get("items").size());
        assertEquals("微生物", second.get("items").get(0).get("hazardClass").asText());
        assertEquals("1.2×10⁵CFU/g", second.get("items").get(0).get("result").asText());
        assertEquals("食品添加剂", second.get("items").get(1).get("hazardClass").asText());

        JsonNode third = json(units.get(2));
        assertEquals("120116", third.get("districtCode").asText(), "塘沽 is in 滨海新区");
        assertEquals("区抽", third.get("program").asText());
        assertEquals("兽药残留", third.at("/items/0/hazardClass").asText());

        JsonNode fourth = json(units.get(3));
        assertEquals("120111", fourth.get("districtCode").asText());
        assertEquals("重金属", fourth.at("/items/0/hazardClass").asText());
        assertEquals("20240315 批号B0315", fourth.at("/notice/productionDateOrBatch").asText());
    }

    @Test
    void noticeCsvAndXlsxGiveTheSameRecords() throws Exception {
        List<Unit> xlsx = map(Path.of("samples/notice.xlsx"));
        List<Unit> csv = map(Path.of("samples/notice.csv"));
        assertEquals(xlsx.size(), csv.size());
        for (int i = 0; i < xlsx.size(); i++) {
            assertEquals(json(xlsx.get(i)), json(csv.get(i)));
        }
    }

    @Test
    void sampledAtFromProductionDateWhenConfigured() throws Exception {
        SampleMapper m = new SampleMapper(new SamplingFileSourceConfig(Map.of(
                "input.dir", "/tmp", "notice.sampled.at", "production-date")));
        List<Unit> units = m.map("notice.xlsx", TableFile.read(Path.of("samples/notice.xlsx")));
        assertEquals("2024-05-06T00:00:00+08:00", json(units.get(0)).get("sampledAt").asText());
        assertEquals("2024-04-28T00:00:00+08:00", json(units.get(1)).get("sampledAt").asText());
        assertEquals("2024-03-15T00:00:00+08:00", json(units.get(3)).get("sampledAt").asText());
    }

    @Test
    void limsExportGroupsRowsBySample() throws Exception {
        List<Unit> units = map(Path.of("samples/lims-export.csv"));
        assertEquals(List.of("WQ2024-SC-000123", "WQ2024-SC-000124", "WQ2024-SC-000125", "BD2024-SC-000031"),
                units.stream().map(Unit::key).toList());
        assertTrue(units.stream().noneMatch(Unit::deadLetter), () -> units.toString());
        JsonNode a = json(units.get(0));
        assertEquals(2, a.get("items").size());
        assertEquals("2024-05-06T09:30:00+08:00", a.get("sampledAt").asText());
        assertEquals("未检出", a.at("/items/1/result").asText());
        assertTrue(a.at("/items/1/pass").asBoolean());
        JsonNode c = json(units.get(2));
        assertEquals("120114", c.get("districtCode").asText(), "code from the district name");
        assertEquals(0, c.get("items").size());
        assertEquals("lines 2-3", units.get(0).where());
    }

    @Test
    void badRowsBecomeDeadLettersWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path lims = tmp.resolve("lims-bad.csv");
        List<String> lines = Files.readAllLines(Path.of("samples/lims-export.csv"));
        // line 6 (sample WQ2024-SC-000125): a date nobody can read
        lines.set(5, lines.get(5).replace("2024-05-08T08:00:00+08:00", "昨天上午"));
        Files.write(tmp.resolve("lims-bad.csv"), lines);
        List<Unit> units = map(lims);
        assertEquals(4, units.size());
        Unit bad = units.get(2);
        assertTrue(bad.deadLetter());
        JsonNode dl = json(bad);
        assertEquals("file:lims-bad.csv", dl.get("sourceTopic").asText());
        assertEquals(6, dl.get("offset").asLong());
        assertEquals("WQ2024-SC-000125", dl.get("key").asText());
        assertTrue(dl.get("reason").asText().startsWith("file lims-bad.csv line 6: sampledAt '昨天上午' is not a date"),
                dl.get("reason").asText());
        assertTrue(dl.get("value").asText().contains("昨天上午"));

        Path notice = tmp.resolve("notice-bad.csv");
        SampleFiles.writeCsv(notice, SampleFiles.NOTICE_HEADER, SampleFiles.noticeRowsWith(2, 4, "上海市浦东新区某路1号"));
        units = map(notice);
        assertTrue(units.get(2).deadLetter());
        String reason = json(units.get(2)).get("reason").asText();
        // row 2 spans lines 3-4 (two items in one quoted cell), so row 3 starts on line 5
        assertTrue(reason.startsWith("file notice-bad.csv line 5: no Tianjin district"), reason);
        assertEquals("lines 3-4", units.get(1).where());
        assertFalse(units.get(1).deadLetter());
    }

    @Test
    void contractViolationsAreDeadLetters(@TempDir Path tmp) throws Exception {
        Path notice = tmp.resolve("n.csv");
        SampleFiles.writeCsv(notice, SampleFiles.NOTICE_HEADER, SampleFiles.noticeRowsWith(0, 9, ""));
        Unit u = map(notice).get(0);
        assertTrue(u.deadLetter());
        assertTrue(json(u).get("error").asText().contains("$.items"), u.json());
    }

    @Test
    void unknownLayoutIsRejected(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("x.csv");
        Files.writeString(f, "a,b\n1,2\n");
        try {
            map(f);
            throw new AssertionError("expected UnrecognisedFileException");
        } catch (SampleMapper.UnrecognisedFileException expected) {
            assertNull(null);
        }
    }
}
