package org.foodrisk.api.access;

import java.util.Locale;

/** What a signed-in user of the query API and dashboard may do. */
public enum Role {
    /** 分析人员: reads everything, acts on nothing. */
    ANALYST,
    /** 责任单位人员: reads everything, acts on the alerts its unit answers for (of its district, if it has one). */
    UNIT,
    /** 管理员 (the 食安办): reads everything, acts on any alert in the name of any unit. */
    ADMIN;

    public static Role parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("role is missing (analyst | unit | admin)");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text + "' (analyst | unit | admin)");
        }
    }

    /** Whether the user runs the service: sees health details (bootstrap servers, the last failure). Not unit members. */
    public boolean seesOperationalDetails() {
        return this == ANALYST || this == ADMIN;
    }

    /** As written in configuration and in the session answer: analyst / unit / admin. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
