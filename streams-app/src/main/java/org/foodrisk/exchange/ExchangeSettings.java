package org.foodrisk.exchange;

/**
 * How this deployment names itself to partner regions when it shares an alert ({@code foodrisk.exchange.region},
 * default 天津市: the city the bundled plans and districts belong to).
 */
public record ExchangeSettings(String region) {

    public ExchangeSettings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("foodrisk.exchange.region must name the region");
        }
    }

    public static ExchangeSettings defaults() {
        return new ExchangeSettings("天津市");
    }
}
