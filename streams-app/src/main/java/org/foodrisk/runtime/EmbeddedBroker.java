package org.foodrisk.runtime;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.foodrisk.broker.LocalKraftBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The local KRaft broker, started when no cluster is configured ({@code foodrisk.bootstrap-servers}
 * empty), before any Kafka client of the service: every one of them gets its address through
 * {@link KafkaClientConfig}, which is made from this bean.
 *
 * <p>It should stop after every Kafka client of the application context. {@code Application.main}
 * asks for that with {@link #closeAfterContext()} and closes it from a shutdown hook once the context
 * has closed (issue 16). Without that request (a context started by other code) it stops when the
 * context destroys it, which is after the beans that depend on it: {@link FoodRiskStreams} and, through
 * {@link KafkaRuntime}, the service's other clients.
 */
@Singleton
@Requires(condition = EmbeddedBroker.Wanted.class)
public class EmbeddedBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final LocalKraftBroker broker;
    private volatile boolean closedAfterContext;

    EmbeddedBroker(FoodRiskSettings settings) {
        broker = LocalKraftBroker.start(Path.of(settings.dataDir(), "kafka"), settings.embeddedPort(), Duration.ofSeconds(90));
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * Leaves the broker running when the context destroys this bean, for {@link #close()} after the whole
     * context has closed (issue 16): the context destroys beans in no order the application fully
     * controls, and the broker once went before the live feed's consumer and the HTTP producers, which
     * then logged a burst of connection warnings while they closed against a stopped broker.
     */
    public void closeAfterContext() {
        this.closedAfterContext = true;
    }

    /** Stops the broker (if it is still running). */
    public void close() {
        LOG.info("Stopping the local broker");
        broker.close();
    }

    @PreDestroy
    void contextClosing() {
        if (!closedAfterContext) {
            close();
        }
    }

    /** Embedded exactly when {@link FoodRiskSettings#embedded()} says so: one rule for both. */
    public static final class Wanted implements Condition {

        @Override
        public boolean matches(ConditionContext context) {
            return context.getBean(FoodRiskSettings.class).embedded();
        }
    }
}
