package org.foodrisk.api.access;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One user of the query API and dashboard as configured under {@code foodrisk.users.<name>}: the
 * hex SHA-256 of the token (never the token), the role, and for a unit member the unit as the
 * plans write it and optionally the district code it is limited to.
 */
@EachProperty("foodrisk.users")
public class UserConfig extends CredentialConfig {

    private String role;
    private String unit;
    private String district;

    public UserConfig(@Parameter String name) {
        super(name);
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    /** The unit as written in the plans (区市场监管局 …); required for role unit. */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    /** A district code (120114): limits a unit member to the alerts of that district. */
    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }
}
