package io.leadlistener.inbox;

import io.leadlistener.errors.UnavailableException;
import java.sql.SQLException;

/** PostgreSQL could not store a message (down, unreachable, failing over): nothing was stored, the sender retries. */
public class InboxUnavailableException extends UnavailableException {

    public InboxUnavailableException(SQLException cause) {
        super("storage-unavailable", "the message could not be stored right now and was not accepted; retry shortly",
                cause);
    }

    /**
     * Whether the failure is the database's state rather than the message's: no connection (SQLSTATE class 08, or
     * none from the pool), insufficient resources (53), operator intervention such as a shutdown (57), or a
     * transaction rolled back by the server (40). A data error (22, 23, ...) is a defect, not a reason to retry.
     */
    public static boolean isUnavailability(SQLException failure) {
        if (failure instanceof java.sql.SQLTransientException || failure instanceof java.sql.SQLRecoverableException) {
            return true;
        }
        String state = failure.getSQLState();
        if (state == null) {
            // The pool's own failures (acquisition timeout, cannot connect) carry no state.
            return true;
        }
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("40");
    }
}
