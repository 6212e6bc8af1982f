package org.foodrisk.api.access;

import io.micronaut.http.HttpStatus;
import org.foodrisk.alert.ActionTime;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What acting means for anything people act on — alerts ({@link ActionAuthority}) and 核查处置 cases
 * ({@link DisposalAuthority}): only unit members and admins act; {@code by} is the signed-in user and
 * {@code at} the server's clock whatever the body says (issue 14); a unit member acts in its own unit's name
 * only, and on records of its district when it is limited to one. What each record asks beyond that (the
 * alert's responsible units, the case's unit) stays with its authority.
 */
final class ActingMember {

    /** The body stamped for the user, or why the user may not act at all. */
    record Stamped(Map<String, Object> action, HttpStatus status, String error, String reason) {
        boolean refused() {
            return action == null;
        }
    }

    private ActingMember() {
    }

    /**
     * @param what what the user would act on, for the refusal ("alerts", "核查处置 cases")
     */
    static Stamped stamp(User user, Map<String, Object> requested, Clock clock, String what) {
        if (!user.mayActOnAlerts()) {
            return new Stamped(null, HttpStatus.FORBIDDEN, "forbidden", "role " + user.role().word()
                    + " may read " + what + " but not act on them (unit members and admins may)");
        }
        Map<String, Object> action = new LinkedHashMap<>(requested);
        action.put("by", user.name());
        action.put("at", ActionTime.format(OffsetDateTime.now(clock)));
        if (user.role() == Role.ADMIN) {
            return new Stamped(action, null, null, null);
        }
        Object named = requested.get("unit");
        if (named != null && !(named instanceof String text && text.strip().equals(user.unit()))) {
            return new Stamped(null, HttpStatus.FORBIDDEN, "forbidden", "a member of " + user.unit()
                    + " acts in the name of " + user.unit() + " only, not of " + named);
        }
        action.put("unit", user.unit());
        return new Stamped(action, null, null, null);
    }

    /** Why a member limited to a district may not act on a record of another district, if it may not. */
    static Optional<String> outsideDistrict(User user, String record, String districtCode, String districtName) {
        if (user.district() == null || user.district().equals(districtCode)) {
            return Optional.empty();
        }
        return Optional.of(record + " is of district " + districtCode + " " + districtName + "; " + user.name()
                + " acts for district " + user.district() + " only");
    }
}
