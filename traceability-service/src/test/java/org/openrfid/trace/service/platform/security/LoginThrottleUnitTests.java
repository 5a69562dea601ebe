package org.openrfid.trace.service.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginThrottleUnitTests {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T08:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(5), clock);

    void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void theEleventhAttemptWithinTheWindowIsRefusedUntilTheOldestFailureAgesOut() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.refusal("traffic1", "10.0.0.5")).as("attempt %d", i + 1).isEmpty();
            throttle.failed("traffic1", "10.0.0.5");
            advance(Duration.ofSeconds(10));
        }
        // ten failures from 08:00:00 to 08:01:30; the first leaves the window at 08:05:00
        assertThat(throttle.refusal("traffic1", "10.0.0.5")).contains(Duration.ofSeconds(200));
        advance(Duration.ofSeconds(200));
        assertThat(throttle.refusal("traffic1", "10.0.0.5")).isEmpty();
    }

    @Test
    void aUserNameIsThrottledFromEveryAddressAndAnAddressForEveryUserName() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("traffic1", "10.0.0." + i);
        }
        assertThat(throttle.refusal("TRAFFIC1", "10.0.0.99")).as("same user, new address, any case").isPresent();
        assertThat(throttle.refusal("lib1", "10.0.0.99")).isEmpty();
        for (int i = 0; i < 10; i++) {
            throttle.failed("guess" + i, "192.0.2.1");
        }
        assertThat(throttle.refusal("lib1", "192.0.2.1")).as("one address guessing many names").isPresent();
        assertThat(throttle.refusal(null, "192.0.2.1")).as("a bearer token from there").isPresent();
    }

    @Test
    void basicCredentialsNameTheirUser() {
        assertThat(LoginThrottleFilter.basicUsername("Basic dHJhZmZpYzE6c2VjcmV0")).isEqualTo("traffic1");
        assertThat(LoginThrottleFilter.basicUsername("Bearer abc")).isNull();
        assertThat(LoginThrottleFilter.basicUsername("Basic !!!")).isNull();
    }
}
