package io.leadlistener.lead.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads leads for the API: a filtered page in creation order (newest first, keyset on {@code created_seq}) or one
 * lead, each with its latest tagged message (one probe of {@code inbox_message_timeline} per lead). Must run in a
 * transaction; reads only.
 */
@ApplicationScoped
class LeadSearch {

    private static final String SELECT = """
            select l.lead_id, l.contact_kind, l.contact_id, l.owner_user_id, l.pool, l.channel, l.channel_state,
                   l.profile ->> 'name', cast(l.intent_counts as text), l.routing_intent, l.routing_version,
                   l.created_at, l.first_seen_at, l.last_seen_at, l.contact_removed_at, l.created_seq,
                   t.id, t.msg_id, t.source, t.payload, t.intents, t.received_at, t.tagging
            from lead l
            left join lateral (
                select m.id, m.msg_id, m.source, m.payload, m.intents, m.received_at, m.tagging from inbox_message m
                where m.tenant_id = l.tenant_id and m.contact_key = %s and cardinality(m.intents) > 0
                order by m.id desc limit 1) t on true
            where l.tenant_id = ?""".formatted(MessageTexts.CONTACT_KEY_SQL);

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final TransactionJdbc jdbc;
    private final ObjectMapper objectMapper;
    private final MessageTexts texts;

    LeadSearch(TransactionJdbc jdbc, ObjectMapper objectMapper, MessageTexts texts) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.texts = texts;
    }

    LeadPage page(Tenant tenant, LeadFilter filter) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant.id());
        where(sql, parameters, "(l.intent_counts -> ?) is not null", filter.intent());
        where(sql, parameters, "l.pool = ?", filter.pool());
        where(sql, parameters, "l.owner_user_id = ?", filter.owner());
        where(sql, parameters, "l.channel = ?", filter.channel());
        where(sql, parameters, "l.created_at >= ?", filter.createdFrom());
        where(sql, parameters, "l.created_at < ?", filter.createdTo());
        where(sql, parameters, "l.last_seen_at >= ?", filter.seenFrom());
        where(sql, parameters, "l.last_seen_at < ?", filter.seenTo());
        where(sql, parameters, "l.search_text like ? escape '\\'", filter.search() == null ? null
                : "%" + filter.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        where(sql, parameters, "l.created_seq < ?", filter.after());
        sql.append("\norder by l.created_seq desc limit ?");
        parameters.add(filter.limit() + 1);
        List<Row> rows = jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    Object value = parameters.get(i);
                    if (value instanceof Instant instant) {
                        TransactionJdbc.setInstant(statement, i + 1, instant);
                    } else {
                        statement.setObject(i + 1, value);
                    }
                }
                return TransactionJdbc.readAll(statement, row -> read(row, tenant));
            }
        });
        boolean more = rows.size() > filter.limit();
        List<Row> shown = more ? rows.subList(0, filter.limit()) : rows;
        return new LeadPage(shown.stream().map(Row::lead).toList(),
                more ? LeadCursor.encode(shown.get(shown.size() - 1).createdSeq()) : null);
    }

    /** The lead if it belongs to the tenant. */
    Optional<LeadSummary> find(Tenant tenant, String leadId) {
        return jdbc.query(SELECT + " and l.lead_id = ?", statement -> {
            statement.setString(1, tenant.id());
            statement.setString(2, leadId);
        }, row -> read(row, tenant).lead()).stream().findFirst();
    }

    private static void where(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            sql.append("\n  and ").append(condition);
            parameters.add(value);
        }
    }

    private record Row(LeadSummary lead, long createdSeq) {
    }

    private Row read(ResultSet row, Tenant tenant) throws SQLException {
        String kind = row.getString(2);
        String contactId = row.getString(3);
        String owner = row.getString(4);
        long version = row.getLong(11);
        Long routingVersion = row.wasNull() ? null : version;
        LeadSummary.LastTagged lastTagged = null;
        long inboxId = row.getLong(17);
        if (!row.wasNull()) {
            MessageTexts.Shown text = texts.show(tenant.includeMessageText(), row.getString(19), row.getString(20));
            lastTagged = new LeadSummary.LastTagged(MessageTexts.messageId(row.getString(18), inboxId), text.text(),
                    text.textAbsent(), List.of((String[]) row.getArray(21).getArray()),
                    texts.matches(row.getString(23), tenant.includeMessageText()), TransactionJdbc.getInstant(row, 22));
        }
        return new Row(new LeadSummary(row.getString(1),
                new LeadSummary.Contact(contactId, kind, MessageTexts.contactKey(kind, contactId)),
                owner == null ? null : new LeadSummary.Owner(owner), row.getString(5), row.getString(6),
                row.getString(7), row.getString(8), counts(row.getString(9)),
                new LeadSummary.Routing(row.getString(10), routingVersion), TransactionJdbc.getInstant(row, 12), TransactionJdbc.getInstant(row, 13),
                TransactionJdbc.getInstant(row, 14), TransactionJdbc.getInstant(row, 15), lastTagged), row.getLong(16));
    }

    private Map<String, Long> counts(String json) {
        try {
            return objectMapper.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lead.intent_counts is not a JSON object of counts", e);
        }
    }
}
