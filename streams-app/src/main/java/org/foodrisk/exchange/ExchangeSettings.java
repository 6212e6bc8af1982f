package org.foodrisk.exchange;

import java.util.List;

/**
 * How this deployment takes part in 预警交流 (issue 20): the name it gives itself in what it shares
 * ({@code foodrisk.exchange.region}, default 天津市, the city the bundled plans and districts belong to), and the
 * partners whose shared alerts it reads ({@code foodrisk.exchange.partners}: the MirrorMaker 2 aliases of their
 * clusters, e.g. {@code beijing,hebei}; none by default). Partners are named, not found by a topic pattern: once any
 * source is a pattern, Kafka Streams subscribes its main consumer to one regular expression joining every source
 * topic's name unquoted (4.3.1, {@code InternalTopologyBuilder.sourceTopicPatternString}), so each dot of
 * {@code foodrisk.sampling-results.v1} matches any character, and every input of every deployment moves to pattern
 * subscription. The first CI run with a pattern source failed an unrelated test (a 核查处置 case never created); the
 * cause was not proven, the risk was not worth keeping.
 */
public record ExchangeSettings(String region, List<String> partners) {

    public ExchangeSettings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("foodrisk.exchange.region must name the region");
        }
        partners = partners == null ? List.of() : partners.stream().map(String::strip).filter(p -> !p.isEmpty())
                .distinct().toList();
        for (String partner : partners) {
            if (ExchangeTopics.originOf(ExchangeTopics.mirrored(partner)).isEmpty()) {
                throw new IllegalArgumentException("foodrisk.exchange.partners: '" + partner + "' is not a MirrorMaker"
                        + " alias (letters, digits, '-' or '_', no dot)");
            }
        }
    }

    public static ExchangeSettings defaults() {
        return new ExchangeSettings("天津市", List.of());
    }

    /** The topics MirrorMaker 2 writes the partners' shared alerts to here. */
    public List<String> mirroredTopics() {
        return partners.stream().map(ExchangeTopics::mirrored).toList();
    }
}
