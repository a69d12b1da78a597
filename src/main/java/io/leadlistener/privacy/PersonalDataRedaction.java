package io.leadlistener.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Takes what a customer wrote and who they are out of the JSON the service stores, keeping ids, types, counts, timings,
 * intents and offsets — the shapes of {@code events/CloudEventsJson}, {@code actions/CustomerProfile},
 * {@code actions/AlertComposer} and {@code actions/AlertFacts}, {@code intent/TaggingView}. Every method answers the
 * document unchanged (the same string) when there was nothing to take out, so callers can tell. Plain Jackson: no
 * database, no framework.
 */
public final class PersonalDataRedaction {

    /** What a redacted customer is called where a digest still lists the customers of a quiet period. */
    public static final String ERASED_CUSTOMER = "（已删除）";

    /** The profile keys that say nothing about the person: how WeCom knows them, and who added them when. */
    private static final Set<String> PROFILE_KEYS = Set.of("type", "source", "followUsers");
    private static final Set<String> FOLLOW_USER_KEYS = Set.of("userId", "addWay", "state", "createdAt");
    /**
     * The keys of an action's payload that only address or route it (recipients, agent, the customer's id, tag names
     * from the tenant's settings); everything else — {@code markdown}, {@code textcard}, {@code text} — is content.
     */
    private static final Set<String> ACTION_PAYLOAD_KEYS = Set.of("touser", "toparty", "agentid", "msgtype",
            "enable_duplicate_check", "duplicate_check_interval", "external_userid", "userid", "via", "group",
            "tags");
    /** An alert's facts without the customer: what it was about and how many messages it stands for. */
    private static final Set<String> ALERT_FACT_KEYS = Set.of("intents", "messages", "lookupMessageId");

    private final ObjectMapper mapper;

