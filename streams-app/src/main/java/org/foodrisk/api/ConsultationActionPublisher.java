package org.foodrisk.api;

import jakarta.inject.Singleton;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topic.TypedTopics;

/** 会商 actions posted over HTTP, to foodrisk.consultation-actions.v1 ({@link ActionTopicPublisher}). */
@Singleton
public class ConsultationActionPublisher extends ActionTopicPublisher {

    public ConsultationActionPublisher(KafkaRuntime runtime) {
        super(runtime, TypedTopics.CONSULTATION_ACTIONS, "foodrisk-http-consultation-actions");
    }
}
