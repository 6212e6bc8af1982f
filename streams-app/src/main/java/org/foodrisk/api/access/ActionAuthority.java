package org.foodrisk.api.access;

import io.micronaut.http.HttpStatus;
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertLifecycle;


import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * In whose name a signed-in user may act on an alert (POST /api/v1/alerts/{alertId}/actions).
 * The action log is an audit trail, so {@code by} is always the signed-in user's name and
 * {@code at} the server's clock, whatever the body says (a client-set time could make a late
 * acknowledge look in time — issue 14). A unit member acts for its own unit only: the server fills in {@code unit}, and
 * refuses a body naming another unit, an alert its unit does not answer for, or — when the member
 * is limited to a district — an alert of another district. An admin acts in the name of any unit.
 * An analyst does not act.
 */
public final class ActionAuthority {

    /** Either the action to publish, or why not. */
    public sealed interface Verdict permits Permitted, Refused {
    }

    public record Permitted(Map<String, Object> action) implements Verdict {
    }

    public record Refused(HttpStatus status, String error, String reason) implements Verdict {
    }

    private final AlertLifecycle lifecycle;
    private final Function<String, Optional<Alert>> alerts;
    private final Clock clock;

    public ActionAuthority(AlertLifecycle lifecycle, Function<String, Optional<Alert>> alerts) {
        this(lifecycle, alerts, Clock.systemDefaultZone());
    }

    /**
     * @param lifecycle which units may act on an alert
     * @param alerts    the current version of an alert by id (only asked for unit members)
     * @param clock     the time every permitted action is dated with, in the zone it is written in
     */
    public ActionAuthority(AlertLifecycle lifecycle, Function<String, Optional<Alert>> alerts, Clock clock) {
        this.lifecycle = lifecycle;
        this.alerts = alerts;
        this.clock = clock;
    }

    public Verdict authorize(User user, String alertId, Map<String, Object> requested) {
        ActingMember.Stamped stamped = ActingMember.stamp(user, requested, clock, "alerts");
        if (stamped.refused()) {
            return new Refused(stamped.status(), stamped.error(), stamped.reason());
        }
        if ("share".equals(stamped.action().get("action"))) {
            return share(user, alertId, stamped.action());
        }
        if (user.role() == Role.ADMIN) {
            return new Permitted(stamped.action());
        }
        Reach reach = reach(user, alertId);
        if (reach.refused() != null) {
            return reach.refused();
        }
        Alert alert = reach.alert();
        if (!lifecycle.mayAct(alert, user.unit())) {
            return new Refused(HttpStatus.FORBIDDEN, "forbidden", user.unit() + " is not responsible for alert "
                    + alertId + " (not a lead or co-unit of its plan tasks)");
        }
        return new Permitted(stamped.action());
    }

    /** The alert a user would act on, or why not: none such (404), or another district's than the member's (403). */
    private record Reach(Alert alert, Refused refused) {
    }

    private Reach reach(User user, String alertId) {
        Optional<Alert> found = alerts.apply(alertId);
        if (found.isEmpty()) {
            return new Reach(null, new Refused(HttpStatus.NOT_FOUND, "not-found", "no alert " + alertId));
        }
        Alert alert = found.get();
        Optional<String> elsewhere = ActingMember.outsideDistrict(user, "alert " + alertId, alert.districtCode(),
                alert.districtName());
        return elsewhere.map(reason -> new Reach(null, new Refused(HttpStatus.FORBIDDEN, "forbidden", reason)))
                .orElseGet(() -> new Reach(alert, null));
    }

    /**
     * Sharing an alert with partner regions speaks for the food-safety office (京津冀 预警交流, issue 20): its members
     * (of the alert's district) or an admin; an alert is shared once, so a second share hears 409 at once instead of
     * finding a dead letter later.
     */
    private Verdict share(User user, String alertId, Map<String, Object> action) {
        if (!user.speaksForTheOffice()) {
            return new Refused(HttpStatus.FORBIDDEN, "forbidden", "only the food-safety office (区食安办) shares an alert"
                    + " with partner regions");
        }
        Reach reach = reach(user, alertId);
        if (reach.refused() != null) {
            return reach.refused();
        }
        Alert alert = reach.alert();
        if (alert.handling().hasBeenShared()) {
            return new Refused(HttpStatus.CONFLICT, "conflict", "alert " + alertId + " is already shared (by "
                    + alert.handling().shared().by() + " at " + alert.handling().shared().at() + ")");
        }
        return new Permitted(action);
    }
}
