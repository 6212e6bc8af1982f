package org.foodrisk.api;

import jakarta.inject.Singleton;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topic.TypedTopics;

/** Risk communication actions posted over HTTP, to foodrisk.communication-actions.v1 ({@link ActionTopicPublisher}). */
@Singleton
public class CommunicationActionPublisher extends ActionTopicPublisher {

    public CommunicationActionPublisher(KafkaRuntime runtime) {
        super(runtime, TypedTopics.COMMUNICATION_ACTIONS, "foodrisk-http-communication-actions");
    }
}
