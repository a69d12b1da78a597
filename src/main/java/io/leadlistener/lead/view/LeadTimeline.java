package io.leadlistener.lead.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A lead's history from where each part is kept: tagged messages and contact events from the inbox (text and matched
 * spans while retention keeps them), published events from {@code lead_event_published} (which outlives the outbox),
 * actions from {@code wecom_action}. The latest {@value #MAX_ENTRIES} entries, oldest first. Must run in a
 * transaction; reads only.
 */
@ApplicationScoped
class LeadTimeline {

    static final int MAX_ENTRIES = 500;

    private static final String INBOX_ROWS = """
            select id, msg_id, source, payload, intents, tagging, rule_set_version, received_at, created_at_source,
                   change_type, outcome
            from inbox_message
            where tenant_id = ? and contact_key = ? and (cardinality(intents) > 0 or change_type is not null)
            order by id desc limit ?""";

    private static final String EVENTS = """
            select event_id, type, published_at from lead_event_published
            where lead_id = ? order by published_at desc limit ?""";

    private static final String ACTIONS = """
            select id, type, created_at, done_at, parked_at, outcome, last_error, attempts, folded_into
            from wecom_action where lead_id = ? order by seq desc limit ?""";

    private final TransactionJdbc jdbc;
    private final ObjectMapper objectMapper;
    private final MessageTexts texts;

    LeadTimeline(TransactionJdbc jdbc, ObjectMapper objectMapper, MessageTexts texts) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.texts = texts;
    }

    LeadDetail of(Tenant tenant, LeadSummary lead) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.addAll(jdbc.query(INBOX_ROWS, statement -> {
            statement.setString(1, tenant.id());
            statement.setString(2, lead.contact().key());
            statement.setInt(3, MAX_ENTRIES + 1);
        }, row -> inboxEntry(row, tenant)));
        entries.addAll(jdbc.query(EVENTS, statement -> {
            statement.setString(1, lead.leadId());
            statement.setInt(2, MAX_ENTRIES + 1);
        }, row -> TimelineEntry.event(TransactionJdbc.getInstant(row, 3), row.getString(2), row.getString(1))));
        entries.addAll(jdbc.query(ACTIONS, statement -> {
            statement.setString(1, lead.leadId());
            statement.setInt(2, MAX_ENTRIES + 1);
        }, LeadTimeline::actionEntry));
        // Oldest first; at one instant, in the order things happen: message, contact change, action, event.
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(entry -> switch (entry.kind()) {
            case "message" -> 0;
            case "contact" -> 1;
            case "action" -> 2;
            default -> 3;
        }));
        boolean truncated = entries.size() > MAX_ENTRIES;
        List<TimelineEntry> shown = truncated ? entries.subList(entries.size() - MAX_ENTRIES, entries.size())
                : entries;
        return new LeadDetail(lead, List.copyOf(shown), truncated);
    }

    private TimelineEntry inboxEntry(ResultSet row, Tenant tenant) throws SQLException {
        long inboxId = row.getLong(1);
        Instant at = TransactionJdbc.getInstant(row, 8);
        String changeType = row.getString(10);
        java.sql.Array intents = row.getArray(5);
        if (intents == null || ((String[]) intents.getArray()).length == 0) {
            return TimelineEntry.contact(at, inboxId, changeType, effect(row.getString(11)));
        }
        long version = row.getLong(7);
        Long ruleSetVersion = row.wasNull() ? null : version;
        return TimelineEntry.message(at, MessageTexts.messageId(row.getString(2), inboxId), inboxId,
                TransactionJdbc.getInstant(row, 9), texts.show(tenant.includeMessageText(), row.getString(3), row.getString(4)),
                List.of((String[]) intents.getArray()), texts.matches(row.getString(6), tenant.includeMessageText()),
                ruleSetVersion);
    }

    private static TimelineEntry actionEntry(ResultSet row) throws SQLException {
        Instant done = TransactionJdbc.getInstant(row, 4);
        Instant parked = TransactionJdbc.getInstant(row, 5);
        String status = row.getString(9) != null ? "folded" : done != null ? "done" : parked != null ? "parked"
                : "pending";
        Instant at = done != null ? done : parked != null ? parked : TransactionJdbc.getInstant(row, 3);
        return TimelineEntry.action(at, row.getString(2), row.getString(1), status, row.getString(6),
                row.getString(7), row.getInt(8));
    }

    /** What the contact event did to the lead, as the worker recorded it (created, updated, removed, none: …). */
    private String effect(String outcome) {
        if (outcome == null) {
            return null;
        }
        try {
            JsonNode lead = objectMapper.readTree(outcome).path("lead");
            return lead.isTextual() ? lead.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
