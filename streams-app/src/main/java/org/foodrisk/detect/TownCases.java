package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.time.Duration;

/**
 * One district's recent illness cases that name no common place, with their town (街道/镇), for the
 * space–time scan; the last day judged, so that every closed day is judged once; and the first
 * judged day that late reports have changed since ({@code rejudgeFrom}, null when none), judged
 * again with the next closed day.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TownCases(List<TownCase> cases, LocalDate judgedThrough, LocalDate rejudgeFrom) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TownCase(String id, String town, OffsetDateTime onsetAt, String summary) {
    }

    public TownCases {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    public static TownCases empty() {
        return new TownCases(List.of(), null, null);
    }

    /** Adds or replaces a case; forgets cases older than {@code keep} before the newest onset. */
    public TownCases with(TownCase added, Duration keep) {
        List<TownCase> kept = new ArrayList<>(without(added.id()).cases);
        kept.add(added);
        kept.sort(Comparator.comparing((TownCase c) -> c.onsetAt().toInstant()).thenComparing(TownCase::id));
        OffsetDateTime newest = kept.get(kept.size() - 1).onsetAt();
        kept.removeIf(c -> c.onsetAt().isBefore(newest.minus(keep)));
        return new TownCases(kept, judgedThrough, rejudgeFrom);
    }

    public TownCases without(String id) {
        List<TownCase> kept = new ArrayList<>(cases);
        kept.removeIf(c -> c.id().equals(id));
        return new TownCases(kept, judgedThrough, rejudgeFrom);
    }

    /** All days through {@code day} judged, none waiting to be judged again. */
    public TownCases judgedThrough(LocalDate day) {
        return new TownCases(cases, day, null);
    }

    /** A case of {@code day} arrived or changed after that day was judged: judge it again (if not before {@code earliest}). */
    public TownCases changedOn(LocalDate day, LocalDate earliest) {
        if (judgedThrough == null || day.isAfter(judgedThrough)) {
            return this;
        }
        LocalDate from = day.isBefore(earliest) ? earliest : day;
        return new TownCases(cases, judgedThrough, rejudgeFrom == null || from.isBefore(rejudgeFrom) ? from : rejudgeFrom);
    }

    public OffsetDateTime latestOnset() {
        return cases.isEmpty() ? null : cases.get(cases.size() - 1).onsetAt();
    }
}
