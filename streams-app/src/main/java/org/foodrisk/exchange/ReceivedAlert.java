package org.foodrisk.exchange;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.foodrisk.alert.Alert;

import java.time.OffsetDateTime;

/**
 * An alert a partner region shared, as this region received it (foodrisk.received-alerts.v1, issue 20): the
 * exchanged alert marked with its origin — the MirrorMaker 2 alias of the partner's cluster, read from the name of
 * the topic it arrived on ({@code beijing.foodrisk.alert-exchange.v1} → {@code beijing}) rather than from anything
 * the sender wrote, so a partner cannot pass its alerts off as another's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivedAlert(String origin, String originRegion, Alert alert, String sharedBy, String sharedUnit,
                            OffsetDateTime sharedAt, String note, OffsetDateTime receivedAt) {

    /** The key of a received alert on its topic and in its store: {@code <origin>/<alertId>}. */
    public String key() {
        return keyOf(origin, alert.alertId());
    }

    public static String keyOf(String origin, String alertId) {
        return origin + "/" + alertId;
    }

    public static ReceivedAlert of(String origin, ExchangedAlert sent, OffsetDateTime receivedAt) {
        return new ReceivedAlert(origin, sent.originRegion(), sent.alert(), sent.sharedBy(), sent.sharedUnit(),
                sent.sharedAt(), sent.note(), receivedAt);
    }
}
