package io.leadlistener.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "9, 256", "10, 300", "50, 300"})
    void doublesFromTheInitialDelayUpToTheCap(int failedAttempts, long expectedSeconds) {
        assertThat(backoff.afterAttempt(failedAttempts)).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }

    @Test
    void refusesNonsensicalSettings() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.afterAttempt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
