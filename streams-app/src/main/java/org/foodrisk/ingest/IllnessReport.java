package org.foodrisk.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A foodborne-illness case report on foodrisk.illness-reports.v1, after normalization. {@code town}
 * (街道/镇, optional, added to the contract) places a case without a common exposure place in the
 * space–time scan.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IllnessReport(
        String caseId,
        String reportingUnit,
        String districtCode,
        String districtName,
        OffsetDateTime onsetAt,
        OffsetDateTime reportedAt,
        Integer age,
        String sex,
        List<String> symptoms,
        String syndrome,
        String suspectedFood,
        String foodCategory,
        ExposurePlace exposurePlace,
        OffsetDateTime exposureAt,
        String pathogen,
        Boolean hospitalized,
        Boolean died,
        String town) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExposurePlace(String name, String type, String creditCode, String address) {
    }
}