    public PersonalDataRedaction(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A lead event (CloudEvents JSON) without {@code data.message.text}, {@code data.matches[].text},
     * {@code data.matches[].parts[].text} and with only the non-personal keys of {@code data.profile}: what a tenant
     * with {@code include-message-text=false} would have published, and no name.
     */
    public String event(String cloudEventJson) {
        ObjectNode event = object(cloudEventJson);
        JsonNode data = event.path("data");
        boolean changed = false;
        if (data.path("message").isObject()) {
            changed |= ((ObjectNode) data.get("message")).remove("text") != null;
        }
        for (JsonNode match : data.path("matches")) {
            changed |= removeText(match);
            for (JsonNode part : match.path("parts")) {
                changed |= removeText(part);
            }
        }
        if (data.path("profile").isObject()) {
            ObjectNode profile = (ObjectNode) data.get("profile");
            ObjectNode kept = profileTree(profile);
            if (!kept.equals(profile)) {
                ((ObjectNode) data).set("profile", kept);
                changed = true;
            }
        }
        return changed ? write(event) : cloudEventJson;
    }

    /** A stored customer profile ({@code lead.profile}) with only its non-personal keys. */
    public String profile(String profileJson) {
        ObjectNode profile = object(profileJson);
        ObjectNode kept = profileTree(profile);
        return kept.equals(profile) ? profileJson : write(kept);
    }

    /**
     * A tagging explanation ({@code inbox_message.tagging}) without the spans the customer wrote: every {@code text},
     * at any depth (matches, suppressed matches, their parts). Rule keywords, cues, offsets and intents stay.
     */
    public String tagging(String taggingJson) {
        JsonNode tagging = tree(taggingJson);
        return removeTextEverywhere(tagging) ? write(tagging) : taggingJson;
    }

    /**
     * An action's request body ({@code wecom_action.payload}) with only the keys that address it: an alert loses its
     * words (customer, matched words, lines), a tag or profile action keeps everything (ids and tag names only).
     */
    public String actionPayload(String payloadJson) {
        JsonNode payload = tree(payloadJson);
        if (!payload.isObject()) {
            return payloadJson;
        }
        return retainOnly((ObjectNode) payload, ACTION_PAYLOAD_KEYS::contains) ? write(payload) : payloadJson;
    }

    /**
     * An alert's or a digest's facts ({@code wecom_action.facts}) without the customer, their lines and the words they
     * wrote; intents, counts and the looked-up message id stay. Null stays null.
     */
    public String actionFacts(String factsJson) {
        if (factsJson == null) {
            return null;
        }
        JsonNode facts = tree(factsJson);
        boolean changed = false;
        if (facts.has("customers")) { // a digest: its period, and one entry per customer
            for (JsonNode customer : facts.path("customers")) {
                changed |= redactAlertFacts((ObjectNode) customer);
            }
        } else if (facts.isObject()) {
            changed = redactAlertFacts((ObjectNode) facts);
        }
        return changed ? write(facts) : factsJson;
    }

    /**
     * A digest that still goes out for its other customers, without one customer: their entries in the facts are
     * redacted and named {@link #ERASED_CUSTOMER}, and the customer's name as it appears in the message replaced.
     *
     * @param isCustomer which {@code customer} strings (as alerts name them) are the erased contact's
     * @return the new facts and payload; the same strings when the digest did not list the customer
     */
    public Digest digestWithout(String factsJson, String payloadJson, Predicate<String> isCustomer) {
        JsonNode facts = tree(factsJson);
        String payload = payloadJson;
        boolean changed = false;
        for (JsonNode entry : facts.path("customers")) {
            String customer = entry.path("customer").asText(null);
            if (customer == null || !isCustomer.test(customer)) {
                continue;
            }
            redactAlertFacts((ObjectNode) entry);
            ((ObjectNode) entry).put("customer", ERASED_CUSTOMER);
            payload = replaceInStrings(payload, customer, ERASED_CUSTOMER);
            changed = true;
        }
        return changed ? new Digest(write(facts), payload, true) : new Digest(factsJson, payloadJson, false);
    }

    /** A digest after {@link #digestWithout}. */
    public record Digest(String facts, String payload, boolean changed) {
    }

    private boolean redactAlertFacts(ObjectNode facts) {
        boolean changed = facts.has("customer");
        facts.remove("customer");
        changed |= emptyArray(facts, "lines");
        changed |= emptyArray(facts, "matchedWords");
        Iterator<Map.Entry<String, JsonNode>> fields = facts.fields();
        while (fields.hasNext()) {
            String key = fields.next().getKey();
            if (!ALERT_FACT_KEYS.contains(key) && !key.equals("lines") && !key.equals("matchedWords")) {
                fields.remove();
                changed = true;
            }
        }
        return changed;
    }

    /** An empty array under {@code key} (records read back from the facts need the list); whether it held anything. */
    private static boolean emptyArray(ObjectNode node, String key) {
        JsonNode before = node.get(key);
        node.putArray(key);
        return before != null && !(before.isArray() && before.isEmpty());
    }

    /** The profile's non-personal keys, in their order; {@code followUsers} always there (the schema requires it). */
    private ObjectNode profileTree(ObjectNode profile) {
        ObjectNode kept = mapper.createObjectNode();
        profile.fields().forEachRemaining(field -> {
            if (field.getKey().equals("followUsers")) {
                kept.set("followUsers", followUsers(field.getValue()));
            } else if (PROFILE_KEYS.contains(field.getKey())) {
                kept.set(field.getKey(), field.getValue());
            }
        });
        if (!kept.has("followUsers")) {
            kept.putArray("followUsers");
        }
        return kept;
    }

    private ArrayNode followUsers(JsonNode users) {
        ArrayNode kept = mapper.createArrayNode();
        for (JsonNode user : users) {
            ObjectNode keptUser = kept.addObject();
            user.fields().forEachRemaining(field -> {
                if (FOLLOW_USER_KEYS.contains(field.getKey())) {
                    keptUser.set(field.getKey(), field.getValue());
                }
            });
        }
        return kept;
    }

    private static boolean retainOnly(ObjectNode node, Predicate<String> keep) {
        boolean changed = false;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            if (!keep.test(names.next())) {
                names.remove();
                changed = true;
            }
        }
        return changed;
    }

    private static boolean removeText(JsonNode node) {
        return node.isObject() && ((ObjectNode) node).remove("text") != null;
    }

    private static boolean removeTextEverywhere(JsonNode node) {
        boolean changed = removeText(node);
        for (JsonNode child : node) {
            changed |= removeTextEverywhere(child);
        }
        return changed;
    }

    /** {@code target} replaced in every string value of the JSON document (so escaping cannot hide it). */
    private String replaceInStrings(String json, String target, String replacement) {
        JsonNode root = tree(json);
        return replaceInStrings(root, target, replacement) ? write(root) : json;
    }

    private static boolean replaceInStrings(JsonNode node, String target, String replacement) {
        boolean changed = false;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && field.getValue().asText().contains(target)) {
                    field.setValue(object.textNode(field.getValue().asText().replace(target, replacement)));
                    changed = true;
                } else {
                    changed |= replaceInStrings(field.getValue(), target, replacement);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual() && element.asText().contains(target)) {
                    array.set(i, array.textNode(element.asText().replace(target, replacement)));
                    changed = true;
                } else {
                    changed |= replaceInStrings(element, target, replacement);
                }
            }
        }
        return changed;
    }

    private ObjectNode object(String json) {
        JsonNode node = tree(json);
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // Never quote the document: it is what holds the personal data.
            throw new IllegalArgumentException("stored JSON does not parse (" + e.getClass().getSimpleName() + ")");
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
