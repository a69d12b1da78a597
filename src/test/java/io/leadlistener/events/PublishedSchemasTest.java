package io.leadlistener.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema files and the catalog in docs/events are what consumers code against; they must hold together. */
class PublishedSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    @ParameterizedTest
    @EnumSource(LeadEventType.class)
    void schemaIdIsTheEventsDataschema(LeadEventType type) throws Exception {
        JsonNode schema = MAPPER.readTree(EventSchemas.read(EventSchemas.schemaFile(type)));
        assertThat(schema.get("$id").asText()).isEqualTo(type.dataschema());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("properties").get("type").get("const").asText()).isEqualTo(type.type());
        assertThat(schema.get("properties").get("dataschema").get("const").asText()).isEqualTo(type.dataschema());
    }

    @ParameterizedTest
    @EnumSource(LeadEventType.class)
    void schemaIsAValidDraft202012Schema(LeadEventType type) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(EventSchemas.read(EventSchemas.schemaFile(type)), InputFormat.JSON)).isEmpty();
    }

    @Test
    void everyExampleInTheCatalogIsAValidEvent() {
        List<JsonNode> examples = catalogExamples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(LeadEventType.values().length);
        for (JsonNode example : examples) {
            EventSchemas.assertValid(example.toString());
        }
        // An example of every type the service emits.
        assertThat(examples.stream().map(e -> e.get("type").asText()).distinct()).containsExactlyInAnyOrder(
                java.util.Arrays.stream(LeadEventType.values()).map(LeadEventType::type).toArray(String[]::new));
    }

    @Test
    void catalogLinksEverySchemaFile() {
        String catalog = EventSchemas.read(EventSchemas.SCHEMA_DIRECTORY.resolve("README.md"));
        for (LeadEventType type : LeadEventType.values()) {
            assertThat(catalog).contains("(" + EventSchemas.schemaFile(type).getFileName() + ")");
        }
    }

    /** The CloudEvents shown in docs/events/README.md ({@code ```json} blocks with a {@code specversion}). */
    static List<JsonNode> catalogExamples() {
        String catalog = EventSchemas.read(EventSchemas.SCHEMA_DIRECTORY.resolve("README.md"));
        List<JsonNode> examples = new ArrayList<>();
        Matcher block = JSON_BLOCK.matcher(catalog);
        while (block.find()) {
            try {
                JsonNode json = MAPPER.readTree(block.group(1));
                if (json.has("specversion")) {
                    examples.add(json);
                }
            } catch (Exception e) {
                throw new AssertionError("docs/events/README.md has a json block that is not JSON:\n"
                        + block.group(1), e);
            }
        }
        return examples;
    }
}
