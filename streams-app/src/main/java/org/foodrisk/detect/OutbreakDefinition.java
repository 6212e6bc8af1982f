package org.foodrisk.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cases of one exposure place are one outbreak. 食源性疾病暴发: two or more cases with a similar
 * illness after a common exposure — 国家卫生健康委《食源性疾病监测报告工作规范（试行）》(2019, "2例及以上…
 * 共同暴露"; its verbatim text was not found in a stored copy, the 2015 食源性疾病监测计划's threshold of
 * 发病人数 ≥ 2 per event is: shared/reference/foodborne.md §1); WHO, Foodborne disease outbreaks:
 * guidelines for investigation and control (2008): two or more cases of a similar illness resulting
 * from the ingestion of a common food; CDC's Guide to Confirming an Etiology in Foodborne Disease
 * Outbreaks uses the same words. Here cases join an episode when, at the same (canonical) place:
 * <ul>
 *   <li><b>similar illness</b>: the same syndrome (as reported, else inferred from symptoms; an unknown
 *       syndrome is compatible with any), or the same laboratory-confirmed pathogen across syndromes;</li>
 *   <li><b>common exposure</b>: every case may have been exposed within one window of
 *       {@code exposureWindow} (24 h by default, one day's meals). A case's exposure is its
 *       {@code exposureAt}; without one it is [onset − longest incubation, onset − shortest incubation]
 *       of its pathogen or syndrome ({@link IncubationPeriods}). For intervals, "a window of length W
 *       meets them all" is exactly max(earliest) − min(latest) ≤ W;</li>
 *   <li>no gap between consecutive onsets longer than {@code maxOnsetGap} (the former rule's 72 h).</li>
 * </ul>
 * An episode is therefore bounded by its exposure window: a busy canteen's sporadic cases over weeks
 * are many single cases, not one chain. Episodes are formed greedily in order of exposure (then onset,
 * then id) from the whole set, so they do not depend on the order in which reports arrived.
 */
public final class OutbreakDefinition {

    /** When a case may have been exposed; {@code reported} when the report gave exposureAt. */
    public record Exposure(Instant earliest, Instant latest, boolean reported) {
    }

    private final IncubationPeriods incubation;
    private final Duration exposureWindow;
    private final Duration maxOnsetGap;

    public OutbreakDefinition(IncubationPeriods incubation, Duration exposureWindow, Duration maxOnsetGap) {
        this.incubation = incubation;
        this.exposureWindow = exposureWindow;
        this.maxOnsetGap = maxOnsetGap;
    }

    public Duration exposureWindow() {
        return exposureWindow;
    }

    /** The syndrome a case names, or infers from its symptoms, canonicalised; null when unknown. */
    public String syndromeOf(CaseHistory.Case c) {
        String named = c.tagValue("syndrome");
        if (named != null && !named.equals("其他") && !named.equals("其它")) {
            return incubation.canonicalSyndrome(named);
        }
        String inferred = c.tagValue("syndrome-inferred");
        return inferred != null ? incubation.canonicalSyndrome(inferred) : named;
    }

    public String pathogenOf(CaseHistory.Case c) {
        return incubation.canonicalAgent(c.tagValue("pathogen"));
    }

    public Exposure exposureOf(CaseHistory.Case c) {
        Instant onset = c.at().toInstant();
        // An exposure after onset is a data error; fall back to the incubation estimate.
        if (c.exposureAt() != null && !c.exposureAt().toInstant().isAfter(onset)) {
            return new Exposure(c.exposureAt().toInstant(), c.exposureAt().toInstant(), true);
        }
        IncubationPeriods.Range range = incubation.of(c.tagValue("pathogen"), syndromeOf(c));
        return new Exposure(onset.minus(range.max()), onset.minus(range.min()), false);
    }

    /** The episode that contains {@code id}, in onset order (empty when id is not among the cases). */
    public List<CaseHistory.Case> episodeOf(List<CaseHistory.Case> cases, String id) {
        return episodes(cases).stream().filter(e -> e.stream().anyMatch(c -> c.id().equals(id))).findFirst()
                .orElse(List.of());
    }

    /** All episodes of one place, each in onset order. */
    public List<List<CaseHistory.Case>> episodes(List<CaseHistory.Case> cases) {
        List<CaseHistory.Case> ordered = new ArrayList<>(cases);
        ordered.sort(Comparator.comparing((CaseHistory.Case c) -> exposureOf(c).latest())
                .thenComparing(c -> c.at().toInstant()).thenComparing(CaseHistory.Case::id));
        List<List<CaseHistory.Case>> episodes = new ArrayList<>();
        for (CaseHistory.Case c : ordered) {
            List<CaseHistory.Case> home = null;
            for (List<CaseHistory.Case> episode : episodes) {
                if (joins(episode, c)) {
                    home = episode;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                episodes.add(home);
            }
            home.add(c);
        }
        for (List<CaseHistory.Case> episode : episodes) {
            episode.sort(Comparator.comparing((CaseHistory.Case c) -> c.at().toInstant()).thenComparing(CaseHistory.Case::id));
        }
        return episodes;
    }

    private boolean joins(List<CaseHistory.Case> episode, CaseHistory.Case c) {
        return similarIllness(episode, c) && commonExposure(episode, c) && onsetsClose(episode, c);
    }

    private boolean similarIllness(List<CaseHistory.Case> episode, CaseHistory.Case c) {
        String pathogen = pathogenOf(c);
        if (pathogen != null && episode.stream().anyMatch(m -> pathogen.equals(pathogenOf(m)))) {
            return true;
        }
        String syndrome = syndromeOf(c);
        Set<String> known = episode.stream().map(this::syndromeOf).filter(Objects::nonNull).collect(Collectors.toSet());
        return syndrome == null || known.isEmpty() || known.contains(syndrome);
    }

    private boolean commonExposure(List<CaseHistory.Case> episode, CaseHistory.Case c) {
        Instant maxEarliest = exposureOf(c).earliest();
        Instant minLatest = exposureOf(c).latest();
        for (CaseHistory.Case m : episode) {
            Exposure e = exposureOf(m);
            maxEarliest = e.earliest().isAfter(maxEarliest) ? e.earliest() : maxEarliest;
            minLatest = e.latest().isBefore(minLatest) ? e.latest() : minLatest;
        }
        return Duration.between(minLatest, maxEarliest).compareTo(exposureWindow) <= 0;
    }

    private boolean onsetsClose(List<CaseHistory.Case> episode, CaseHistory.Case c) {
        List<Instant> onsets = new ArrayList<>();
        episode.forEach(m -> onsets.add(m.at().toInstant()));
        onsets.add(c.at().toInstant());
        onsets.sort(Comparator.naturalOrder());
        for (int i = 1; i < onsets.size(); i++) {
            if (Duration.between(onsets.get(i - 1), onsets.get(i)).compareTo(maxOnsetGap) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The common exposure window of an episode: from the latest "earliest possible exposure" to the
     * earliest "latest possible exposure" (swapped when the window is needed to bridge them).
     */
    public Exposure commonExposure(List<CaseHistory.Case> episode) {
        Instant maxEarliest = Instant.MIN;
        Instant minLatest = Instant.MAX;
        boolean reported = true;
        for (CaseHistory.Case m : episode) {
            Exposure e = exposureOf(m);
            maxEarliest = e.earliest().isAfter(maxEarliest) ? e.earliest() : maxEarliest;
            minLatest = e.latest().isBefore(minLatest) ? e.latest() : minLatest;
            reported &= e.reported();
        }
        return maxEarliest.isAfter(minLatest) ? new Exposure(minLatest, maxEarliest, reported)
                : new Exposure(maxEarliest, minLatest, reported);
    }
}
