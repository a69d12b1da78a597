package io.leadlistener.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class InboxUnavailableExceptionTest {

    @Test
    void theDatabasesStateIsUnavailabilitySoTheSenderRetries() {
        assertThat(InboxUnavailableException.isUnavailability(new SQLException("refused", "08001"))).isTrue();
        assertThat(InboxUnavailableException.isUnavailability(new SQLException("too many clients", "53300"))).isTrue();
        assertThat(InboxUnavailableException.isUnavailability(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(InboxUnavailableException.isUnavailability(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(InboxUnavailableException.isUnavailability(new SQLTransientConnectionException("pool timeout")))
                .isTrue();
        assertThat(InboxUnavailableException.isUnavailability(new SQLException("no state from the pool"))).isTrue();
    }

    @Test
    void aDataErrorIsADefectNotUnavailability() {
        assertThat(InboxUnavailableException.isUnavailability(new SQLException("bad bytes", "22021"))).isFalse();
        assertThat(InboxUnavailableException.isUnavailability(new SQLException("not null", "23502"))).isFalse();
        assertThat(InboxUnavailableException.isUnavailability(new SQLException("syntax", "42601"))).isFalse();
    }
}
