package org.foodrisk.runtime;

import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/**
 * Processing exceptions of the global thread (the plan-catalog store) go through the same handler as
 * elsewhere — Kafka 5.0's default, set now ({@code processing.exception.handler.global.enabled}).
 *
 * <p>Why twice (issue 16: Kafka warned at every start although the setting was there): Kafka Streams
 * checks the setting in every {@code StreamsConfig} it builds, and its partition assignor builds one
 * from the main consumer's configuration ({@code AssignorConfiguration}, a "quiet" StreamsConfig that
 * still warns), which carries only consumer settings and those given with the {@code main.consumer.}
 * prefix. So the setting is given once for Kafka Streams and once, prefixed, for the assignor's copy.
 */
public final class GlobalThreadHandling {

    private GlobalThreadHandling() {
    }

    public static void configure(Properties props) {
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
    }
}
