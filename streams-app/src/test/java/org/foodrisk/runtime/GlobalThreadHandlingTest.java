package org.foodrisk.runtime;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: "Processing exception handler is not enabled for the GlobalThread" was logged at every start
 * although the setting was given. The partition assignor reads its StreamsConfig from the main consumer's
 * configuration; the setting must reach that copy too.
 */
class GlobalThreadHandlingTest {

    @Test
    void theAssignorsCopyOfTheConfigurationHasTheSettingToo() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "global-handling-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        GlobalThreadHandling.configure(props);
        StreamsConfig streams = new StreamsConfig(props);
        assertTrue(streams.getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG));
        // What AssignorConfiguration builds its (warning) StreamsConfig from.
        Map<String, Object> mainConsumer = streams.getMainConsumerConfigs("global-handling-test", "client", 0);
        assertTrue(new StreamsConfig(mainConsumer).getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
                "the main consumer's configuration carries the setting: " + mainConsumer.keySet());
    }
}
