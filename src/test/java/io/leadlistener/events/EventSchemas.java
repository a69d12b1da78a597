package io.leadlistener.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a lead event, as a consumer would receive it, against the published contract: the JSON Schema of its
 * {@code type} in {@code docs/events/} and the cross-field rules a schema cannot express (subject = data.leadId =
 * partitionkey, source names data.tenant, intents sorted). For unit tests and for end-to-end tests on records read from Kafka.
 */
public final class EventSchemas {

    /** Where the published schemas live, relative to the project directory (the working directory of tests). */
    public static final Path SCHEMA_DIRECTORY = Path.of("docs", "events");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<LeadEventType, Schema> SCHEMAS = loadSchemas();

    private EventSchemas() {
    }

    /** @throws AssertionError naming every violation, when the document breaks the contract */
    public static void assertValid(String cloudEventJson) {
        List<String> errors = errors(cloudEventJson);
        if (!errors.isEmpty()) {
            throw new AssertionError("lead event violates its contract: " + errors + "\n" + cloudEventJson);
        }
    }

    /** Violations of the schema chosen by the document's {@code type}, then of the cross-field rules; empty = valid. */
    public static List<String> errors(String cloudEventJson) {
        JsonNode event = parse(cloudEventJson);
        LeadEventType type;
        try {
            type = LeadEventType.fromType(event.path("type").asText(null));
        } catch (IllegalArgumentException unknown) {
            return List.of("type " + event.path("type") + " is not a published lead event type");
        }
        return errors(type, cloudEventJson);
    }

    /** Violations of {@code type}'s schema (whatever the document's own type says), then of the cross-field rules. */
    public static List<String> errors(LeadEventType type, String cloudEventJson) {
        List<String> errors = new ArrayList<>();
        SCHEMAS.get(type).validate(cloudEventJson, InputFormat.JSON).forEach(e -> errors.add(e.toString()));
        if (errors.isEmpty()) {
            errors.addAll(crossFieldErrors(parse(cloudEventJson)));
        }
        return errors;
    }

    public static Path schemaFile(LeadEventType type) {
        return SCHEMA_DIRECTORY.resolve(type.type() + ".schema.json");
    }

    private static List<String> crossFieldErrors(JsonNode event) {
        List<String> errors = new ArrayList<>();
        JsonNode data = event.get("data");
        if (!event.get("subject").asText().equals(data.get("leadId").asText())) {
            errors.add("subject " + event.get("subject") + " differs from data.leadId " + data.get("leadId"));
        }
        if (event.has("partitionkey") && !event.get("partitionkey").asText().equals(event.get("subject").asText())) {
            errors.add("partitionkey " + event.get("partitionkey") + " differs from subject " + event.get("subject"));
        }
        String source = event.get("source").asText();
        String channel = source.substring(source.lastIndexOf('/') + 1);
        String expectedSource = CloudEventsJson.source(data.get("tenant").asText(), channel);
        if (!source.equals(expectedSource)) {
            errors.add("source " + source + " does not name data.tenant, expected " + expectedSource);
        }
        List<String> intents = new ArrayList<>();
        data.get("intents").forEach(intent -> intents.add(intent.asText()));
        if (!intents.equals(intents.stream().sorted().toList())) {
            errors.add("data.intents " + intents + " are not sorted");
        }
        return errors;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON document: " + e.getOriginalMessage() + "\n" + json, e);
        }
    }

    private static Map<LeadEventType, Schema> loadSchemas() {
        // Format assertions on: the contract's date-time and uri-reference formats are checked, not just annotated.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Map<LeadEventType, Schema> schemas = new EnumMap<>(LeadEventType.class);
        for (LeadEventType type : LeadEventType.values()) {
            schemas.put(type, registry.getSchema(read(schemaFile(type)), InputFormat.JSON));
        }
        return Map.copyOf(schemas);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath()
                    + " (tests run in the project directory)", e);
        }
    }
}
