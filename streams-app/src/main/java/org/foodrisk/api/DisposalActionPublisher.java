package org.foodrisk.api;

import jakarta.inject.Singleton;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topic.TypedTopics;

/**
 * 核查处置 actions posted over HTTP, to foodrisk.disposal-actions.v1 ({@link ActionTopicPublisher}; as
 * {@link ActionPublisher} for alerts).
 */
@Singleton
public class DisposalActionPublisher extends ActionTopicPublisher {

    public DisposalActionPublisher(KafkaRuntime runtime) {
        super(runtime, TypedTopics.DISPOSAL_ACTIONS, "foodrisk-http-disposal-actions");
    }
}
