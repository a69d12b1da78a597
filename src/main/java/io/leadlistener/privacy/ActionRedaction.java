package io.leadlistener.privacy;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * How a {@code wecom_action} row loses its personal data, for the retention purge and the erasure alike: payload and
 * facts redacted, the row stamped {@code text_purged_at}, and — when it was still to be sent — finished with outcome
 * {@code purged}, so WeCom never receives what is left of it (an alert without its words would only confuse the
 * salesperson, and WeCom's duplicate check no longer applies to a changed body).
 */
final class ActionRedaction {

    static final String UPDATE = """
            update wecom_action set payload = ?, facts = cast(? as jsonb), text_purged_at = now(),
                done_at = case when ? then now() else done_at end,
                outcome = case when ? then 'purged' else outcome end
            where id = ?""";

    private ActionRedaction() {
    }

    /**
     * Binds {@link #UPDATE} for one action.
     *
     * @param pending         the action was neither done nor finished (pending or parked)
     * @param stopWhenPending finish a pending action even when nothing in it changed (the erasure: nothing more is
     *                        done about an erased customer); otherwise only when its content changed
     * @return what the update does
     */
    static Result bind(PreparedStatement statement, PersonalDataRedaction redaction, String id, String payload,
                        String facts, boolean pending, boolean stopWhenPending) throws SQLException {
        String redactedPayload = redaction.actionPayload(payload);
        String redactedFacts = redaction.actionFacts(facts);
        boolean changed = !redactedPayload.equals(payload) || !Objects.equals(redactedFacts, facts);
        boolean stop = pending && (changed || stopWhenPending);
        statement.setString(1, redactedPayload);
        statement.setString(2, redactedFacts);
        statement.setBoolean(3, stop);
        statement.setBoolean(4, stop);
        statement.setString(5, id);
        return new Result(changed, stop);
    }

    /**
     * @param changed its payload or facts lost something
     * @param stopped it was still to be sent and is now finished as {@code purged}
     */
    record Result(boolean changed, boolean stopped) {
    }

    /** Binds {@link #UPDATE} to stamp an action without changing it (it could not be read). */
    static void bindUnchanged(PreparedStatement statement, String id, String payload, String facts)
            throws SQLException {
        statement.setString(1, payload);
        statement.setString(2, facts);
        statement.setBoolean(3, false);
        statement.setBoolean(4, false);
        statement.setString(5, id);
    }
}
