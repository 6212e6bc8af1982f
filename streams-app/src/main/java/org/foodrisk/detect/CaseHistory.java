package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.foodrisk.ingest.BoundedText;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recent illness cases of one exposure place (or the recent complaints about one business):
 * each with the anchor of the outbreak alert it belongs to, so that a case added later joins
 * the alert its episode already has instead of starting another.
 *
 * <p>Bounded (issue 14), so that a place or business flooded with reports cannot grow its value past
 * what the changelog takes (1 MiB) and stop the stream thread: the newest {@value #MAX_CASES} cases of
 * the 60 days, each with its texts cut ({@value #MAX_TEXT_CHARS} characters, {@value #MAX_TAGS} tags).
 * An outbreak is judged on cases days apart, so the cap changes no verdict; an episode counted from a
 * full history says at least {@value #MAX_CASES}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseHistory(List<Case> cases) {

    private static final Duration KEEP = Duration.ofDays(60);
    static final int MAX_CASES = 100;
    static final int MAX_TEXT_CHARS = 120;
    static final int MAX_TAGS = 10;
    static final int MAX_TAG_CHARS = 40;

    public CaseHistory {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    public static CaseHistory empty() {
        return new CaseHistory(List.of());
    }

    /**
     * One case (or complaint). {@code exposureAt} is an illness report's exposure time when it gave one;
     * null for complaints and for cases stored before it was kept.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Case(String id, OffsetDateTime at, String districtCode, String districtName, String foodCategory,
                       String foodName, List<String> tags, String summary, String placeName, String placeType,
                       String anchor, OffsetDateTime exposureAt) {

        public Case {
            tags = tags == null ? List.of() : tags.stream().limit(MAX_TAGS)
                    .map(tag -> BoundedText.abbreviated(tag, MAX_TAG_CHARS)).toList();
            foodName = BoundedText.abbreviated(foodName, MAX_TEXT_CHARS);
            summary = BoundedText.abbreviated(summary, MAX_TEXT_CHARS);
            placeName = BoundedText.abbreviated(placeName, MAX_TEXT_CHARS);
        }

        public Case(String id, OffsetDateTime at, String districtCode, String districtName, String foodCategory,
                    String foodName, List<String> tags, String summary, String placeName, String placeType,
                    String anchor) {
            this(id, at, districtCode, districtName, foodCategory, foodName, tags, summary, placeName, placeType,
                    anchor, null);
        }

        /** The value of the first tag {@code <prefix>:<value>}, or null. */
        public String tagValue(String prefix) {
            String start = prefix + ":";
            return tags.stream().filter(t -> t.startsWith(start)).map(t -> t.substring(start.length()))
                    .filter(v -> !v.isBlank()).findFirst().orElse(null);
        }

        Case anchoredTo(String newAnchor) {
            return new Case(id, at, districtCode, districtName, foodCategory, foodName, tags, summary, placeName,
                    placeType, newAnchor, exposureAt);
        }
    }

    /** Adds or replaces a case; forgets cases 60 days older than the newest. */
    public CaseHistory with(Case added) {
        List<Case> kept = new ArrayList<>(without(added.id()).cases);
        kept.add(added);
        kept.sort(Comparator.comparing((Case c) -> c.at().toInstant()).thenComparing(Case::id));
        OffsetDateTime newest = kept.get(kept.size() - 1).at();
        kept.removeIf(c -> c.at().isBefore(newest.minus(KEEP)));
        return new CaseHistory(kept.size() > MAX_CASES ? kept.subList(kept.size() - MAX_CASES, kept.size()) : kept);
    }

    public CaseHistory without(String id) {
        List<Case> kept = new ArrayList<>(cases);
        kept.removeIf(c -> c.id().equals(id));
        return new CaseHistory(kept);
    }

    /** Marks the given cases as belonging to {@code anchor}. */
    public CaseHistory anchored(List<Case> episode, String anchor) {
        List<String> ids = episode.stream().map(Case::id).toList();
        return new CaseHistory(cases.stream().map(c -> ids.contains(c.id()) ? c.anchoredTo(anchor) : c).toList());
    }
}
