package io.leadlistener.events;

/**
 * Deterministic CloudEvents ids, so a replayed callback never yields a second logical event and consumers dedupe by
 * {@code id}; a deliberate re-tag under a new rule-set version is a new event.
 *
 * <p>{@code id = uuidV5(NAMESPACE, netstrings(<type>, tenant, ...))} with the parts listed per method, see
 * {@link NameBasedIds} for the namespace and the encoding. The type comes first, so ids of different types never
 * collide.
 */
public final class EventIds {

    private EventIds() {
    }

    /** {@code lead.created.v1}: one per lead, ever — parts {@code ("lead.created.v1", tenant, leadId)}. */
    public static String leadCreated(String tenant, String leadId) {
        return NameBasedIds.uuid(LeadEventType.LEAD_CREATED.type(),
                NameBasedIds.requireText(tenant, "tenant"), NameBasedIds.requireText(leadId, "lead id"));
    }

    /**
     * {@code lead.intent-tagged.v1}: one per (message, rule-set version) — parts
     * {@code ("lead.intent-tagged.v1", tenant, sourceMessageId, decimal ruleSetVersion)}.
     */
    public static String intentTagged(String tenant, String sourceMessageId, long ruleSetVersion) {
        if (ruleSetVersion < 0) {
            throw new IllegalArgumentException("rule set version must not be negative but was " + ruleSetVersion);
        }
        return NameBasedIds.uuid(LeadEventType.LEAD_INTENT_TAGGED.type(),
                NameBasedIds.requireText(tenant, "tenant"),
                NameBasedIds.requireText(sourceMessageId, "source message id"),
                Long.toString(ruleSetVersion));
    }

    /**
     * {@code lead.contact-removed.v1}: one per removal event — parts
     * {@code ("lead.contact-removed.v1", tenant, leadId, sourceDedupeKey)}, the dedupe key of the source callback.
     */
    public static String contactRemoved(String tenant, String leadId, String sourceDedupeKey) {
        return NameBasedIds.uuid(LeadEventType.LEAD_CONTACT_REMOVED.type(),
                NameBasedIds.requireText(tenant, "tenant"), NameBasedIds.requireText(leadId, "lead id"),
                NameBasedIds.requireText(sourceDedupeKey, "source dedupe key"));
    }

    /**
     * {@code lead.profile-updated.v1}: one per distinct profile of a lead — parts
     * {@code ("lead.profile-updated.v1", tenant, leadId, profileHash)}, so fetching an unchanged profile again (a
     * resend, another replica) names the same event.
     */
    public static String profileUpdated(String tenant, String leadId, String profileHash) {
        return NameBasedIds.uuid(LeadEventType.LEAD_PROFILE_UPDATED.type(),
                NameBasedIds.requireText(tenant, "tenant"), NameBasedIds.requireText(leadId, "lead id"),
                NameBasedIds.requireText(profileHash, "profile hash"));
    }

    /**
     * An action in WeCom (an alert now): one per (type, tenant, source message) — parts {@code ("action:" + type,
     * tenant, sourceMessageId)}, so a redelivered message enqueues nothing new.
     */
    public static String action(String type, String tenant, String sourceMessageId) {
        return NameBasedIds.uuid("action:" + NameBasedIds.requireText(type, "action type"),
                NameBasedIds.requireText(tenant, "tenant"),
                NameBasedIds.requireText(sourceMessageId, "source message id"));
    }
}
