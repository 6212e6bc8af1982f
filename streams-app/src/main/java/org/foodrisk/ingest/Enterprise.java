package org.foodrisk.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A business named in a record: {name, creditCode, licenseNo}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Enterprise(String name, String creditCode, String licenseNo) {

    /**
     * A stable key for the business: the 统一社会信用代码 when given (it is unique), else the
     * licence number, else the name within its district.
     */
    public String key(String districtKey) {
        if (creditCode != null && !creditCode.isBlank()) {
            return "credit:" + creditCode.strip().toUpperCase();
        }
        if (licenseNo != null && !licenseNo.isBlank()) {
            return "license:" + licenseNo.strip().toUpperCase();
        }
        if (name != null && !name.isBlank()) {
            return "name:" + districtKey + ":" + name.strip();
        }
        return null;
    }
}
