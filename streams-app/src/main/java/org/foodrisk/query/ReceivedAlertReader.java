package org.foodrisk.query;

import jakarta.inject.Singleton;
import org.foodrisk.exchange.ReceivedAlert;
import org.foodrisk.topology.StoreNames;
import org.foodrisk.topology.TopologySettings;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Alerts received from partner regions (京津冀 预警交流, issue 20), from the topology's store on any number of
 * instances ({@link DistrictRecords}, where the "district" is the origin, the partner's alias): latest first. A
 * deployment with no partner configured has no such store (the topology builds it only for partners): it has
 * received nothing, which is an answer, not "not ready".
 */
@Singleton
public class ReceivedAlertReader extends DistrictRecords<ReceivedAlert> {

    static final Comparator<ReceivedAlert> LATEST_FIRST = Comparator
            .comparing((ReceivedAlert r) -> r.alert().updatedAt()).reversed()
            .thenComparing(ReceivedAlert::key);

    private final boolean hasPartners;

    public ReceivedAlertReader(StoreInstances instances, TopologySettings settings) {
        super(instances, StoreNames.RECEIVED_ALERTS, "/api/v1/received-alerts", "receivedAlerts", ReceivedAlert.class,
                ReceivedAlert::origin, LATEST_FIRST, "origin");
        this.hasPartners = !settings.exchange().partners().isEmpty();
    }

    @Override
    public List<ReceivedAlert> findAll(String origin) {
        return hasPartners ? super.findAll(origin) : List.of();
    }

    @Override
    public List<ReceivedAlert> findLocal(String origin) {
        return hasPartners ? super.findLocal(origin) : List.of();
    }

    @Override
    public Optional<ReceivedAlert> get(String id) {
        return hasPartners ? super.get(id) : Optional.empty();
    }
}
