package io.leadlistener.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One lead event, before it is written as a CloudEvent by {@link CloudEventsJson}.
 *
 * <p>The factories derive the deterministic {@code id} ({@link EventIds}); the canonical constructor takes any id and
 * checks only the invariants every event of its type has.
 *
 * @param id      the CloudEvents {@code id}
 * @param type    the CloudEvents {@code type}
 * @param tenant  our tenant id, the first part of {@code source}
 * @param channel {@link #WECOM_APP}, {@link #WECOM_CONTACT}, {@link #WECOM_KF} or {@link #API}: the second part of
 *                {@code source}
 * @param leadId  the CloudEvents {@code subject} and the Kafka record key
 * @param time    when the source message (or contact event) was received; written with whole seconds
 * @param data    the CloudEvents {@code data}; its tenant and leadId must equal this event's
 */
public record LeadEvent(String id, LeadEventType type, String tenant, String channel, String leadId, Instant time,
                        LeadEventData data) {

    /** Messages employees send to the self-built app. */
    public static final String WECOM_APP = "wecom-app";
    /** 客户联系 (customer contact) events. */
    public static final String WECOM_CONTACT = "wecom-contact";
    /** 微信客服 (WeChat customer service) messages. */
    public static final String WECOM_KF = "wecom-kf";
    /** The authenticated ingestion API. */
    public static final String API = "api";

    public static final Set<String> CHANNELS = Set.of(WECOM_APP, WECOM_CONTACT, WECOM_KF, API);

    public LeadEvent {
        NameBasedIds.requireText(id, "id");
        Objects.requireNonNull(type, "type");
        NameBasedIds.requireText(tenant, "tenant");
        if (channel == null || !CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("channel must be one of wecom-app, wecom-contact, wecom-kf, api but was "
                    + channel);
        }
        NameBasedIds.requireText(leadId, "leadId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (!tenant.equals(data.tenant()) || !leadId.equals(data.leadId())) {
            throw new IllegalArgumentException("event tenant/leadId " + tenant + "/" + leadId
                    + " differ from data's " + data.tenant() + "/" + data.leadId());
        }
        if (type == LeadEventType.LEAD_PROFILE_UPDATED && data.profile() == null) {
            throw new IllegalArgumentException("lead.profile-updated.v1 needs a profile");
        }
        if (type == LeadEventType.LEAD_INTENT_TAGGED && (data.message() == null || data.intents().isEmpty())) {
            throw new IllegalArgumentException("lead.intent-tagged.v1 needs a message with at least one intent");
        }
    }

    /** {@code lead.created.v1}, id from (tenant, leadId). */
    public static LeadEvent leadCreated(String channel, Instant time, LeadEventData data) {
        return new LeadEvent(EventIds.leadCreated(data.tenant(), data.leadId()), LeadEventType.LEAD_CREATED,
                data.tenant(), channel, data.leadId(), time, data);
    }

    /** {@code lead.intent-tagged.v1}, id from (tenant, {@code data.message.id}, {@code data.ruleSetVersion}). */
    public static LeadEvent intentTagged(String channel, Instant time, LeadEventData data) {
        if (data.message() == null) {
            throw new IllegalArgumentException("lead.intent-tagged.v1 needs a message");
        }
        return new LeadEvent(EventIds.intentTagged(data.tenant(), data.message().id(), data.ruleSetVersion()),
                LeadEventType.LEAD_INTENT_TAGGED, data.tenant(), channel, data.leadId(), time, data);
    }

    /** {@code lead.profile-updated.v1}, id from (tenant, leadId, a hash of the profile). */
    public static LeadEvent profileUpdated(String channel, Instant time, LeadEventData data, String profileHash) {
        return new LeadEvent(EventIds.profileUpdated(data.tenant(), data.leadId(), profileHash),
                LeadEventType.LEAD_PROFILE_UPDATED, data.tenant(), channel, data.leadId(), time, data);
    }

    /** {@code lead.contact-removed.v1}, id from (tenant, leadId, the source callback's dedupe key). */
    public static LeadEvent contactRemoved(String channel, Instant time, LeadEventData data, String sourceDedupeKey) {
        return new LeadEvent(EventIds.contactRemoved(data.tenant(), data.leadId(), sourceDedupeKey),
                LeadEventType.LEAD_CONTACT_REMOVED, data.tenant(), channel, data.leadId(), time, data);
    }
}
