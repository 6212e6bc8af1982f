package org.foodrisk.query;

import jakarta.inject.Singleton;
import org.foodrisk.consultation.Consultation;
import org.foodrisk.topology.StoreNames;

import java.util.Comparator;

/** 会商 records from the topology's store, on any number of instances ({@link DistrictRecords}): latest meeting first. */
@Singleton
public class ConsultationReader extends DistrictRecords<Consultation> {

    static final Comparator<Consultation> LATEST_FIRST = Comparator.comparing(Consultation::heldAt).reversed()
            .thenComparing(Consultation::consultationId);

    public ConsultationReader(StoreInstances instances) {
        super(instances, StoreNames.CONSULTATIONS, "/api/v1/consultations", "consultations", Consultation.class,
                Consultation::district, LATEST_FIRST);
    }
}
