package io.leadlistener.events;

/**
 * The CloudEvents {@code type}s of lead events. A breaking change is a new {@code .vN} type next to the old one,
 * never an edit of an existing type (docs/events/README.md, "Versioning").
 */
public enum LeadEventType {

    /** The first time a (tenant, contact) becomes a lead; once per lead, ever. */
    LEAD_CREATED("lead.created.v1"),
    /** Every accepted message that carries at least one intent. */
    LEAD_INTENT_TAGGED("lead.intent-tagged.v1"),
    /** The contact was removed on WeCom ({@code del_external_contact}, {@code del_follow_user}). */
    LEAD_CONTACT_REMOVED("lead.contact-removed.v1"),
    /** WeCom's profile of the customer (name, company, follow users) was fetched and differs from the last one. */
    LEAD_PROFILE_UPDATED("lead.profile-updated.v1");

    /** Prefix of every {@code dataschema}; the schema's {@code $id} is this plus {@code <type>.json}. */
    public static final String SCHEMA_BASE_URI = "https://schemas.wecom-lead-listener.io/events/";

    private final String type;

    LeadEventType(String type) {
        this.type = type;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code lead.created.v1}. */
    public String type() {
        return type;
    }

    /**
     * The CloudEvents {@code dataschema} attribute and the {@code $id} of the JSON Schema published as
     * {@code docs/events/<type>.schema.json},
     * e.g. {@code https://schemas.wecom-lead-listener.io/events/lead.created.v1.json}.
     * An identifier to match on; it need not resolve.
     */
    public String dataschema() {
        return SCHEMA_BASE_URI + type + ".json";
    }

    /** @throws IllegalArgumentException for a type this version of the service does not know */
    public static LeadEventType fromType(String type) {
        for (LeadEventType candidate : values()) {
            if (candidate.type.equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown lead event type " + type);
    }
}
