package org.foodrisk.operations;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stream threads that failed and were replaced. A failing thread is replaced
 * (REPLACE_THREAD), which is right for a passing fault — a broker lost for a moment, a timeout —
 * but the replacement resumes at the last committed offset: a record that makes the processing
 * throw (a poison pill the intake did not catch) fails every replacement again, forever, while
 * Kafka Streams reports RUNNING between the failures. So the liveness check counts the failures:
 * {@value #LIMIT} or more within {@link #WINDOW} is a crash loop, and liveness goes DOWN so that
 * an operator (or an orchestrator's restart back-off) sees it instead of a healthy-looking
 * instance whose lag only grows.
 */
@Singleton
public class StreamThreadFailures {

    static final int LIMIT = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_MESSAGE = 300;

    private final Deque<Instant> recent = new ArrayDeque<>();
    private long total;
    private String lastError;
    private Instant lastAt;

    public synchronized void record(Throwable error, Instant at) {
        total++;
        lastAt = at;
        // Class and message only, shortened: the trace is in the log, and a message may quote input.
        String message = String.valueOf(error.getMessage());
        lastError = error.getClass().getName() + ": "
                + (message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message);
        recent.addLast(at);
        forgetBefore(at.minus(WINDOW));
    }

    /** True when {@value #LIMIT} or more threads failed within the {@link #WINDOW} before {@code now}. */
    public synchronized boolean crashLooping(Instant now) {
        forgetBefore(now.minus(WINDOW));
        return recent.size() >= LIMIT;
    }

    /** Every failure since start (Kafka Streams' own failed-stream-threads counts the same). */
    public synchronized long total() {
        return total;
    }

    /** For the health details: nothing when no thread has failed. */
    public synchronized Map<String, Object> details(Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (total == 0) {
            return details;
        }
        forgetBefore(now.minus(WINDOW));
        details.put("failedStreamThreads", total);
        details.put("failedWithin", WINDOW.toString());
        details.put("failedWithinCount", recent.size());
        details.put("lastFailureAt", lastAt.toString());
        details.put("lastFailure", lastError);
        return details;
    }

    private void forgetBefore(Instant start) {
        while (!recent.isEmpty() && recent.peekFirst().isBefore(start)) {
            recent.removeFirst();
        }
    }
}
