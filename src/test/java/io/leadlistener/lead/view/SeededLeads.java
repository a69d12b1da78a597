package io.leadlistener.lead.view;

import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.InboxRows;
import java.sql.Timestamp;
import java.time.Instant;

/** Leads written straight into PostgreSQL, as the worker would leave them, for tests of reading them. */
final class SeededLeads {

    private final InboxRows db;

    SeededLeads(InboxRows db) {
        this.db = db;
    }

    /** A lead of an api contact; {@code profileName} null for a lead whose profile was never read. */
    String lead(String tenant, String contactId, String owner, String pool, String channel, String intent,
                Instant createdAt, Instant lastSeenAt, String profileName) {
        String leadId = LeadIds.leadId(tenant, "api", "api:" + contactId);
        db.update("""
                        insert into lead (lead_id, tenant_id, contact_kind, contact_id, channel, owner_user_id, pool,
                            routing_intent, routing_version, intent_counts, first_seen_at, last_seen_at, created_at,
                            profile)
                        values (?, ?, 'api', ?, ?, ?, ?, ?, 1, jsonb_build_object(?::text, 1), ?, ?, ?,
                                case when ?::text is null then null
                                     else jsonb_build_object('name', ?::text, 'followUsers',
                                          jsonb_build_array(jsonb_build_object('userId', ?::text, 'remark',
                                                            ?::text || '的客户'))) end)""",
                leadId, tenant, "api:" + contactId, channel, owner, pool, intent, intent, Timestamp.from(createdAt),
                Timestamp.from(lastSeenAt), Timestamp.from(createdAt), profileName, profileName, owner, owner);
        return leadId;
    }
}
