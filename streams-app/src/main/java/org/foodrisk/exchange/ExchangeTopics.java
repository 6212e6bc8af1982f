package org.foodrisk.exchange;

import org.foodrisk.topics.Topics;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where alerts from partner regions arrive: MirrorMaker 2's {@code DefaultReplicationPolicy} names a mirrored topic
 * {@code <source alias>.<topic>}, so a partner whose cluster is called {@code beijing} in the MirrorMaker
 * configuration sends to {@code beijing.foodrisk.alert-exchange.v1} here. The alias is the origin. Only direct
 * partners count: a topic mirrored on through a third cluster ({@code hebei.beijing.…}) is no partner's, so an
 * alert is received from the region that shared it, not passed along; an alias may not contain the policy's
 * separator (a dot) for the same reason.
 */
public final class ExchangeTopics {

    /** The name of any partner's mirrored exchange topic. */
    public static final Pattern MIRRORED = Pattern.compile("([A-Za-z0-9_-]+)\\." + Pattern.quote(Topics.ALERT_EXCHANGE));

    private ExchangeTopics() {
    }

    /** The topic a partner's shared alerts arrive on here. */
    public static String mirrored(String alias) {
        return alias + "." + Topics.ALERT_EXCHANGE;
    }

    /** The partner's alias of a mirrored exchange topic, or empty for any other topic. */
    public static Optional<String> originOf(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        Matcher matcher = MIRRORED.matcher(topic);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
