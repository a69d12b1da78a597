package io.leadlistener.lead.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadlistener.inbox.MessageSources;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The text of a stored message as the leads API may show it: read from the inbox row's payload while retention keeps
 * it, and only for a tenant whose lead events carry text ({@code include-message-text}), read at request time.
 */
@ApplicationScoped
class MessageTexts {

    static final String NOT_INCLUDED = "not-included";
    static final String PURGED = "purged";

    private final MessageSources sources;
    private final ObjectMapper objectMapper;

    MessageTexts(MessageSources sources, ObjectMapper objectMapper) {
        this.sources = sources;
        this.objectMapper = objectMapper;
    }

    /** @param textAbsent why {@code text} is null: {@link #NOT_INCLUDED}, {@link #PURGED}, or null when present */
    record Shown(String text, String textAbsent) {
    }

    Shown show(boolean tenantIncludesText, String source, String payload) {
        if (!tenantIncludesText) {
            return new Shown(null, NOT_INCLUDED);
        }
        if (payload == null) {
            return new Shown(null, PURGED);
        }
        return new Shown(sources.textOf(source, payload), null);
    }

    /**
     * The matched spans of a stored tagging explanation (intent, keyword, text, start, end, parts); the customer's
     * words left out when the tenant's text is not shown. Null when the row has no tagging.
     */
    JsonNode matches(String tagging, boolean tenantIncludesText) {
        if (tagging == null) {
            return null;
        }
        try {
            JsonNode matches = objectMapper.readTree(tagging).path("matches");
            if (!matches.isArray()) {
                return objectMapper.createArrayNode();
            }
            if (!tenantIncludesText) {
                for (JsonNode match : matches) {
                    ((ObjectNode) match).remove("text");
                    if (match.path("parts") instanceof ArrayNode parts) {
                        parts.forEach(part -> ((ObjectNode) part).remove("text"));
                    }
                }
            }
            return matches;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inbox_message.tagging is not JSON", e);
        }
    }

    /** How a lead's contact is named on inbox rows ({@code contact_key}), from the lead's kind and id. */
    static String contactKey(String kind, String contactId) {
        return ("internal".equals(kind) ? "user" : kind) + ":" + contactId;
    }

    /** The SQL of {@link #contactKey} over a lead row aliased {@code l}. */
    static final String CONTACT_KEY_SQL =
            "(case l.contact_kind when 'internal' then 'user' else l.contact_kind end || ':' || l.contact_id)";

    /** A stored message's id as the API names it: the source's id, else the inbox row's. */
    static String messageId(String msgId, long inboxId) {
        return msgId == null ? "inbox-" + inboxId : msgId;
    }
}
