package io.leadlistener.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.actions.CustomerProfile;
import io.leadlistener.actions.LeadProfileSink;
import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.LeadEventData;
import io.leadlistener.lead.routing.RoutingRuleStore;
import io.leadlistener.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * Keeps WeCom's profile of a customer on its lead and announces a change as {@code lead.profile-updated.v1}, in the
 * transaction that marks the fetch done. An unchanged profile (same hash) writes and publishes nothing.
 */
@ApplicationScoped
public class LeadProfiles implements LeadProfileSink {

    private final TransactionJdbc jdbc;
    private final LeadEventWriter events;
    private final TenantDirectory tenants;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final RoutingRuleStore routing;

    public LeadProfiles(TransactionJdbc jdbc, LeadEventWriter events, TenantDirectory tenants,
                        ObjectMapper objectMapper, Clock clock, RoutingRuleStore routing) {
        this.routing = routing;
        this.jdbc = jdbc;
        this.events = events;
        this.tenants = tenants;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The lead as the profile update leaves it. */
    private record UpdatedLead(String kind, String contactId, String channel, String state, String owner, String pool,
                               String routingIntent, long routingVersion) {
    }

    @Override
    public boolean profileFetched(String tenantId, String leadId, CustomerProfile profile) {
        String hash = profile.hash();
        String json = profile.toJson();
        List<UpdatedLead> updated = jdbc.query("""
                update lead set profile = cast(? as jsonb), profile_hash = ?, profile_updated_at = now()
                where lead_id = ? and tenant_id = ? and profile_hash is distinct from ?
                returning contact_kind, contact_id, channel, channel_state, owner_user_id, pool, routing_intent,
                          coalesce(routing_version, 0)""", statement -> {
            statement.setString(1, json);
            statement.setString(2, hash);
            statement.setString(3, leadId);
            statement.setString(4, tenantId);
            statement.setString(5, hash);
        }, row -> new UpdatedLead(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getLong(8)));
        if (updated.isEmpty()) {
            return false;
        }
        UpdatedLead lead = updated.get(0);
        LeadEventData data = new LeadEventData(leadId, tenantId, tenants.require(tenantId).corpId(),
                new LeadEventData.Contact(lead.contactId(), lead.kind(), lead.state()),
                lead.owner() == null ? null : new LeadEventData.Owner(lead.owner()),
                lead.pool() != null ? lead.pool() : routing.current(tenantId).defaultPool(),
                new LeadEventData.Routing(lead.routingIntent(), lead.routingVersion()), List.of(), List.of(), null, 0)
                .withProfile(tree(json));
        events.append(LeadEvent.profileUpdated(lead.channel(), clock.instant(), data, hash));
        return true;
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
