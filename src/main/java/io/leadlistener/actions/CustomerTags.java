package io.leadlistener.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.events.EventIds;
import io.leadlistener.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Enqueues the corporate tags (企业客户标签) that mark an external contact with its intents — 【报价】, 【样品需求】,
 * 【代理加盟】 in the salesperson's WeCom sidebar — in the transaction that records the tagged message. Only for a
 * customer with a follow user (a 微信客服 customer has none: skipped), a tenant with a {@code contact-secret}, and each
 * intent once per customer and follow user ({@code lead_customer_tag}).
 */
@ApplicationScoped
public class CustomerTags {

    static final String TYPE = "tag";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ActionOutbox outbox;
    private final AlertSettingsStore settings;
    private final IntentLabels labels;
    private final TransactionJdbc jdbc;

    public CustomerTags(ActionOutbox outbox, AlertSettingsStore settings, IntentLabels labels, TransactionJdbc jdbc) {
        this.outbox = outbox;
        this.settings = settings;
        this.labels = labels;
        this.jdbc = jdbc;
    }

    /** Whether the tenant can mark customers at all: a 客户联系 secret (or an app granted that access, set as it). */
    public boolean marksFor(Tenant tenant) {
        return tenant.contactSecret().isPresent();
    }

    /**
     * @param externalUserId the customer's external_userid
     * @param followUser     the salesperson whose view of the customer is marked, or null (no mark)
     * @param messageId      the source message: one action per message
     * @return whether a mark was enqueued (false when every intent was marked before)
     */
    public boolean messageTagged(Tenant tenant, String leadId, String externalUserId, String followUser,
                                 String messageId, List<String> intents) {
        if (!marksFor(tenant) || followUser == null || followUser.isBlank() || intents.isEmpty()) {
            return false;
        }
        AlertSettings tenantSettings = settings.currentForTransaction(tenant.id());
        if (!tenantSettings.customerTags()) {
            return false;
        }
        String actionId = EventIds.action(TYPE, tenant.id(), messageId);
        List<String> fresh = jdbc.query("""
                insert into lead_customer_tag (lead_id, follow_user, intent, action_id)
                select ?, ?, unnest(?), ? on conflict do nothing returning intent""", statement -> {
            statement.setString(1, leadId);
            statement.setString(2, followUser);
            statement.setArray(3, statement.getConnection().createArrayOf("text", intents.toArray()));
            statement.setString(4, actionId);
        }, row -> row.getString(1));
        if (fresh.isEmpty()) {
            return false;
        }
        Map<String, String> tenantLabels = labels.forTransaction(tenant.id());
        ObjectNode payload = JSON.createObjectNode();
        payload.put("userid", followUser);
        payload.put("external_userid", externalUserId);
        payload.put("group", tenantSettings.tagGroup());
        ArrayNode tags = payload.putArray("tags");
        // In the message's intent order, so the same message always asks for the same tags.
        intents.stream().filter(fresh::contains).forEach(intent -> tags.addObject().put("intent", intent)
                .put("name", tenantSettings.tagName(intent, AlertComposer.labels(List.of(intent), tenantLabels))));
        return outbox.append(actionId, tenant.id(), leadId, TYPE, payload.toString());
    }
}
