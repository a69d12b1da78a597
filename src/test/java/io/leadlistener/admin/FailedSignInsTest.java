package io.leadlistener.admin;

import static io.leadlistener.admin.FailedSignIns.Door.ADMIN_API;
import static io.leadlistener.admin.FailedSignIns.Door.CONSOLE_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FailedSignIns failures = new FailedSignIns(3, Duration.ofMinutes(1), 100, registry, clock);

    @Test
    void an_address_waits_after_its_failures_until_the_window_ends() {
        failures.failed(ADMIN_API, "10.0.0.1");
        failures.failed(ADMIN_API, "10.0.0.1");
        assertThat(failures.throttled(ADMIN_API, "10.0.0.1")).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        failures.failed(CONSOLE_LOGIN, "10.0.0.1");

        assertThat(failures.throttled(ADMIN_API, "10.0.0.1")).contains(Duration.ofSeconds(40));
        assertThat(failures.throttled(CONSOLE_LOGIN, "10.0.0.1")).as("every door of the address").isPresent();
        assertThat(failures.throttled(ADMIN_API, "10.0.0.2")).as("another address").isEmpty();
        clock.advance(Duration.ofSeconds(40));
        assertThat(failures.throttled(ADMIN_API, "10.0.0.1")).isEmpty();
    }

    @Test
    void a_new_window_starts_with_the_first_failure_after_the_last_one_ended() {
        failures.failed(ADMIN_API, "10.0.0.1");
        failures.failed(ADMIN_API, "10.0.0.1");
        clock.advance(Duration.ofSeconds(61));
        failures.failed(ADMIN_API, "10.0.0.1");
        failures.failed(ADMIN_API, "10.0.0.1");
        assertThat(failures.throttled(ADMIN_API, "10.0.0.1")).isEmpty();
    }

    @Test
    void a_credential_is_limited_apart_from_addresses() {
        for (int i = 0; i < 3; i++) {
            failures.failedByCredential(ADMIN_API, "ops");
        }
        assertThat(failures.throttledCredential(ADMIN_API, "ops")).contains(Duration.ofMinutes(1));
        assertThat(failures.throttled(ADMIN_API, "ops")).as("not an address").isEmpty();
        assertThat(failures.throttledCredential(ADMIN_API, "sales")).isEmpty();
    }

    @Test
    void failures_and_refusals_are_counted_per_door_from_zero() {
        assertThat(registry.counter("leadlistener.auth.failures", "door", "ingestion-api").count()).isZero();
        for (int i = 0; i < 3; i++) {
            failures.failed(CONSOLE_LOGIN, "10.0.0.9");
        }
        failures.throttled(CONSOLE_LOGIN, "10.0.0.9");
        failures.throttled(CONSOLE_LOGIN, "10.0.0.9");
        assertThat(registry.counter("leadlistener.auth.failures", "door", "console-login").count()).isEqualTo(3);
        assertThat(registry.counter("leadlistener.auth.throttled", "door", "console-login").count()).isEqualTo(2);
    }

    @Test
    void a_spray_from_many_addresses_is_tracked_only_up_to_the_bound() {
        for (int i = 0; i < 150; i++) {
            failures.failed(ADMIN_API, "10.1.0." + i);
            failures.failed(ADMIN_API, "10.1.0." + i);
            failures.failed(ADMIN_API, "10.1.0." + i);
        }
        assertThat(failures.throttled(ADMIN_API, "10.1.0.99")).isPresent();
        assertThat(failures.throttled(ADMIN_API, "10.1.0.100")).as("beyond the bound: not tracked").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 3; i++) {
            failures.failed(ADMIN_API, "10.2.0.1");
        }
        assertThat(failures.throttled(ADMIN_API, "10.2.0.1")).as("ended windows make room").isPresent();
    }
}
