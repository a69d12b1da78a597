package io.leadlistener.lead.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadlistener.intent.TaggingView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A lead as the list and the detail show it.
 *
 * @param contact          the contact as lead events name it, plus {@code key}, the form inbox rows and the erasure
 *                         use ({@code external:wm…}, {@code user:zhangsan}, {@code api:<channel>:<id>})
 * @param state            the {@code State} of the WeCom add-contact link the customer came through, or null
 * @param name             the customer's name from WeCom's profile, once read
 * @param intents          how many tagged messages carried each intent id
 * @param createdAt        when the callback that created the lead arrived
 * @param contactRemovedAt when the customer deleted the salesperson, unless added again since
 * @param lastTagged       the latest message with an intent, or null (a lead from a contact event alone)
 */
@Schema(name = "Lead")
public record LeadSummary(String leadId, Contact contact, Owner owner, String pool, String channel, String state,
                          String name, Map<String, Long> intents, Routing routing, Instant createdAt,
                          Instant firstSeenAt, Instant lastSeenAt, Instant contactRemovedAt, LastTagged lastTagged) {

    @Schema(name = "LeadContact")
    public record Contact(String id, String kind, String key) {
    }

    @Schema(name = "LeadOwner")
    public record Owner(String userId) {
    }

    /** The routing rule that chose the pool: its intent and the routing version in force. */
    @Schema(name = "LeadRouting")
    public record Routing(String intent, Long version) {
    }

    /**
     * @param messageId  the source's message id (WeCom MsgId, the caller's messageId), or {@code inbox-<id>}
     * @param text       the message, or null: see {@code textAbsent}
     * @param textAbsent why {@code text} is null: {@code not-included} (the tenant's include-message-text is off)
     *                   or {@code purged} (retention or an erasure removed it); absent when the text is there
     * @param matches    the matched spans, as in the timeline (to highlight {@code text})
     * @param at         when the message's callback arrived
     */
    @Schema(name = "LeadLastTagged")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LastTagged(String messageId, String text, @Schema(enumeration = {"not-included", "purged"})
                             String textAbsent, List<String> intents,
                             @Schema(type = SchemaType.ARRAY, implementation = TaggingView.MatchView.class)
                             JsonNode matches, Instant at) {
    }
}
