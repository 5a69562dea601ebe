package org.openrfid.trace.service.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Failed logins per user name and per client address in a sliding window: after {@code maxFailures}
 * within {@code window} either key is refused until its oldest failure leaves the window. Bounded: at
 * most {@link #MAX_KEYS} keys are tracked (the oldest go first), so made-up user names cost no memory
 * beyond that.
 */
final class LoginThrottle {

    static final int MAX_KEYS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> failures;

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rfid.security.login-throttle: max-failures must be >= 1 and window > 0");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(window).build();
    }

    /** How long the caller must wait, when the user name or the address has failed too often. */
    Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(username, address)) {
            Deque<Instant> times = failures.getIfPresent(key);
            if (times == null) {
                continue;
            }
            synchronized (times) {
                prune(times, now);
                if (times.size() >= maxFailures) {
                    // the window reopens when enough of the oldest failures have aged out of it
                    Instant reopens = times.stream().skip(times.size() - maxFailures).findFirst().orElseThrow().plus(window);
                    Duration d = Duration.between(now, reopens);
                    if (d.compareTo(wait) > 0) {
                        wait = d;
                    }
                }
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            Deque<Instant> times = failures.get(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
            }
            failures.put(key, times); // refreshes the entry's expiry
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }

    private static String[] keys(String username, String address) {
        return username == null || username.isBlank() ? new String[] {"ip:" + address}
                : new String[] {"user:" + username.toLowerCase(java.util.Locale.ROOT), "ip:" + address};
    }
}
