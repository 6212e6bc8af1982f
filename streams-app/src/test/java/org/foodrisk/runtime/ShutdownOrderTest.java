package org.foodrisk.runtime;

import io.micronaut.inject.BeanDefinition;
import org.junit.jupiter.api.Test;

import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the context closes (a context started without {@code Application.main}, which instead stops the
 * broker after the context), Micronaut destroys a bean before the beans it depends on, as its bean
 * definitions declare them: so the embedded broker stops after Kafka Streams and after the façade the
 * other Kafka clients inject only when these dependencies are declared — an {@code Optional} injection
 * would declare none.
 */
class ShutdownOrderTest {

    @Test
    void kafkaStreamsAndTheFacadeDependOnTheEmbeddedBroker() {
        assertTrue(requiredBy(FoodRiskStreams.class).contains(EmbeddedBroker.class));
        assertTrue(requiredBy(KafkaRuntime.class).contains(EmbeddedBroker.class));
        assertTrue(requiredBy(KafkaRuntime.class).contains(FoodRiskStreams.class));
    }

    @Test
    void kafkaStreamsDependsOnTheTopicsAndThePlansItStartsAfter() {
        assertTrue(requiredBy(FoodRiskStreams.class).contains(TopicBootstrap.class));
        assertTrue(requiredBy(FoodRiskStreams.class).contains(PlanPublisher.class));
    }

    /** The components the bean definition Micronaut generated for {@code bean} says it requires. */
    private static Collection<Class<?>> requiredBy(Class<?> bean) {
        try {
            Class<?> definition = Class.forName(bean.getPackageName() + ".$" + bean.getSimpleName() + "$Definition");
            var constructor = definition.getDeclaredConstructor();
            constructor.setAccessible(true);
            return ((BeanDefinition<?>) constructor.newInstance()).getRequiredComponents();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no Micronaut bean definition for " + bean, e);
        }
    }
}
