package io.leadlistener.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.inbox.ChatContact;
import io.leadlistener.lead.routing.LeadRouter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lead rows: one per (tenant, contact), upserted in the inbox worker's transaction. */
@ApplicationScoped
public class Leads {

    private static final String UPSERT_FROM_MESSAGE = """
            insert into lead (lead_id, tenant_id, contact_kind, contact_id, channel, channel_state,
                owner_user_id, pool, routing_intent, routing_version, intent_counts, first_seen_at,
                last_seen_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
            on conflict (lead_id) do update set
                last_seen_at = greatest(lead.last_seen_at, excluded.last_seen_at),
                first_seen_at = least(lead.first_seen_at, excluded.first_seen_at),
                owner_user_id = coalesce(excluded.owner_user_id, lead.owner_user_id),
                channel_state = coalesce(lead.channel_state, excluded.channel_state),
                pool = coalesce(excluded.pool, lead.pool),
                routing_intent = coalesce(excluded.routing_intent, lead.routing_intent),
                routing_version = coalesce(excluded.routing_version, lead.routing_version),
                -- Only the message's intents are summed; the lead's other counts are kept as they are.
                intent_counts = lead.intent_counts || coalesce((
                    select jsonb_object_agg(c.key, coalesce((lead.intent_counts ->> c.key)::bigint, 0)
                                                   + c.value::bigint)
                    from jsonb_each_text(excluded.intent_counts) c), '{}'::jsonb)
            returning (xmax = 0), owner_user_id, pool, profile ->> 'name'""";

    private static final String UPSERT_FROM_CONTACT = """
            insert into lead (lead_id, tenant_id, contact_kind, contact_id, channel, channel_state,
                owner_user_id, pool, routing_intent, routing_version, first_seen_at, last_seen_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)
            on conflict (lead_id) do update set
                contact_removed_at = null,
                last_seen_at = greatest(lead.last_seen_at, excluded.last_seen_at),
                first_seen_at = least(lead.first_seen_at, excluded.first_seen_at),
                owner_user_id = coalesce(excluded.owner_user_id, lead.owner_user_id),
                channel_state = coalesce(excluded.channel_state, lead.channel_state),
                pool = coalesce(lead.pool, excluded.pool),
                routing_version = coalesce(lead.routing_version, excluded.routing_version)
            returning (xmax = 0), pool, routing_intent, routing_version""";

    private final TransactionJdbc jdbc;
    private final ObjectMapper objectMapper;

    public Leads(TransactionJdbc jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /**
     * Records that the contact was seen with these intents. Whether this call created the lead is decided by
     * PostgreSQL ({@code xmax = 0} only for the inserting statement), so two replicas processing a new contact's
     * first messages at once still create it exactly once. The conflict target is the primary key: the lead id is
     * derived from (tenant, contact), and racing inserts meet on the primary key first, which an arbiter on the
     * (tenant, contact) constraint would not absorb.
     *
     * @param receivedAt when the message's callback arrived: the lead's {@code created_at} if this creates it
     * @return whether the lead did not exist before, and its owner and pool as they are now
     */
    public MessageUpsert upsert(String leadId, String tenantId, ChatContact contact, Instant seenAt,
                                Instant receivedAt, List<String> intents, LeadRouter.Route route, long routingVersion) {
        String counts = counts(intents);
        return jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_FROM_MESSAGE)) {
                statement.setString(1, leadId);
                statement.setString(2, tenantId);
                statement.setString(3, contact.kind());
                statement.setString(4, contact.id());
                statement.setString(5, contact.channel());
                statement.setString(6, contact.state());
                statement.setString(7, contact.ownerUserId());
                statement.setString(8, route == null ? null : route.pool());
                statement.setString(9, route == null ? null : route.intent());
                TransactionJdbc.setLong(statement, 10, route == null ? null : routingVersion);
                statement.setString(11, counts);
                TransactionJdbc.setInstant(statement, 12, seenAt);
                TransactionJdbc.setInstant(statement, 13, seenAt);
                TransactionJdbc.setInstant(statement, 14, receivedAt);
                try (ResultSet lead = statement.executeQuery()) {
                    lead.next();
                    return new MessageUpsert(lead.getBoolean(1), lead.getString(2), lead.getString(3),
                            lead.getString(4));
                }
            }
        });
    }

    /**
     * The lead as a message leaves it: whether the message created it, its owner (or null), its pool, and the
     * customer's name from WeCom's profile (or null).
     */
    public record MessageUpsert(boolean created, String owner, String pool, String name) {
    }

    /** The lead as a contact event leaves it: whether the event created it, and where it is routed. */
    public record ContactUpsert(boolean created, String pool, String routingIntent, long routingVersion) {
    }

    /**
     * Records a customer-contact change (added, edited) for an external contact: creates the lead if it is new, with
     * the tenant's default pool, else updates owner and channel state and keeps the pool its messages chose. A contact
     * added again is no longer removed.
     *
     * @param receivedAt when the event's callback arrived: the lead's {@code created_at} if this creates it
     */
    public ContactUpsert upsertContact(String leadId, String tenantId, ChatContact contact, Instant seenAt,
                                       Instant receivedAt, String defaultPool, long routingVersion) {
        return jdbc.query(UPSERT_FROM_CONTACT, statement -> {
            statement.setString(1, leadId);
            statement.setString(2, tenantId);
            statement.setString(3, contact.kind());
            statement.setString(4, contact.id());
            statement.setString(5, contact.channel());
            statement.setString(6, contact.state());
            statement.setString(7, contact.ownerUserId());
            statement.setString(8, defaultPool);
            statement.setLong(9, routingVersion);
            TransactionJdbc.setInstant(statement, 10, seenAt);
            TransactionJdbc.setInstant(statement, 11, seenAt);
            TransactionJdbc.setInstant(statement, 12, receivedAt);
        }, row -> new ContactUpsert(row.getBoolean(1), row.getString(2), row.getString(3), row.getLong(4))).get(0);
    }

    /** Records that the customer deleted the salesperson (the lead stays; a later add clears this). */
    public void markContactRemoved(String leadId, Instant removedAt) {
        jdbc.update("update lead set contact_removed_at = ? where lead_id = ?", statement -> {
            TransactionJdbc.setInstant(statement, 1, removedAt);
            statement.setString(2, leadId);
        });
    }

    /** The lead's current routing, if it exists. */
    public java.util.Optional<ContactUpsert> find(String leadId) {
        return jdbc.query("select pool, routing_intent, routing_version from lead where lead_id = ?",
                statement -> statement.setString(1, leadId),
                row -> new ContactUpsert(false, row.getString(1), row.getString(2), row.getLong(3))).stream()
                .findFirst();
    }

    private String counts(List<String> intents) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        intents.forEach(intent -> counts.merge(intent, 1, Integer::sum));
        try {
            return objectMapper.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
