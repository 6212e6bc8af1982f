package org.foodrisk.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The compact, normalized form of one input record that aggregation and detection work on.
 *
 * <p>{@code sign} is +1 for a record that counts and -1 for the retraction of an earlier
 * version that a correction replaced: aggregates add both, so a record corrected three times
 * still counts once.
 *
 * @param findings for sampling results, the failed test items (empty when 合格)
 * @param place    for illness reports, the exposure place (key, name, type, exposure time); for others, null
 * @param weight   how much the signal counts in weighted volumes: reach for opinion, 1 otherwise
 * @param tags     flags detectors use: died, hospitalized, rumour, school (mass exposure), syndrome:…,
 *                 syndrome-inferred:… (from symptoms when the report names none), pathogen:… …; for
 *                 sampling results {@code program:<program>}, {@code subcategory:<foodSubcategory>}
 *                 and {@code tested:<hazardClass>} for every hazard class the result's items test
 * @param summary  one line for an alert's evidence list, in Chinese
 * @param reportedAt when the record became known, where the record says so and it differs from the event
 *                 time (a lab's {@code reportedAt}, days after sampling; a case report's, after onset);
 *                 null otherwise (complaints and posts are known when they happen; records stored before
 *                 this was carried). See {@link #knownAt()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Signal(
        SignalType type,
        String id,
        int sign,
        OffsetDateTime eventTime,
        String districtCode,
        String districtName,
        String foodCategory,
        String foodName,
        String stage,
        String agency,
        boolean failed,
        List<Finding> findings,
        String enterpriseKey,
        String enterpriseName,
        Place place,
        long weight,
        List<String> tags,
        String summary,
        OffsetDateTime reportedAt) {

    /** A signal known when it happened (no separate report time). */
    public Signal(SignalType type, String id, int sign, OffsetDateTime eventTime, String districtCode,
                  String districtName, String foodCategory, String foodName, String stage, String agency,
                  boolean failed, List<Finding> findings, String enterpriseKey, String enterpriseName, Place place,
                  long weight, List<String> tags, String summary) {
        this(type, id, sign, eventTime, districtCode, districtName, foodCategory, foodName, stage, agency, failed,
                findings, enterpriseKey, enterpriseName, place, weight, tags, summary, null);
    }

    public Signal {
        findings = findings == null ? List.of() : List.copyOf(findings);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** The value of the first tag {@code <name>:<value>}, or null. */
    public String tagValue(String name) {
        String prefix = name + ":";
        return tags.stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length()))
                .filter(v -> !v.isBlank()).findFirst().orElse(null);
    }

    /** The hazard classes a sampling result's items test (tags {@code tested:<class>}); empty when unknown. */
    public List<String> testedHazardClasses() {
        return tags.stream().filter(t -> t.startsWith("tested:")).map(t -> t.substring("tested:".length())).toList();
    }

    /** District × category: the unit of aggregation. Unknown parts are written as "?". */
    public String districtCategoryKey() {
        return (districtCode != null ? districtCode : districtName != null ? districtName : "?")
                + "|" + (foodCategory != null ? foodCategory : "?");
    }

    /**
     * When the service could first have known of this record: its report time, else its event time.
     * The service's clock (the watermark that closes days) runs on this, not on event time: a day is
     * judged when the reports of it have had time to arrive, and judged again when late ones do.
     */
    public OffsetDateTime knownAt() {
        return reportedAt != null && reportedAt.isAfter(eventTime) ? reportedAt : eventTime;
    }

    /**
     * What a later retraction of this signal needs, and no more: the dedup stores keep it for every record
     * ever published, until a correction replaces it. A retraction is counted by its keys and removed by its
     * id everywhere (counts, tallies, line lists, case histories), so the texts only a new record shows — the
     * summary, the business's name, the measured values of failed items — are dropped. Issue 18: dedup state
     * per id.
     */
    public Signal forRetraction() {
        List<Finding> keys = findings.stream()
                .map(f -> new Finding(f.item(), f.hazardClass(), null, null, null, null, f.criticalKind(), f.substance()))
                .toList();
        return new Signal(type, id, sign, eventTime, districtCode, districtName, foodCategory, foodName, stage, agency,
                failed, keys, enterpriseKey, null, place, weight, tags, null, reportedAt);
    }

    /** The same signal under another id (the dedup stores keep it without one: the id is their key). */
    public Signal withId(String otherId) {
        return new Signal(type, otherId, sign, eventTime, districtCode, districtName, foodCategory, foodName, stage, agency,
                failed, findings, enterpriseKey, enterpriseName, place, weight, tags, summary, reportedAt);
    }

    public Signal retraction() {
        return new Signal(type, id, -1, eventTime, districtCode, districtName, foodCategory, foodName, stage, agency,
                failed, findings, enterpriseKey, enterpriseName, place, weight, tags, summary, reportedAt);
    }

    /** One failed test item: what was found, its hazard class and, if critical, why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String item, String hazardClass, String result, String unit, String limit,
                          String standard, String criticalKind, String substance) {
    }

    /**
     * Where an illness case was exposed. {@code key} is null when the place cannot be told apart from
     * others (a generic 家中 without address): such a case joins no cluster. {@code exposureAt} is the
     * report's exposure time, if given (absent in records written before it was carried).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(String key, String name, String type, OffsetDateTime exposureAt) {
    }
}
