package org.foodrisk.api.access;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per client address: after {@value #FAILURES} within {@link #WINDOW}, that address
 * gets 429 until the oldest of them is {@link #WINDOW} old (login-failure handling, as the 等级保护
 * rules ask of a government system). Tokens are not user names, so there is no account to lock;
 * the address is what is left. Behind a reverse proxy every client has the proxy's address — the
 * throttle then guards the whole front door, which is still better than unlimited guessing. Only
 * failures count: an office signing in at nine is not slowed down, and a success does not reset
 * the count (a guesser holding one valid token could otherwise interleave it).
 */
@Singleton
public class SignInThrottle {

    static final int FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bounded memory against guesses from very many addresses: the oldest idle ones are dropped. */
    private static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** 0 when the address may try, else the whole seconds it must wait (for Retry-After). */
    public long retryAfterSeconds(String address, Instant now) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            forgetBefore(recent, now.minus(WINDOW));
            if (recent.size() < FAILURES) {
                return 0;
            }
            return Math.max(1, Duration.between(now, recent.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    public void failed(String address, Instant now) {
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    forgetBefore(recent, now.minus(WINDOW));
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            forgetBefore(recent, now.minus(WINDOW));
        }
    }

    private static void forgetBefore(Deque<Instant> recent, Instant start) {
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(start)) { // exactly WINDOW old: no longer counts
            recent.removeFirst();
        }
    }
}
