package io.leadlistener.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes a {@link LeadEvent} as a CloudEvents 1.0 JSON document for structured mode
 * (<a href="https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md">
 * JSON event format</a>): the Kafka record value alone carries the whole event.
 *
 * <p>The document is built field by field, so its field order is fixed (envelope: {@code specversion, id, source,
 * type, subject, time, datacontenttype, dataschema, partitionkey, data}; data in the order of {@link LeadEventData}) and the same
 * event always yields the same bytes, whatever the mapper's configuration. Times are RFC 3339 in UTC with whole
 * seconds ({@code 2026-11-23T08:00:00Z}): WeCom reports send times in seconds, and one fixed shape is easier to
 * consume than a varying number of fraction digits. Absent values follow {@link LeadEventData}'s rule.
 */
public final class CloudEventsJson {

    public static final String SPEC_VERSION = "1.0";
    /** {@code datacontenttype}: the {@code data} member is a JSON value. */
    public static final String DATA_CONTENT_TYPE = "application/json";
    /**
     * The <a href="https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/extensions/partitioning.md">
     * partitioning extension</a> attribute: the leadId, the same value as the Kafka record key and {@code subject}.
     */
    public static final String PARTITION_KEY = "partitionkey";

    private static final String PARTITION_KEY_MEMBER = "\"" + PARTITION_KEY + "\":";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    /** @param mapper any Jackson mapper (the application's); indentation is switched off for the output */
    public CloudEventsJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.writer = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    /** The compact JSON document, UTF-8 when encoded as the contract's content type says. */
    public String toJson(LeadEvent event) {
        try {
            return writer.writeValueAsString(toTree(event));
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serializes; this would be a Jackson bug.
            throw new UncheckedIOException(e);
        }
    }

    /** The same document as a tree, for callers that embed it. */
    public ObjectNode toTree(LeadEvent event) {
        ObjectNode root = mapper.createObjectNode();
        root.put("specversion", SPEC_VERSION);
        root.put("id", event.id());
        root.put("source", source(event.tenant(), event.channel()));
        root.put("type", event.type().type());
        root.put("subject", event.leadId());
        root.put("time", rfc3339(event.time()));
        root.put("datacontenttype", DATA_CONTENT_TYPE);
        root.put("dataschema", event.type().dataschema());
        root.put(PARTITION_KEY, event.leadId());
        root.set("data", data(event.data()));
        return root;
    }

    /**
     * {@code payload} with the {@link #PARTITION_KEY} extension set to {@code partitionKey}, for events written to the
     * outbox before the service set it (a rolling upgrade, a parked event replayed later): every record the relay
     * publishes carries it. A document that has it is returned as it is, and so is one that is not a JSON object.
     */
    public String withPartitionKey(String payload, String partitionKey) {
        // Outside JSON strings every quote is escaped, so this sequence is a member name wherever it occurs.
        if (payload.contains(PARTITION_KEY_MEMBER)) {
            return payload;
        }
        JsonNode document;
        try {
            document = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            return payload;
        }
        if (!(document instanceof ObjectNode event)) {
            return payload;
        }
        // Before data, where toTree puts it, so an upgraded event has the same bytes as a new one.
        JsonNode data = event.remove("data");
        event.put(PARTITION_KEY, partitionKey);
        if (data != null) {
            event.set("data", data);
        }
        try {
            return writer.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode data(LeadEventData data) {
        ObjectNode node = mapper.createObjectNode();
        node.put("leadId", data.leadId());
        node.put("tenant", data.tenant());
        node.put("corpId", data.corpId());

        ObjectNode contact = node.putObject("contact");
        contact.put("id", data.contact().id());
        contact.put("kind", data.contact().kind());
        putIfPresent(contact, "state", data.contact().state());

        if (data.owner() == null) {
            node.putNull("owner");
        } else {
            node.putObject("owner").put("userId", data.owner().userId());
        }

        node.put("pool", data.pool());

        ObjectNode routing = node.putObject("routing");
        putIfPresent(routing, "intent", data.routing().intent());
        routing.put("ruleSetVersion", data.routing().ruleSetVersion());

        ArrayNode intents = node.putArray("intents");
        data.intents().forEach(intents::add);

        ArrayNode matches = node.putArray("matches");
        for (LeadEventData.Match match : data.matches()) {
            ObjectNode m = matches.addObject();
            m.put("intent", match.intent());
            m.put("keyword", match.keyword());
            putIfPresent(m, "text", match.text());
            m.put("start", match.start());
            m.put("end", match.end());
            if (!match.parts().isEmpty()) {
                ArrayNode parts = m.putArray("parts");
                for (LeadEventData.Part part : match.parts()) {
                    ObjectNode p = parts.addObject();
                    putIfPresent(p, "text", part.text());
                    p.put("start", part.start());
                    p.put("end", part.end());
                }
            }
        }

        if (data.message() == null) {
            node.putNull("message");
        } else {
            ObjectNode message = node.putObject("message");
            message.put("id", data.message().id());
            message.put("sentAt", rfc3339(data.message().sentAt()));
            putIfPresent(message, "text", data.message().text());
        }

        node.put("ruleSetVersion", data.ruleSetVersion());
        if (data.profile() != null) {
            node.set("profile", data.profile());
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** RFC 3339, UTC, whole seconds: {@code 2026-11-23T08:00:00Z}. */
    static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * {@code /tenants/{tenant}/{channel}}, the tenant percent-encoded as one RFC 3986 path segment (only unreserved
     * characters stay as they are), since tenant ids are configuration keys and not restricted to URI characters.
     */
    static String source(String tenant, String channel) {
        return "/tenants/" + pathSegment(tenant) + "/" + channel;
    }

    private static String pathSegment(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }
}
