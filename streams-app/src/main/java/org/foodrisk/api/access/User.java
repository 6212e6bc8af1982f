package org.foodrisk.api.access;

import org.foodrisk.disposal.CaseLifecycle;

/**
 * A signed-in user of the query API and dashboard.
 *
 * @param name        the configuration name (foodrisk.users.&lt;name&gt;); recorded as {@code by} of the user's actions
 * @param role        analyst / unit / admin
 * @param unit        the unit as the plans write it (role unit), else null
 * @param district    the district code a unit member is limited to, or null for all districts
 * @param tokenSha256 the 32 bytes of the token's SHA-256
 */
public record User(String name, Role role, String unit, String district, byte[] tokenSha256) implements HashedCredential {

    /** Checks a configured user; a broken entry stops the start rather than locking the user out later. */
    public static User of(UserConfig config) {
        String where = "foodrisk.users." + config.getName();
        Role role;
        try {
            role = Role.parse(config.getRole());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ".role: " + e.getMessage());
        }
        byte[] tokenSha256 = HashedCredentials.parseSha256Hex(where, config.getTokenSha256());
        String unit = blankToNull(config.getUnit());
        String district = blankToNull(config.getDistrict());
        if (role == Role.UNIT && unit == null) {
            throw new IllegalStateException(where + ".unit is required for role unit (the unit as the plans write it)");
        }
        if (district != null && !district.matches("\\d{6}")) {
            throw new IllegalStateException(where + ".district must be a six-digit district code (120114), not '" + district + "'");
        }
        return new User(config.getName(), role, unit, district, tokenSha256);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * An admin, or a member of the food-safety office (区食安办 and its other names, as the lifecycles of alerts and
     * 核查处置 cases know them): who keeps 会商 records and approves risk communications, for any unit.
     */
    public boolean speaksForTheOffice() {
        return role == Role.ADMIN || role == Role.UNIT && unit != null && CaseLifecycle.supervising().contains(unit);
    }

    public boolean mayActOnAlerts() {
        return role == Role.UNIT || role == Role.ADMIN;
    }

    @Override
    public String toString() {
        return "User[" + name + ", " + role.word() + (unit == null ? "" : ", " + unit)
                + (district == null ? "" : ", " + district) + "]";
    }
}
