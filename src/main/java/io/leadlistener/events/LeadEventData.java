package io.leadlistener.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The CloudEvents {@code data} of every v1 lead event (docs/events/README.md, "data").
 *
 * <p>Absence, decided once for all fields: an <em>object</em> the contract names is always present and is
 * {@code null} when unknown ({@link #owner()}, {@link #message()}); an optional <em>scalar</em> inside an object is
 * left out of the JSON when absent ({@link Contact#state()}, {@link Routing#intent()}, {@link Message#text()},
 * {@link Match#text()}). No other field is ever null.
 *
 * @param leadId         stable per (tenant, contact), see {@link LeadIds}
 * @param tenant         our tenant id
 * @param corpId         the tenant's WeCom CorpID
 * @param contact        who the lead is
 * @param owner          the employee who owns the chat; {@code null} when not known
 * @param pool           the routing target chosen by the tenant's rules
 * @param routing        why this pool
 * @param intents        stored sorted (String order) and distinct, whatever order they are given in
 * @param matches        the counting keyword matches, stored by position (start, then end; stable otherwise)
 * @param message        the source message; {@code null} for a lead created by a contact event without a message
 * @param ruleSetVersion the effective rule-set version the message was tagged with
 * @param profile        WeCom's profile of the customer, only in {@code lead.profile-updated.v1} (else null, left out)
 */
public record LeadEventData(String leadId, String tenant, String corpId, Contact contact, Owner owner, String pool,
                            Routing routing, List<String> intents, List<Match> matches, Message message,
                            long ruleSetVersion, JsonNode profile) {

    private static final Comparator<Match> BY_POSITION =
            Comparator.comparingInt(Match::start).thenComparingInt(Match::end);

    public LeadEventData {
        NameBasedIds.requireText(leadId, "leadId");
        NameBasedIds.requireText(tenant, "tenant");
        NameBasedIds.requireText(corpId, "corpId");
        Objects.requireNonNull(contact, "contact");
        NameBasedIds.requireText(pool, "pool");
        Objects.requireNonNull(routing, "routing");
        requireVersion(ruleSetVersion);
        intents = List.copyOf(new TreeSet<>(Objects.requireNonNull(intents, "intents")));
        List<Match> sorted = new ArrayList<>(Objects.requireNonNull(matches, "matches"));
        sorted.sort(BY_POSITION);
        matches = List.copyOf(sorted);
    }

    /** Data without a profile: every type but {@code lead.profile-updated.v1}. */
    public LeadEventData(String leadId, String tenant, String corpId, Contact contact, Owner owner, String pool,
                         Routing routing, List<String> intents, List<Match> matches, Message message,
                         long ruleSetVersion) {
        this(leadId, tenant, corpId, contact, owner, pool, routing, intents, matches, message, ruleSetVersion, null);
    }

    /** This data carrying WeCom's profile of the customer. */
    public LeadEventData withProfile(JsonNode customerProfile) {
        return new LeadEventData(leadId, tenant, corpId, contact, owner, pool, routing, intents, matches, message,
                ruleSetVersion, Objects.requireNonNull(customerProfile, "profile"));
    }

    /**
     * The same data as a tenant with {@code include-message-text=false} publishes it: without {@code message.text}
     * and without each {@code matches[].text} (a span can contain what the customer wrote around a keyword, e.g.
     * {@code 报💰价}). Offsets still refer to the original text.
     */
    public LeadEventData withoutMessageText() {
        return new LeadEventData(leadId, tenant, corpId, contact, owner, pool, routing, intents,
                matches.stream().map(Match::withoutText).toList(),
                message == null ? null : message.withoutText(), ruleSetVersion, profile);
    }

    /**
     * @param id    the id in the kind's space ({@code external_userid}, {@code userid}, {@code {channel}:{contactId}})
     * @param kind  {@code external}, {@code internal} or {@code api} ({@link LeadIds})
     * @param state the {@code State} of the WeCom add-contact link (campaign tag); {@code null} when none
     */
    public record Contact(String id, String kind, String state) {
        public Contact {
            LeadIds.requireContact(kind, id);
        }
    }

    /** @param userId WeCom {@code userid} of the employee who owns the chat */
    public record Owner(String userId) {
        public Owner {
            NameBasedIds.requireText(userId, "owner userId");
        }
    }

    /**
     * @param intent         the intent that chose the pool; {@code null} when the tenant's default pool was used
     * @param ruleSetVersion version of the rules that chose it
     */
    public record Routing(String intent, long ruleSetVersion) {
        public Routing {
            requireVersion(ruleSetVersion);
        }
    }

    /**
     * @param intent  the intent the keyword or combination counts towards
     * @param keyword the rule's keyword, as written in the rule; a combination's readable form ({@code 多少 … 落地})
     * @param text    the span as the customer wrote it, {@code original.substring(start, end)}; {@code null} when
     *                the tenant switched message text off
     * @param start   offset in the original text, UTF-16 code units
     * @param end     end offset, exclusive (a combination spans its first to its last part)
     * @param parts   a combination's two parts; empty for a single keyword (and then left out of the JSON)
     */
    public record Match(String intent, String keyword, String text, int start, int end, List<Part> parts) {
        public Match {
            NameBasedIds.requireText(intent, "match intent");
            NameBasedIds.requireText(keyword, "match keyword");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("match offsets must satisfy 0 <= start < end but were "
                        + start + ".." + end);
            }
            parts = parts == null ? List.of() : List.copyOf(parts);
        }

        /** A single-keyword match. */
        public Match(String intent, String keyword, String text, int start, int end) {
            this(intent, keyword, text, start, end, List.of());
        }

        Match withoutText() {
            return new Match(intent, keyword, null, start, end, parts.stream().map(Part::withoutText).toList());
        }
    }

    /**
     * One part of a combination match.
     *
     * @param text  as the customer wrote it; {@code null} when the tenant switched message text off
     * @param start offset in the original text, UTF-16 code units
     * @param end   end offset, exclusive
     */
    public record Part(String text, int start, int end) {
        public Part {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("part offsets must satisfy 0 <= start < end but were "
                        + start + ".." + end);
            }
        }

        Part withoutText() {
            return new Part(null, start, end);
        }
    }

    /**
     * @param id     the source message id (WeCom {@code MsgId}, 微信客服 {@code msgid}, or the API's message id)
     * @param sentAt when the sender sent it, as the source reports it
     * @param text   the message text; {@code null} when the tenant switched message text off
     */
    public record Message(String id, Instant sentAt, String text) {
        public Message {
            NameBasedIds.requireText(id, "message id");
            Objects.requireNonNull(sentAt, "message sentAt");
        }

        Message withoutText() {
            return new Message(id, sentAt, null);
        }
    }

    private static void requireVersion(long ruleSetVersion) {
        if (ruleSetVersion < 0) {
            throw new IllegalArgumentException("rule set version must not be negative but was " + ruleSetVersion);
        }
    }
}
