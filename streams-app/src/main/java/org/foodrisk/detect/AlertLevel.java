package org.foodrisk.detect;

/**
 * Alert levels as the plans and the national emergency scheme name them: 四级 蓝色 (lowest) to
 * 一级 红色 (highest). Declared lowest first so that {@code compareTo} orders by severity.
 */
public enum AlertLevel {
    BLUE("蓝色"),
    YELLOW("黄色"),
    ORANGE("橙色"),
    RED("红色");

    private final String levelName;

    AlertLevel(String levelName) {
        this.levelName = levelName;
    }

    public String levelName() {
        return levelName;
    }

    public AlertLevel raise() {
        return this == RED ? RED : values()[ordinal() + 1];
    }

    public static AlertLevel max(AlertLevel a, AlertLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
