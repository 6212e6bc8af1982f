package org.foodrisk.ingest;

import org.foodrisk.reference.CriticalHazards;

import java.util.Objects;
import java.util.List;
import java.util.ArrayList;

/** Turns an accepted, normalized record into the {@link Signal} that detection works on. */
public final class SignalExtractor {

    private SignalExtractor() {
    }

    public static Signal extract(IntakeResult.Accepted accepted) {
        Object record = accepted.record();
        if (record instanceof SamplingResult s) {
            return sampling(s);
        }
        if (record instanceof IllnessReport r) {
            return illness(r);
        }
        if (record instanceof Complaint c) {
            return complaint(c);
        }
        if (record instanceof OpinionSignal o) {
            return opinion(o);
        }
        throw new IllegalArgumentException("Unknown record " + record.getClass());
    }

    private static Signal sampling(SamplingResult s) {
        List<Signal.Finding> findings = s.failed() ? s.failedItems().stream().map(item -> {
            var critical = CriticalHazards.classify(item.item(), item.hazardClass(), s.foodCategory());
            return new Signal.Finding(item.item(), item.hazardClass(), item.result(), item.unit(), item.limit(),
                    item.standard(), critical.map(c -> c.kind().name()).orElse(null),
                    critical.map(CriticalHazards.Finding::substance).orElse(null));
        }).toList() : List.of();
        String districtKey = s.districtCode() != null ? s.districtCode() : s.districtName();
        Enterprise enterprise = s.enterprise();
        return new Signal(SignalType.SAMPLING, s.sampleId(), 1, s.sampledAt(), s.districtCode(), s.districtName(),
                s.foodCategory(), s.foodName(), s.stage(), s.agency(), s.failed(), findings,
                enterprise == null ? null : enterprise.key(districtKey),
                enterprise == null ? null : enterprise.name(), null, 1, samplingTags(s), samplingSummary(s, findings), s.reportedAt());
    }

    /**
     * The program (pass rates count only supervision sampling), the subcategory, and the hazard
     * classes the items test: the denominator of a food × hazard pass rate is the results tested
     * for that hazard, which only the items say.
     */
    private static List<String> samplingTags(SamplingResult s) {
        List<String> tags = new ArrayList<>();
        if (s.program() != null) {
            tags.add("program:" + s.program());
        }
        if (s.foodSubcategory() != null) {
            tags.add("subcategory:" + s.foodSubcategory());
        }
        if (s.items() != null) {
            s.items().stream().map(i -> i.hazardClass() == null ? "其他" : i.hazardClass()).distinct()
                    .forEach(c -> tags.add("tested:" + c));
            // Plans count 瘦肉精 tests apart (蓟州: "瘦肉精"快速检测6万份); only the item names say which they are.
            if (s.items().stream().anyMatch(i -> LeanMeatPowder.named(i.item()))) {
                tags.add(LeanMeatPowder.TESTED_TAG);
            }
        }
        return tags;
    }

    private static String samplingSummary(SamplingResult s, List<Signal.Finding> findings) {
        StringBuilder text = new StringBuilder(Objects.toString(s.foodName(), "")).append(' ').append(s.verdict());
        for (Signal.Finding finding : findings) {
            text.append(' ').append(finding.item());
            if (finding.result() != null) {
                text.append(' ').append(finding.result()).append(Objects.toString(finding.unit(), ""));
            }
        }
        if (s.enterprise() != null && s.enterprise().name() != null) {
            text.append(' ').append(s.enterprise().name());
        }
        return text.toString().strip();
    }


    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** Place types where one kitchen feeds many (DESIGN: school canteens and 集体用餐 weigh more). */
    static final List<String> MASS_EXPOSURE_PLACES = List.of("学校食堂", "集体用餐单位", "农村集体聚餐");

    private static Signal illness(IllnessReport r) {
        Signal.Place place = null;
        if (r.exposurePlace() != null) {
            IllnessReport.ExposurePlace p = r.exposurePlace();
            String districtKey = r.districtCode() != null ? r.districtCode() : r.districtName();
            String key = PlaceNames.key(districtKey, p.name(), p.type(), p.creditCode(), p.address());
            place = new Signal.Place(key, p.name(), p.type(), r.exposureAt());
        }
        List<String> tags = new ArrayList<>();
        if (Boolean.TRUE.equals(r.died())) {
            tags.add("died");
        }
        if (Boolean.TRUE.equals(r.hospitalized())) {
            tags.add("hospitalized");
        }
        // A place without a type is not a mass-exposure place (List.of(...).contains(null) throws).
        if (place != null && place.type() != null && MASS_EXPOSURE_PLACES.contains(place.type())) {
            tags.add("mass-exposure");
        }
        if (r.pathogen() != null) {
            tags.add("pathogen:" + r.pathogen());
        }
        String town = PlaceNames.canonical(r.town());
        if (town != null) {
            tags.add("town:" + town);
        }
        if (r.syndrome() != null) {
            tags.add("syndrome:" + r.syndrome());
        } else {
            // A separate tag: the per-syndrome count series stay what hospitals reported.
            String inferred = SyndromeInference.fromSymptoms(r.symptoms());
            if (inferred != null) {
                tags.add("syndrome-inferred:" + inferred);
            }
        }
        String summary = String.join("、", r.symptoms() == null ? List.of() : r.symptoms())
                + (r.suspectedFood() == null ? "" : " 可疑食品:" + r.suspectedFood())
                + (place == null || place.name() == null ? "" : " 暴露场所:" + place.name())
                + (r.pathogen() == null ? "" : " 病原:" + r.pathogen());
        return new Signal(SignalType.ILLNESS, r.caseId(), 1, r.onsetAt(), r.districtCode(), r.districtName(),
                r.foodCategory(), r.suspectedFood(), null, null, false, List.of(), null, null, place, 1, tags,
                summary.strip(), r.reportedAt());
    }

    private static Signal complaint(Complaint c) {
        String districtKey = c.districtCode() != null ? c.districtCode() : c.districtName();
        return new Signal(SignalType.COMPLAINT, c.complaintId(), 1, c.receivedAt(), c.districtCode(), c.districtName(),
                c.foodCategory(), c.foodName(), null, null, false, List.of(),
                c.enterprise() == null ? null : c.enterprise().key(districtKey),
                c.enterprise() == null ? null : c.enterprise().name(), null, 1,
                c.issueType() == null ? List.of() : List.of("issue:" + c.issueType()), abbreviate(c.text()));
    }

    private static Signal opinion(OpinionSignal o) {
        long reach = o.reach() == null ? 1 : Math.max(1, o.reach());
        return new Signal(SignalType.OPINION, o.signalId(), 1, o.publishedAt(), o.districtCode(), o.districtName(),
                o.foodCategory(), o.foodName(), null, null, false, List.of(), null, null,
                null, reach, Boolean.TRUE.equals(o.rumour()) ? List.of("rumour") : List.of(),
                o.source() + " 阅读" + reach + " " + abbreviate(o.title() != null ? o.title() : o.text()));
    }
}
