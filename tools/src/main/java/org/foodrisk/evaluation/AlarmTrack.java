package org.foodrisk.evaluation;

import java.util.List;

/**
 * What a detector said about one series of the evaluated year: its alarms (ascending), and how many
 * points it judged or left unjudged for want of history.
 */
record AlarmTrack(List<Alarm> alarms, int evaluated, int insufficient, List<MatchedFalseAlarms.Scored> scored) {

    /** A track without evidence per point (fusion, sequential charts). */
    AlarmTrack(List<Alarm> alarms, int evaluated, int insufficient) {
        this(alarms, evaluated, insufficient, List.of());
    }

    /**
     * An alarm about the days {@code firstDay..lastDay} (one day, or the week of a weekly count),
     * known on {@code reportDay} (the day itself, or the Sunday that closes the week).
     */
    record Alarm(int firstDay, int lastDay, int reportDay) {
        boolean overlaps(int from, int to) {
            return firstDay <= to && lastDay >= from;
        }
    }

    AlarmTrack {
        alarms = List.copyOf(alarms);
        scored = List.copyOf(scored);
    }

    /** Runs of alarms on consecutive periods: what one open, deduplicated alert per key would show. */
    int episodes() {
        int episodes = 0;
        int previousLast = Integer.MIN_VALUE;
        for (Alarm alarm : alarms) {
            if (alarm.firstDay() > previousLast + 1) {
                episodes++;
            }
            previousLast = alarm.lastDay();
        }
        return episodes;
    }
}
