package org.foodrisk.topology;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The watermark of a stage: the smallest arrival clock among its upstream tasks. Until every expected
 * upstream task has sent a tick there is none — a task that has not spoken yet may hold the oldest
 * records (a partition replaying a backlog). Upstream tasks beyond the expected number (partitions
 * added to the input topics) count as soon as they appear.
 */
final class Watermark {

    private Watermark() {
    }

    /**
     * @param clocks   the latest tick of each upstream task, by its partition
     * @param expected how many upstream tasks there are (the input topics' partitions)
     */
    static OptionalLong of(Map<Integer, Long> clocks, int expected) {
        int upstreams = Math.max(expected, clocks.keySet().stream().mapToInt(p -> p + 1).max().orElse(0));
        long min = Long.MAX_VALUE;
        for (int p = 0; p < upstreams; p++) {
            Long clock = clocks.get(p);
            if (clock == null) {
                return OptionalLong.empty();
            }
            min = Math.min(min, clock);
        }
        return upstreams == 0 ? OptionalLong.empty() : OptionalLong.of(min);
    }
}
