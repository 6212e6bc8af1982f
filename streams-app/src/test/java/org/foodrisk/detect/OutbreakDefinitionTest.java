package org.foodrisk.detect;

import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutbreakDefinitionTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-05-06T12:00:00+08:00");
    private final OutbreakDefinition definition = new OutbreakDefinition(IncubationPeriods.bundled(),
            Duration.ofHours(24), Duration.ofHours(72));

    private static CaseHistory.Case kase(String id, double onsetHours, Double exposureHours, String syndrome, String pathogen) {
        List<String> tags = new ArrayList<>();
        if (syndrome != null) {
            tags.add("syndrome:" + syndrome);
        }
        if (pathogen != null) {
            tags.add("pathogen:" + pathogen);
        }
        return new CaseHistory.Case(id, at(onsetHours), "120119", "蓟州区", null, null, tags, id, "食堂", "学校食堂",
                null, exposureHours == null ? null : at(exposureHours));
    }

    private static OffsetDateTime at(double hours) {
        return T0.plusMinutes(Math.round(hours * 60));
    }

    private Set<Set<String>> episodes(List<CaseHistory.Case> cases) {
        return definition.episodes(cases).stream()
                .map(e -> e.stream().map(CaseHistory.Case::id).collect(Collectors.toCollection(TreeSet::new)))
                .collect(Collectors.toSet());
    }

    @Test
    void reportedExposuresJoinWithinTheWindowAndNotBeyond() {
        // Exposures at 0 h, 24 h (exactly the window) and 24 h 1 min.
        assertEquals(Set.of(Set.of("a", "b")), episodes(List.of(kase("a", 8, 0.0, "胃肠道", null),
                kase("b", 30, 24.0, "胃肠道", null))));
        assertEquals(Set.of(Set.of("a"), Set.of("c")), episodes(List.of(kase("a", 8, 0.0, "胃肠道", null),
                kase("c", 30, 24.0 + 1 / 60.0, "胃肠道", null))));
    }

    @Test
    void withoutExposureTimeTheIncubationOfTheAgentBoundsTheJoin() {
        // 金黄色葡萄球菌 1–6 h: exposures [onset−6 h, onset−1 h]. Two such intervals fit one 24 h window
        // when (t2 − 6) − (t1 − 1) ≤ 24, i.e. onsets at most 29 h apart.
        assertEquals(1, episodes(List.of(kase("a", 0, null, "胃肠道", "金黄色葡萄球菌"),
                kase("b", 29, null, "胃肠道", "金黄色葡萄球菌"))).size());
        assertEquals(2, episodes(List.of(kase("a", 0, null, "胃肠道", "金黄色葡萄球菌"),
                kase("b", 29.5, null, "胃肠道", "金黄色葡萄球菌"))).size());
        // 胃肠道 of unknown agent, 0.5–72 h: up to 95.5 h by exposure, but consecutive onsets ≤ 72 h apart.
        assertEquals(1, episodes(List.of(kase("a", 0, null, "胃肠道", null), kase("b", 72, null, "胃肠道", null))).size());
        assertEquals(2, episodes(List.of(kase("a", 0, null, "胃肠道", null), kase("b", 73, null, "胃肠道", null))).size());
    }

    @Test
    void anEpisodeNeverOutgrowsOneExposureWindow() {
        // One case per meal every 20 h for 30 days: chained, they would be one month-long "outbreak".
        List<CaseHistory.Case> cases = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            cases.add(kase("m" + i, 20 * i + 6, 20.0 * i, "胃肠道", null));
        }
        List<List<CaseHistory.Case>> episodes = definition.episodes(cases);
        for (List<CaseHistory.Case> episode : episodes) {
            OutbreakDefinition.Exposure common = definition.commonExposure(episode);
            assertTrue(Duration.between(common.earliest(), common.latest()).compareTo(Duration.ofHours(24)) <= 0,
                    episode.stream().map(CaseHistory.Case::id).toList().toString());
            assertTrue(episode.size() <= 2, "meals 20 h apart: at most two fit 24 h");
        }
        assertEquals(18, episodes.size());
    }

    @Test
    void episodesDoNotDependOnTheOrderOfArrival() {
        List<CaseHistory.Case> cases = new ArrayList<>();
        String[] syndromes = {"胃肠道", "神经系统", null};
        for (int i = 0; i < 30; i++) {
            cases.add(kase("c" + i, 7 * i % 50, i % 4 == 0 ? null : (7.0 * i % 50) - 3, syndromes[i % 3], null));
        }
        Set<Set<String>> expected = episodes(cases);
        Random random = new Random(13);
        for (int round = 0; round < 20; round++) {
            List<CaseHistory.Case> shuffled = new ArrayList<>(cases);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, episodes(shuffled));
        }
    }

    @Test
    void differentSyndromesJoinOnlyThroughTheSamePathogen() {
        assertEquals(2, episodes(List.of(kase("g", 6, 0.0, "胃肠道", null), kase("n", 2, 0.0, "神经系统", null))).size());
        assertEquals(1, episodes(List.of(kase("g", 16, 0.0, "胃肠道", "肉毒梭菌"),
                kase("n", 20, 0.0, "神经系统", "肉毒杆菌"))).size(), "an alias of the same agent");
        assertEquals(1, episodes(List.of(kase("g", 6, 0.0, "胃肠道", null), kase("u", 7, 0.0, null, null))).size(),
                "an unknown syndrome does not rule a case out");
        assertEquals(1, episodes(List.of(kase("g", 6, 0.0, "胃肠道", null), kase("d", 7, 0.0, "消化道", null))).size(),
                "消化道 is 胃肠道");
    }

    @Test
    void anExposureAfterOnsetIsIgnoredForTheIncubationEstimate() {
        OutbreakDefinition.Exposure e = definition.exposureOf(kase("x", 10, 12.0, "胃肠道", "金黄色葡萄球菌"));
        assertEquals(at(4).toInstant(), e.earliest());
        assertEquals(at(9).toInstant(), e.latest());
        assertTrue(!e.reported());
    }

    @Test
    void aCaseStoredBeforeExposureTimesWereKeptIsStillRead() throws Exception {
        String stored = """
                {"cases":[{"id":"I-1","at":"2024-05-06T02:15:00+08:00","districtCode":"120119","districtName":"蓟州区",
                 "tags":["syndrome:胃肠道","mass-exposure"],"summary":"腹泻","placeName":"某中学学生食堂",
                 "placeType":"学校食堂","anchor":"I-1"}]}
                """;
        CaseHistory history = Json.MAPPER.readValue(stored, CaseHistory.class);
        CaseHistory.Case c = history.cases().get(0);
        assertNull(c.exposureAt());
        assertEquals("I-1", c.anchor());
        assertEquals("胃肠道", definition.syndromeOf(c));
        assertTrue(!definition.exposureOf(c).reported());
    }
}
