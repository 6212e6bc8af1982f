package org.foodrisk.runtime;

import io.micronaut.scheduling.TaskScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * A bean's periodic work, scheduled by the bean itself and cancelled when it is destroyed.
 *
 * <p>Why not {@code @Scheduled}: Micronaut looks the bean up again at every run, and a run that falls
 * while the context is closing re-created the destroyed bean and everything it needs — seen on a demo's
 * SIGTERM (2026-12-06): SummaryPublisher's minute came, the runtime provisioned the topics again and built
 * a second Kafka Streams after the first had closed, whose clients then called the stopped broker (before
 * the lifecycle split it would have started a second broker on the same data directory). A task holding its
 * bean, cancelled in the bean's {@code @PreDestroy}, cannot outlive it.
 */
public final class RepeatingTask implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RepeatingTask.class);

    private final ScheduledFuture<?> future;

    private RepeatingTask(ScheduledFuture<?> future) {
        this.future = future;
    }

    /** Runs {@code body} after {@code initialDelay}, then {@code delay} after each run ends. */
    public static RepeatingTask start(TaskScheduler scheduler, String name, Duration initialDelay, Duration delay,
                                      Runnable body) {
        return new RepeatingTask(scheduler.scheduleWithFixedDelay(initialDelay, delay, () -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                // A scheduled executor drops a task whose run throws: log it and keep the schedule.
                LOG.error("{} failed; it runs again in {}", name, delay, e);
            }
        }));
    }

    @Override
    public void close() {
        future.cancel(false);
    }
}
