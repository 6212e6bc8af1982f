package org.foodrisk.api.access;

import io.micronaut.http.HttpStatus;
import org.foodrisk.disposal.DisposalCase;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * In whose name a signed-in user may act on a 核查处置 case (POST /api/v1/disposal-cases/{caseId}/actions),
 * by the same rules as {@link ActionAuthority} for alerts: {@code by} is the signed-in user and {@code at}
 * the server's clock whatever the body says; a unit member acts for its own unit only, on the cases of its
 * unit (and, when limited to one, of its district); an admin acts in the name of the unit it names (the
 * processor still checks that unit); an analyst reads only.
 */
public final class DisposalAuthority {

    /** Either the action to publish, or why not. */
    public sealed interface Verdict permits Permitted, Refused {
    }

    public record Permitted(Map<String, Object> action) implements Verdict {
    }

    public record Refused(HttpStatus status, String error, String reason) implements Verdict {
    }

    private final Set<String> supervisingUnits;
    private final Function<String, Optional<DisposalCase>> cases;
    private final Clock clock;

    public DisposalAuthority(Set<String> supervisingUnits, Function<String, Optional<DisposalCase>> cases, Clock clock) {
        this.supervisingUnits = Set.copyOf(supervisingUnits);
        this.cases = cases;
        this.clock = clock;
    }

    public Verdict authorize(User user, String caseId, Map<String, Object> requested) {
        ActingMember.Stamped stamped = ActingMember.stamp(user, requested, clock, "核查处置 cases");
        if (stamped.refused()) {
            return new Refused(stamped.status(), stamped.error(), stamped.reason());
        }
        if (user.role() == Role.ADMIN) {
            return new Permitted(stamped.action());
        }
        Optional<DisposalCase> found = cases.apply(caseId);
        if (found.isEmpty()) {
            return new Refused(HttpStatus.NOT_FOUND, "not-found", "no 核查处置 case " + caseId);
        }
        DisposalCase disposalCase = found.get();
        Optional<String> elsewhere = ActingMember.outsideDistrict(user, "case " + caseId, disposalCase.districtCode(),
                disposalCase.districtName());
        if (elsewhere.isPresent()) {
            return new Refused(HttpStatus.FORBIDDEN, "forbidden", elsewhere.get());
        }
        if (!user.unit().equals(disposalCase.unit()) && !supervisingUnits.contains(user.unit())) {
            return new Refused(HttpStatus.FORBIDDEN, "forbidden", user.unit() + " is not responsible for case "
                    + caseId + " (its unit is " + disposalCase.unit() + ")");
        }
        return new Permitted(stamped.action());
    }
}
