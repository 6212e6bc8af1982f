package org.foodrisk.query;

import jakarta.inject.Singleton;
import org.foodrisk.communication.RiskCommunication;
import org.foodrisk.topology.StoreNames;

import java.util.Comparator;

/**
 * 消费提示 / 风险警示 drafts from the topology's store, on any number of instances ({@link DistrictRecords}): the
 * latest changed first.
 */
@Singleton
public class CommunicationReader extends DistrictRecords<RiskCommunication> {

    static final Comparator<RiskCommunication> LATEST_FIRST = Comparator.comparing(RiskCommunication::updatedAt).reversed()
            .thenComparing(RiskCommunication::communicationId);

    public CommunicationReader(StoreInstances instances) {
        super(instances, StoreNames.RISK_COMMUNICATIONS, "/api/v1/communications", "communications",
                RiskCommunication.class, RiskCommunication::districtCode, LATEST_FIRST);
    }
}
