package io.leadlistener.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Session cookies on a controlled clock: expiry, forgery, and keys per replica. */
class ConsoleSessionsTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-04T08:00:00Z");
    private static final String KEY = "0123456789abcdef0123456789abcdef-shared";

    @Test
    void aCookieIsValidUntilItsLifetimeEndsAndRefusedFromThatSecondOn() {
        String cookie = sessions(KEY, SIGNED_IN).issue("sales-ops");

        assertThat(sessions(KEY, SIGNED_IN.plus(Duration.ofHours(8)).minusSeconds(1)).verify(cookie))
                .hasValueSatisfying(session -> {
                    assertThat(session.tokenName()).isEqualTo("sales-ops");
                    assertThat(session.expiresAt()).isEqualTo(SIGNED_IN.plus(Duration.ofHours(8)));
                });
        assertThat(sessions(KEY, SIGNED_IN.plus(Duration.ofHours(8))).verify(cookie)).isEmpty();
        assertThat(sessions(KEY, SIGNED_IN.plus(Duration.ofDays(30))).verify(cookie)).isEmpty();
    }

    @Test
    void aCookieWithAMovedExpiryAnotherNameOrAnotherKeyIsRefused() {
        String cookie = sessions(KEY, SIGNED_IN).issue("sales-ops");
        String[] parts = cookie.split("\\.");
        String laterExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        String otherName = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("root".getBytes())
                + "." + parts[1] + "." + parts[2];

        ConsoleSessions verifier = sessions(KEY, SIGNED_IN);
        assertThat(verifier.verify(cookie)).isPresent();
        assertThat(verifier.verify(laterExpiry)).isEmpty();
        assertThat(verifier.verify(otherName)).isEmpty();
        assertThat(verifier.verify("not-a-cookie")).isEmpty();
        assertThat(verifier.verify("")).isEmpty();
        assertThat(sessions("another-key-another-key-another-key", SIGNED_IN).verify(cookie)).isEmpty();
    }

    @Test
    void theCsrfTokenBelongsToOneSession() {
        ConsoleSessions sessions = sessions(KEY, SIGNED_IN);
        ConsoleSessions.Session first = sessions.verify(sessions.issue("sales-ops")).orElseThrow();
        ConsoleSessions later = sessions(KEY, SIGNED_IN.plusSeconds(5));
        ConsoleSessions.Session second = later.verify(later.issue("sales-ops")).orElseThrow();

        assertThat(first.csrfToken()).isNotEqualTo(second.csrfToken());
        assertThat(ConsoleSessions.csrfMatches(first, first.csrfToken())).isTrue();
        assertThat(ConsoleSessions.csrfMatches(first, second.csrfToken())).isFalse();
        assertThat(ConsoleSessions.csrfMatches(first, null)).isFalse();
    }

    private static ConsoleSessions sessions(String key, Instant now) {
        return new ConsoleSessions(new FixedConfig(Optional.of(key), Optional.empty(), Duration.ofHours(8)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A record, not an anonymous class: Quarkus' build scans test classes, and rejects anonymous validated ones. */
    private record FixedConfig(Optional<String> sessionKey, Optional<String> publicUrl, Duration sessionLifetime)
            implements ConsoleConfig {
    }
}
