package org.foodrisk.api.access;

import java.util.HexFormat;

/** Users as application.yml configures them, for the access tests. */
final class AccessTestUsers {

    private AccessTestUsers() {
    }

    static UserConfig config(String name, String role, String unit, String district, String token) {
        UserConfig config = new UserConfig(name);
        config.setRole(role);
        config.setUnit(unit);
        config.setDistrict(district);
        config.setTokenSha256(HexFormat.of().formatHex(HashedCredentials.sha256(token)));
        return config;
    }

    static User user(String name, String role, String unit, String district) {
        return User.of(config(name, role, unit, district, "token-of-" + name));
    }

    static final User ANALYST = user("ana", "analyst", null, null);
    static final User ADMIN = user("boss", "admin", null, null);
    static final User WUQING_MARKET = user("wq-market", "unit", "区市场监管局", "120114");
    static final User ANY_DISTRICT_MARKET = user("market", "unit", "区市场监管局", null);
    static final User AGRICULTURE = user("wq-agri", "unit", "区农业农村委", "120114");
}
