package io.leadlistener.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.events.EventIds;
import io.leadlistener.events.LeadEvent;
import io.leadlistener.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Enqueues the fetch of a WeCom customer's profile (name, company, follow users and their remarks) so that the lead
 * fills itself in: when a lead of an external contact is created, and when an employee adds the customer (the follow
 * users changed). A 微信客服 customer is read with the kf secret ({@code kf/customer/batchget}) — they have no follow
 * relationship, so {@code externalcontact/get} would answer 84061; everyone else with the 客户联系 secret.
 */
@ApplicationScoped
public class CustomerProfiles {

    static final String TYPE = "profile";
    static final String VIA_CONTACT = "externalcontact";
    static final String VIA_KF = "kf";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ActionOutbox outbox;

    public CustomerProfiles(ActionOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param channel the channel the lead came from ({@link LeadEvent#WECOM_KF} reads the 微信客服 profile)
     * @param trigger what calls for the fetch, unique per occasion ("created", or the contact event's key): one fetch
     *                per occasion, whatever the redeliveries
     * @return whether a fetch was enqueued
     */
    public boolean fetch(Tenant tenant, String leadId, String externalUserId, String channel, String trigger) {
        Optional<String> via = via(tenant, channel);
        if (via.isEmpty()) {
            return false;
        }
        String payload = JSON.createObjectNode().put("external_userid", externalUserId).put("via", via.get())
                .toString();
        return outbox.append(EventIds.action(TYPE, tenant.id(), leadId + "|" + trigger), tenant.id(), leadId, TYPE,
                payload);
    }

    /** Which API can read the customer, given the tenant's secrets; empty when none can. */
    static Optional<String> via(Tenant tenant, String channel) {
        if (LeadEvent.WECOM_KF.equals(channel)) {
            return tenant.kfSecret().map(secret -> VIA_KF);
        }
        return tenant.contactSecret().map(secret -> VIA_CONTACT);
    }
}
