package io.leadlistener.testsupport;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the action outbox ({@code wecom_action}) from outside the application, to assert what it recorded. */
public final class WeComActionRows {

    /** One action as stored: {@code payload} is the body it sends, byte for byte; {@code type} alert, tag ... */
    public record Action(String id, long seq, String leadId, String payload, int attempts, boolean done,
                         boolean parked, String type) {
    }

    private final InboxRows db;

    public WeComActionRows(DataSource dataSource) {
        this.db = new InboxRows(dataSource);
    }

    /** Every action, in the order they were enqueued ({@code seq}). */
    public List<Action> all() {
        return db.query("""
                        select id, seq, lead_id, payload, attempts, done_at is not null as done,
                               parked_at is not null as parked, type
                        from wecom_action order by seq""").stream().map(WeComActionRows::action).toList();
    }

    public long count() {
        return db.queryLong("select count(*) from wecom_action");
    }

    public long countWhere(String condition) {
        return db.queryLong("select count(*) from wecom_action where " + condition);
    }

    private static Action action(Map<String, Object> row) {
        return new Action((String) row.get("id"), ((Number) row.get("seq")).longValue(), (String) row.get("lead_id"),
                (String) row.get("payload"), ((Number) row.get("attempts")).intValue(), (Boolean) row.get("done"),
                (Boolean) row.get("parked"), (String) row.get("type"));
    }
}
