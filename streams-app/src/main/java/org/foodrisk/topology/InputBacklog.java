package org.foodrisk.topology;

import java.util.Map;

/**
 * Whether an input task has read its partitions to their end — the difference between a quiet input
 * (nothing arrives: its clock may follow the wall clock, see {@link ArrivalClockProcessor}) and one
 * that cannot be read for a while (a broker restart, a rebalance, an overloaded machine) while records
 * wait. Ticking the wall clock in the second case closed every day up to today while records of 2024
 * still waited, and their alerts were never raised (ExactlyOnceIT beside other builds, 2026-12-06:
 * 15 count alerts missing after a broker restart).
 *
 * <p>The runtime passes one in the Kafka Streams configuration under {@link #CONFIG}, read from the
 * main consumers' lag. Without one (a TopologyTestDriver has no consumer) every partition counts as read
 * to its end, as it does in a driver.
 */
@FunctionalInterface
public interface InputBacklog {

    /** The key of the instance in the Kafka Streams configuration (an object, not a string). */
    String CONFIG = "foodrisk.input-backlog";

    /** No consumer to ask: every partition is taken as read to its end. */
    InputBacklog NONE = partition -> true;

    /** Whether partition {@code partition} of every input topic is known to be read to its end. */
    boolean caughtUp(int partition);

    static InputBacklog of(Map<String, Object> appConfigs) {
        return appConfigs.get(CONFIG) instanceof InputBacklog backlog ? backlog : NONE;
    }
}
