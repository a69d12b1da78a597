package io.leadlistener.actions;

import io.leadlistener.events.EventIds;
import io.leadlistener.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Enqueues the alert for a message that got intents, in the transaction that records it: to the lead's owner, in
 * WeCom, through the tenant's self-built app. A tenant without {@code app-secret} (or {@code agent-id}) enqueues
 * nothing. Leads without an owner wait for pool recipients (issue 18's next slice).
 */
@ApplicationScoped
public class LeadAlerts {

    static final String TYPE = "alert";

    private static final Logger LOG = Logger.getLogger(LeadAlerts.class);

    private final ActionOutbox outbox;

    public LeadAlerts(ActionOutbox outbox) {
        this.outbox = outbox;
    }

    /** Whether the tenant acts in WeCom at all: an app-secret and an agent-id. */
    public boolean actsFor(Tenant tenant) {
        return tenant.appSecret().isPresent() && tenant.agentId().isPresent();
    }

    /**
     * @param owner     the salesperson who owns the customer, or null
     * @param messageId the source message's id: one alert per message, whatever the redeliveries
     * @param text      the line, or null when the tenant does not allow message text
     * @return whether an alert was enqueued
     */
    public boolean messageTagged(Tenant tenant, String leadId, String owner, String customer, String messageId,
                                 List<String> intents, List<String> matchedWords, String text) {
        if (!actsFor(tenant) || intents.isEmpty()) {
            return false;
        }
        if (owner == null || owner.isBlank()) {
            LOG.debugf("No alert for lead %s of tenant %s: it has no owner yet", leadId, tenant.id());
            return false;
        }
        int agentId;
        try {
            agentId = Integer.parseInt(tenant.agentId().get().strip());
        } catch (NumberFormatException e) {
            LOG.warnf("No alert for tenant %s: agent-id '%s' is not a number", tenant.id(), tenant.agentId().get());
            return false;
        }
        String payload = AlertComposer.compose(new AlertComposer.Alert(owner, agentId, customer, intents,
                matchedWords, text)).toString();
        return outbox.append(EventIds.action(TYPE, tenant.id(), messageId), tenant.id(), leadId, TYPE, payload);
    }
}
