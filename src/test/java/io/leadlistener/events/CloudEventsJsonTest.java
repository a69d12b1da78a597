package io.leadlistener.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadlistener.events.LeadEventData.Contact;
import io.leadlistener.events.LeadEventData.Match;
import io.leadlistener.events.LeadEventData.Message;
import io.leadlistener.events.LeadEventData.Owner;
import io.leadlistener.events.LeadEventData.Routing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final CloudEventsJson cloudEvents = new CloudEventsJson(MAPPER);

    @Test
    void writesTheContractsEnvelopeAndDataInAFixedOrder() {
        assertThat(cloudEvents.toJson(LeadEventSamples.leadCreatedByMessage())).isEqualTo("""
                {"specversion":"1.0","id":"dac4195e-e541-5a4a-a17e-4f4e1f37fe82","source":"/tenants/demo/wecom-kf",\
                "type":"lead.created.v1","subject":"da6b5e89-5ece-5203-883d-e76fda0fcb36",\
                "time":"2026-11-23T08:00:01Z","datacontenttype":"application/json",\
                "dataschema":"https://schemas.wecom-lead-listener.io/events/lead.created.v1.json",\
                "partitionkey":"da6b5e89-5ece-5203-883d-e76fda0fcb36",\
                "data":{"leadId":"da6b5e89-5ece-5203-883d-e76fda0fcb36","tenant":"demo","corpId":"wx5823bf96d3bd56c7",\
                "contact":{"id":"wmEAAAexample0001","kind":"external","state":"expo2026"},\
                "owner":{"userId":"zhangsan"},"pool":"sample-desk","routing":{"intent":"sample","ruleSetVersion":12},\
                "intents":["quote","sample"],\
                "matches":[{"intent":"quote","keyword":"报价","text":"报价","start":3,"end":5},\
                {"intent":"sample","keyword":"样品","text":"样品","start":10,"end":12}],\
                "message":{"id":"7300000000000000001","sentAt":"2026-11-23T08:00:00Z",\
                "text":"能给个报价吗？也想要样品"},\
                "ruleSetVersion":12}}""");
    }

    @ParameterizedTest
    @MethodSource("producedEvents")
    void thePartitionKeyIsTheLeadIdLikeTheRecordKeyAndTheSubject(LeadEvent event) {
        JsonNode json = tree(event);
        assertThat(json.get("partitionkey").asText()).isEqualTo(event.leadId())
                .isEqualTo(LeadEventTransport.recordKey(event)).isEqualTo(json.get("subject").asText());
    }

    @Test
    void anEventWrittenBeforeThePartitionKeyGetsItBeforeDataAndThenTheBytesOfANewOne() throws Exception {
        LeadEvent event = LeadEventSamples.intentTagged();
        ObjectNode legacy = tree(event);
        legacy.remove("partitionkey");
        String upgraded = cloudEvents.withPartitionKey(legacy.toString(), event.leadId());
        assertThat(upgraded).isEqualTo(cloudEvents.toJson(event));
        // A document that has it (every one written now) is left exactly as it is; so is one that is not JSON.
        assertThat(cloudEvents.withPartitionKey(cloudEvents.toJson(event), "another"))
                .isEqualTo(cloudEvents.toJson(event));
        assertThat(cloudEvents.withPartitionKey("not json", event.leadId())).isEqualTo("not json");
        // A customer who writes the member name into a message does not fool the check.
        LeadEventData sly = new LeadEventData(event.leadId(), "demo", "wx1", new Contact("wm1", LeadIds.EXTERNAL,
                null), null, "desk", new Routing("quote", 3), List.of("quote"),
                List.of(new Match("quote", "报价", "报价", 0, 2)),
                new Message("m1", Instant.EPOCH, "报价 \"partitionkey\":\"x\""), 3);
        ObjectNode slyLegacy = tree(LeadEvent.intentTagged(LeadEvent.WECOM_APP, Instant.EPOCH, sly));
        slyLegacy.remove("partitionkey");
        assertThat(slyLegacy.toString()).contains("partitionkey");
        assertThat(MAPPER.readTree(cloudEvents.withPartitionKey(slyLegacy.toString(), event.leadId())).get("partitionkey")
                .asText()).isEqualTo(event.leadId());
    }

    static Stream<LeadEvent> producedEvents() {
        return Stream.concat(LeadEventSamples.all().stream(), Stream.of(apiLeadOfAnOddlyNamedTenant(),
                employeeMessageThroughTheApp(), combinationMatch(true), combinationMatch(false)));
    }

    @Test
    void aCombinationMatchCarriesItsPartsAndDropsTheirTextWithTheMessageText() throws Exception {
        JsonNode match = MAPPER.readTree(cloudEvents.toJson(combinationMatch(true))).at("/data/matches/0");
        assertThat(match.toString()).isEqualTo("{\"intent\":\"quote\",\"keyword\":\"@how-much … @spend\","
                + "\"text\":\"花多少\",\"start\":2,\"end\":5,\"parts\":[{\"text\":\"花\",\"start\":2,\"end\":3},"
                + "{\"text\":\"多少\",\"start\":3,\"end\":5}]}");
        JsonNode withoutText = MAPPER.readTree(cloudEvents.toJson(combinationMatch(false)))
                .at("/data/matches/0");
        assertThat(withoutText.toString()).isEqualTo("{\"intent\":\"quote\",\"keyword\":\"@how-much … @spend\","
                + "\"start\":2,\"end\":5,\"parts\":[{\"start\":2,\"end\":3},{\"start\":3,\"end\":5}]}");
        assertThat(MAPPER.readTree(cloudEvents.toJson(combinationMatch(true))).at("/data/matches/1").has("parts")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("producedEvents")
    void everyProducedEventValidatesAgainstItsPublishedSchema(LeadEvent event) {
        EventSchemas.assertValid(cloudEvents.toJson(event));
    }

    @Test
    void theCatalogShowsExactlyWhatIsProduced() {
        List<JsonNode> examples = PublishedSchemasTest.catalogExamples();
        for (LeadEvent event : LeadEventSamples.all()) {
            assertThat(examples).as("docs/events/README.md shows %s", event.type().type())
                    .contains(tree(event));
        }
    }

    @Test
    void contactEventLeadHasANullMessageAndOwnerAndNoOtherNull() {
        JsonNode event = tree(LeadEventSamples.leadCreatedByContactEvent());
        JsonNode data = event.get("data");
        assertThat(data.has("message")).isTrue();
        assertThat(data.get("message").isNull()).isTrue();
        assertThat(data.get("owner").isNull()).isTrue();
        assertThat(data.get("intents")).isEmpty();
        assertThat(data.get("matches")).isEmpty();
        assertThat(data.get("routing").has("intent")).as("default pool: no intent chose it").isFalse();
        assertThat(data.get("contact").has("state")).isFalse();
        assertThat(nullPaths(event, "")).containsExactlyInAnyOrder("/data/owner", "/data/message");
    }

    @Test
    void aTaggedMessageHasNoNullAnywhere() {
        assertThat(nullPaths(tree(LeadEventSamples.intentTagged()), "")).isEmpty();
    }

    @Test
    void switchedOffMessageTextLeavesNoCustomerTextButKeepsOffsets() {
        JsonNode data = tree(LeadEventSamples.intentTaggedWithoutText()).get("data");
        assertThat(data.get("message").has("text")).isFalse();
        assertThat(data.get("message").get("id").asText()).isEqualTo(LeadEventSamples.MESSAGE_ID);
        for (JsonNode match : data.get("matches")) {
            assertThat(match.has("text")).isFalse();
            assertThat(match.has("start")).isTrue();
            assertThat(match.has("end")).isTrue();
        }
        assertThat(data.toString()).doesNotContain(LeadEventSamples.TEXT);
    }

    @Test
    void switchingTextOffDoesNotChangeTheEventId() {
        assertThat(LeadEventSamples.intentTaggedWithoutText().id()).isEqualTo(LeadEventSamples.intentTagged().id());
    }

    @Test
    void timesAreRfc3339UtcWithWholeSeconds() {
        JsonNode event = tree(LeadEventSamples.intentTagged());
        assertThat(event.get("time").asText()).isEqualTo("2026-11-23T08:00:01Z"); // received at 08:00:01.250
        assertThat(event.get("data").get("message").get("sentAt").asText()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(CloudEventsJson.rfc3339(Instant.parse("2026-01-02T03:04:05.999999999Z")))
                .isEqualTo("2026-01-02T03:04:05Z");
        assertThat(CloudEventsJson.rfc3339(Instant.parse("2026-01-02T00:00:00Z"))).isEqualTo("2026-01-02T00:00:00Z");
    }

    @Test
    void sameEventGivesTheSameBytesWhateverTheMapperConfiguration() {
        ObjectMapper fancy = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
        LeadEvent event = LeadEventSamples.intentTagged();
        assertThat(new CloudEventsJson(fancy).toJson(event)).isEqualTo(cloudEvents.toJson(event))
                .isEqualTo(cloudEvents.toJson(LeadEventSamples.intentTagged()));
    }

    @Test
    void sourceNamesTenantAndChannelWithTheTenantPercentEncoded() {
        assertThat(tree(LeadEventSamples.intentTagged()).get("source").asText()).isEqualTo("/tenants/demo/wecom-kf");
        assertThat(tree(apiLeadOfAnOddlyNamedTenant()).get("source").asText())
                .isEqualTo("/tenants/acme%20shop%2Fcn%E5%BA%97_~.-/api");
    }

    @Test
    void intentsAreSortedAndDistinctAndMatchesByPosition() {
        LeadEventData data = new LeadEventData("da6b5e89-5ece-5203-883d-e76fda0fcb36", "demo", "wx1",
                new Contact("wm1", LeadIds.EXTERNAL, null), null, "desk", new Routing("quote", 3),
                List.of("sample", "quote", "sample", "Quote"),
                List.of(new Match("sample", "样品", "样品", 7, 9), new Match("quote", "报价", "报价", 0, 2),
                        new Match("quote", "价格", "价格", 0, 2)),
                new Message("m1", Instant.EPOCH, "报价要样品吗样品"), 3);
        JsonNode json = tree(LeadEvent.intentTagged(LeadEvent.WECOM_APP, Instant.EPOCH, data)).get("data");
        assertThat(json.get("intents").toString()).isEqualTo("[\"Quote\",\"quote\",\"sample\"]");
        assertThat(json.get("matches").findValuesAsText("keyword")).containsExactly("报价", "价格", "样品");
    }

    @Test
    void structuredModeIsDeclaredByTheContentTypeHeader() {
        assertThat(LeadEventTransport.CONTENT_TYPE_HEADER).isEqualTo("content-type");
        assertThat(LeadEventTransport.CONTENT_TYPE).isEqualTo("application/cloudevents+json; charset=UTF-8");
        assertThat(LeadEventTransport.TOPIC_DEFAULT).isEqualTo("crm.lead-events");
        assertThat(LeadEventTransport.recordKey(LeadEventSamples.intentTagged()))
                .isEqualTo(tree(LeadEventSamples.intentTagged()).get("subject").asText());
    }

    // ---- the schemas can fail: documents that break the contract -----------------------------------------------

    static Stream<Arguments> brokenDocuments() {
        LeadEvent created = LeadEventSamples.leadCreatedByMessage();
        LeadEvent createdByContact = LeadEventSamples.leadCreatedByContactEvent();
        LeadEvent tagged = LeadEventSamples.intentTagged();
        return Stream.of(
                broken("missing id", "required property 'id'", created, e -> e.remove("id")),
                broken("unknown type", "not a published lead event type", created,
                        e -> e.put("type", "lead.created.v2")),
                broken("type of another schema", "/dataschema", created, e -> e.put("type", "lead.intent-tagged.v1")),
                broken("wrong specversion", "/specversion", tagged, e -> e.put("specversion", "0.3")),
                broken("id not a UUID", "/id", tagged, e -> e.put("id", "42")),
                broken("source without tenant", "/source", tagged, e -> e.put("source", "/wecom-kf")),
                broken("unknown channel", "/source", tagged, e -> e.put("source", "/tenants/demo/wechat")),
                broken("fractional seconds", "/time", tagged, e -> e.put("time", "2026-11-23T08:00:01.250Z")),
                broken("not a date", "RFC 3339", tagged, e -> e.put("time", "2026-13-45T08:00:01Z")),
                broken("another schema's dataschema", "/dataschema", tagged,
                        e -> e.put("dataschema", LeadEventType.LEAD_CREATED.dataschema())),
                broken("missing data", "required property 'data'", tagged, e -> e.remove("data")),
                broken("missing data.leadId", "required property 'leadId'", tagged, e -> data(e).remove("leadId")),
                broken("missing data.message", "required property 'message'", createdByContact,
                        e -> data(e).remove("message")),
                broken("tagged without message", "/data/message", tagged, e -> data(e).putNull("message")),
                broken("tagged without intents", "/data/intents", tagged, e -> data(e).putArray("intents")),
                broken("owner without userId", "/data/owner", tagged, e -> data(e).putObject("owner")),
                broken("unknown contact kind", "/data/contact/kind", tagged,
                        e -> ((ObjectNode) data(e).get("contact")).put("kind", "wechat")),
                broken("duplicate intents", "unique", tagged, e -> ((ArrayNode) data(e).get("intents")).add("sample")),
                broken("negative offset", "/data/matches/0/start", tagged,
                        e -> ((ObjectNode) data(e).get("matches").get(0)).put("start", -1)),
                broken("string rule-set version", "/data/ruleSetVersion", tagged,
                        e -> data(e).put("ruleSetVersion", "12")),
                broken("subject is not data.leadId", "differs from data.leadId", tagged,
                        e -> e.put("subject", "e0b43204-1520-57c6-bf45-70bb16368c0b")),
                broken("source names another tenant", "does not name data.tenant", tagged,
                        e -> e.put("source", "/tenants/other/wecom-kf")),
                broken("unsorted intents", "not sorted", tagged,
                        e -> data(e).putArray("intents").add("sample").add("quote")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void documentsThatBreakTheContractFailValidation(String what, String expectedError, String json) {
        assertThat(EventSchemas.errors(json)).as(what).isNotEmpty()
                .anySatisfy(error -> assertThat(error).contains(expectedError));
        assertThatThrownBy(() -> EventSchemas.assertValid(json)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(expectedError);
    }

    @Test
    void aDocumentCheckedAgainstAnotherTypesSchemaFails() {
        String created = cloudEvents.toJson(LeadEventSamples.leadCreatedByMessage());
        assertThat(EventSchemas.errors(LeadEventType.LEAD_CREATED, created)).isEmpty();
        assertThat(EventSchemas.errors(LeadEventType.LEAD_INTENT_TAGGED, created))
                .anySatisfy(error -> assertThat(error).contains("/type"));
        String renamed = created.replace("\"type\":\"lead.created.v1\"", "\"type\":\"lead.updated.v1\"");
        assertThat(EventSchemas.errors(LeadEventType.LEAD_CREATED, renamed))
                .anySatisfy(error -> assertThat(error).contains("/type"));
    }

    @Test
    void consumersMayReceiveAdditionalPropertiesWithoutFailing() {
        ObjectNode event = tree(LeadEventSamples.intentTagged());
        event.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        data(event).put("language", "zh-CN");
        ((ObjectNode) data(event).get("message")).put("type", "text");
        EventSchemas.assertValid(event.toString());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static Arguments broken(String what, String expectedError, LeadEvent valid, Consumer<ObjectNode> breakIt) {
        ObjectNode event = new CloudEventsJson(MAPPER).toTree(valid);
        assertThat(EventSchemas.errors(event.toString())).as("valid before breaking: " + what).isEmpty();
        breakIt.accept(event);
        return Arguments.of(what, expectedError, event.toString());
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private ObjectNode tree(LeadEvent event) {
        try {
            return (ObjectNode) MAPPER.readTree(cloudEvents.toJson(event));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> nullPaths(JsonNode node, String path) {
        List<String> nulls = new ArrayList<>();
        if (node.isNull()) {
            nulls.add(path);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                nulls.addAll(nullPaths(field.getValue(), path + "/" + field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nulls.addAll(nullPaths(node.get(i), path + "/" + i));
            }
        }
        return nulls;
    }

    private static LeadEvent apiLeadOfAnOddlyNamedTenant() {
        String tenant = "acme shop/cn店_~.-";
        String contact = "shop:customer-7";
        LeadEventData data = new LeadEventData(LeadIds.leadId(tenant, LeadIds.API, contact), tenant, "wwacme",
                new Contact(contact, LeadIds.API, null), null, "quote-desk", new Routing("quote", 1),
                List.of("quote"), List.of(new Match("quote", "price", "PRICE", 8, 13)),
                new Message("shop:msg-1", Instant.parse("2026-11-23T08:00:00Z"), "What is PRICE of 😀 x?"), 1);
        return LeadEvent.intentTagged(LeadEvent.API, Instant.parse("2026-11-23T08:00:00.5Z"), data);
    }

    private static LeadEvent combinationMatch(boolean withText) {
        LeadEventData data = new LeadEventData(LeadIds.leadId("demo", LeadIds.INTERNAL, "lisi"), "demo",
                LeadEventSamples.CORP_ID, new Contact("lisi", LeadIds.INTERNAL, null), new Owner("lisi"),
                "quote-desk", new Routing("quote", 12), List.of("quote"),
                List.of(new Match("quote", "@how-much … @spend", "花多少", 2, 5,
                                List.of(new LeadEventData.Part("花", 2, 3), new LeadEventData.Part("多少", 3, 5))),
                        new Match("quote", "多少", "多少", 3, 5)),
                new Message("7300000000000000123", Instant.parse("2026-11-23T08:00:00Z"), "一共花多少"), 12);
        return LeadEvent.intentTagged(LeadEvent.WECOM_APP, Instant.parse("2026-11-23T08:00:00Z"),
                withText ? data : data.withoutMessageText());
    }

    private static LeadEvent employeeMessageThroughTheApp() {
        LeadEventData data = new LeadEventData(LeadIds.leadId("demo", LeadIds.INTERNAL, "zhangsan"), "demo",
                LeadEventSamples.CORP_ID, new Contact("zhangsan", LeadIds.INTERNAL, null), new Owner("zhangsan"),
                "quote-desk", new Routing("quote", 12), List.of("quote"),
                List.of(new Match("quote", "报价", "報價", 0, 2)),
                new Message("7300000000000000099", Instant.parse("2026-11-23T08:00:00Z"), "報價單"), 12);
        return LeadEvent.leadCreated(LeadEvent.WECOM_APP, Instant.parse("2026-11-23T08:00:00Z"), data);
    }
}
