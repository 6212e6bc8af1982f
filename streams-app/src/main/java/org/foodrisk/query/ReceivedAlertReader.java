package org.foodrisk.query;

import jakarta.inject.Singleton;
import org.foodrisk.exchange.ReceivedAlert;
import org.foodrisk.topology.StoreNames;

import java.util.Comparator;

/**
 * Alerts received from partner regions (京津冀 预警交流, issue 20), from the topology's store on any number of
 * instances ({@link DistrictRecords}, where the "district" is the origin, the partner's alias): latest first.
 */
@Singleton
public class ReceivedAlertReader extends DistrictRecords<ReceivedAlert> {

    static final Comparator<ReceivedAlert> LATEST_FIRST = Comparator
            .comparing((ReceivedAlert r) -> r.alert().updatedAt()).reversed()
            .thenComparing(ReceivedAlert::key);

    public ReceivedAlertReader(StoreInstances instances) {
        super(instances, StoreNames.RECEIVED_ALERTS, "/api/v1/received-alerts", "receivedAlerts", ReceivedAlert.class,
                ReceivedAlert::origin, LATEST_FIRST, "origin");
    }
}
