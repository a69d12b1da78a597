package io.leadlistener.events;

import java.util.Set;

/**
 * Lead identity: one lead per (tenant, contact), whatever channel the contact writes through, so a customer who adds
 * a rep on WeCom and later writes through 微信客服 (same {@code external_userid} space) is one lead.
 *
 * <p>{@code leadId = uuidV5(NAMESPACE, netstrings("lead", tenant, contactKind, contactId))}, see {@link NameBasedIds}
 * and the contract's "Lead identity" table.
 */
public final class LeadIds {

    /** WeCom {@code external_userid}: customer-contact events and 微信客服 messages. */
    public static final String EXTERNAL = "external";
    /** WeCom {@code userid}: messages employees send to the app. */
    public static final String INTERNAL = "internal";
    /** The ingestion API; the contact id is {@code {channel}:{contactId}}. */
    public static final String API = "api";

    static final Set<String> CONTACT_KINDS = Set.of(EXTERNAL, INTERNAL, API);

    private LeadIds() {
    }

    /**
     * @param tenant      our tenant id
     * @param contactKind {@link #EXTERNAL}, {@link #INTERNAL} or {@link #API}
     * @param contactId   the id in that kind's space; for {@link #API} already qualified as
     *                    {@code {channel}:{contactId}}
     * @return a name-based UUID (v5) string, lower case, stable for ever for these inputs
     * @throws IllegalArgumentException for an empty input, an unknown kind, or an API contact id without its channel
     */
    public static String leadId(String tenant, String contactKind, String contactId) {
        NameBasedIds.requireText(tenant, "tenant");
        requireContact(contactKind, contactId);
        return NameBasedIds.uuid("lead", tenant, contactKind, contactId);
    }

    static void requireContact(String contactKind, String contactId) {
        if (contactKind == null || !CONTACT_KINDS.contains(contactKind)) {
            throw new IllegalArgumentException(
                    "contact kind must be one of external, internal, api but was " + contactKind);
        }
        NameBasedIds.requireText(contactId, "contact id");
        if (API.equals(contactKind)) {
            int colon = contactId.indexOf(':');
            if (colon <= 0 || colon == contactId.length() - 1) {
                throw new IllegalArgumentException(
                        "an api contact id must be {channel}:{contactId} but was " + contactId);
            }
        }
    }
}
