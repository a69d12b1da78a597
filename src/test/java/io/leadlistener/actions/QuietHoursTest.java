package io.leadlistener.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    @ParameterizedTest(name = "{0}–{1} at {2} (Shanghai) → {3}")
    @CsvSource({
            // overnight period
            "22:00, 08:00, 2026-12-06T23:30:00+08:00, 2026-12-07T08:00:00+08:00",
            "22:00, 08:00, 2026-12-07T03:00:00+08:00, 2026-12-07T08:00:00+08:00",
            "22:00, 08:00, 2026-12-06T22:00:00+08:00, 2026-12-07T08:00:00+08:00",
            "22:00, 08:00, 2026-12-07T08:00:00+08:00, ",
            "22:00, 08:00, 2026-12-07T12:00:00+08:00, ",
            // a period inside one day
            "12:00, 13:30, 2026-12-07T12:45:00+08:00, 2026-12-07T13:30:00+08:00",
            "12:00, 13:30, 2026-12-07T11:59:00+08:00, ",
            "12:00, 13:30, 2026-12-07T13:30:00+08:00, ",
    })
    void anAlertInsideTheQuietHoursWaitsForTheirEnd(String from, String to, String at, String end) {
        QuietHours hours = QuietHours.of(from, to, "Asia/Shanghai").orElseThrow();

        Optional<Instant> expected = end == null ? Optional.empty()
                : Optional.of(java.time.OffsetDateTime.parse(end).toInstant());
        assertThat(hours.endOf(java.time.OffsetDateTime.parse(at).toInstant())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource({
            "22:00, , Asia/Shanghai, go together",
            ", 08:00, Asia/Shanghai, go together",
            "22:00, 22:00, Asia/Shanghai, different times",
            "25:00, 08:00, Asia/Shanghai, times like",
            "22:00, 08:00, Mars/Olympus, not a time zone",
    })
    void halfOrImpossibleQuietHoursAreRefused(String from, String to, String zone, String message) {
        assertThatThrownBy(() -> QuietHours.of(from, to, zone)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void noTimesMeanNoQuietHours() {
        assertThat(QuietHours.of(null, "", "Asia/Shanghai")).isEmpty();
        assertThat(QuietHours.of("22:00", "08:00", "Asia/Shanghai").orElseThrow().label()).isEqualTo("22:00–08:00");
    }
}
