package org.foodrisk.exchange;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertAction;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One version of an alert the food-safety office marked for exchange with partner regions (京津冀 预警交流, issue 20),
 * as foodrisk.alert-exchange.v1 carries it: the alert itself, the region that sends it, and who shared it. A partner's
 * MirrorMaker 2 copies the topic to its own cluster, where it is read as {@link ReceivedAlert}s.
 *
 * @param originRegion the sending region as its people name it (天津市), configured by {@code foodrisk.exchange.region}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExchangedAlert(String originRegion, Alert alert, String sharedBy, String sharedUnit,
                             OffsetDateTime sharedAt, String note) {

    /** The exchange record of this alert version when the office has shared the alert; empty otherwise. */
    public static Optional<ExchangedAlert> of(Alert alert, String originRegion) {
        AlertAction shared = alert.handling().shared();
        if (shared == null) {
            return Optional.empty();
        }
        return Optional.of(new ExchangedAlert(originRegion, alert, shared.by(), shared.unit(), shared.at(), shared.note()));
    }
}
