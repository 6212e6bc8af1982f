package org.foodrisk.ingest;

import org.foodrisk.reference.CriticalHazards;

import java.util.List;

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
                enterprise == null ? null : enterprise.name(), null, 1);
    }

    private static Signal illness(IllnessReport r) {
        Signal.Place place = null;
        if (r.exposurePlace() != null) {
            IllnessReport.ExposurePlace p = r.exposurePlace();
            String districtKey = r.districtCode() != null ? r.districtCode() : r.districtName();
            String key = p.creditCode() != null ? "credit:" + p.creditCode().toUpperCase()
                    : p.name() != null ? "name:" + districtKey + ":" + p.name() : null;
            place = key == null ? null : new Signal.Place(key, p.name(), p.type());
        }
        return new Signal(SignalType.ILLNESS, r.caseId(), 1, r.onsetAt(), r.districtCode(), r.districtName(),
                r.foodCategory(), r.suspectedFood(), null, null, false, List.of(), null, null, place, 1);
    }

    private static Signal complaint(Complaint c) {
        String districtKey = c.districtCode() != null ? c.districtCode() : c.districtName();
        return new Signal(SignalType.COMPLAINT, c.complaintId(), 1, c.receivedAt(), c.districtCode(), c.districtName(),
                c.foodCategory(), c.foodName(), null, null, false, List.of(),
                c.enterprise() == null ? null : c.enterprise().key(districtKey),
                c.enterprise() == null ? null : c.enterprise().name(), null, 1);
    }

    private static Signal opinion(OpinionSignal o) {
        long reach = o.reach() == null ? 1 : Math.max(1, o.reach());
        return new Signal(SignalType.OPINION, o.signalId(), 1, o.publishedAt(), o.districtCode(), o.districtName(),
                o.foodCategory(), o.foodName(), null, null, Boolean.TRUE.equals(o.rumour()), List.of(), null, null,
                null, reach);
    }
}
