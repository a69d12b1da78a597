package io.leadlistener.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadlistener.errors.InvalidInputException.FieldError;
import io.leadlistener.rest.constraints.Identifier;
import io.leadlistener.rest.constraints.Matching;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Typed request records read with every problem reported at once. */
class JsonBodiesTest {

    record Order(@NotNull(message = "is required") @Identifier(max = 8) String id, Integer count, Boolean urgent,
                 Instant at, List<String> tags, Map<String, String> labels,
                 @Matching(regexp = "a|b", detail = "must be 'a' or 'b'") String kind) {
    }

    @JsonIgnoreProperties({"id", "createdAt"})
    record Edit(String note) {
    }

    record Team(List<String> users, List<Long> departments) {
    }

    record Teams(Map<String, Team> teams) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JsonBodies bodies = new JsonBodies(JSON, Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Test
    void aWellFormedBodyBindsEveryField() throws Exception {
        JsonBodies.Reading<Order> reading = read("""
                {"id": "o-1", "count": 3, "urgent": true, "at": "2026-12-06T16:00:00+08:00", "tags": ["x"],
                 "labels": {"k": "v"}, "kind": "a"}""");

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.value()).isEqualTo(new Order("o-1", 3, true, Instant.parse("2026-12-06T08:00:00Z"),
                List.of("x"), Map.of("k", "v"), "a"));
    }

    @Test
    void everyProblemIsReportedAtOnceUnknownFieldsFirstThenInFieldOrder() throws Exception {
        JsonBodies.Reading<Order> reading = read("""
                {"count": 1.5, "urgent": "yes", "at": "yesterday", "tags": ["x", 2], "labels": [],
                 "kind": "c", "colour": "red"}""");

        assertThat(reading.value()).isNull();
        assertThat(reading.errors()).extracting(FieldError::field, FieldError::detail).containsExactly(
                tuple("colour", "is not a known field (known: at, count, id, kind, labels, tags, urgent)"),
                tuple("id", "is required"),
                tuple("count", "must be a whole number, got 1.5"),
                tuple("urgent", "must be true or false, not a string"),
                tuple("at", "'yesterday' is not an ISO-8601 date-time with offset, e.g. 2026-11-23T08:00:00Z"),
                tuple("tags", "must be an array of strings; an item is a number"),
                tuple("labels", "must be an object of strings, not an array"),
                tuple("kind", "'c' must be 'a' or 'b'"));
    }

    @Test
    void aFieldOfTheWrongTypeIsNotAlsoReportedAsMissing() throws Exception {
        assertThat(read("{\"id\": 42}").errors()).extracting(FieldError::field, FieldError::detail)
                .containsExactly(tuple("id", "must be a string, not a number"));
    }

    @Test
    void computedMessagesAreNotInterpolated() throws Exception {
        assertThat(read("{\"id\": \"o-1\", \"kind\": \"${1+1}{max}\"}").errors())
                .extracting(FieldError::detail).containsExactly("'${1+1}{max}' must be 'a' or 'b'");
        assertThat(read("{\"id\": \"much-too-long\"}").errors())
                .extracting(FieldError::detail).containsExactly("is 13 characters; at most 8");
    }

    @Test
    void nullIsAbsentAndANonObjectIsNamed() throws Exception {
        assertThat(read("{\"id\": \"o-1\", \"count\": null}").value().count()).isNull();
        assertThat(read("[1]").errors()).extracting(FieldError::field, FieldError::detail)
                .containsExactly(tuple("", "must be an order object"));
    }

    @Test
    void namesTheRecordToleratesAreIgnoredAndTheUnknownFieldWordingIsTheCallers() throws Exception {
        JsonBodies.Reading<Edit> roundTrip = bodies.read(JSON.readTree("{\"id\": 7, \"createdAt\": \"x\", \"note\": \"n\"}"),
                Edit.class, "an edit");
        assertThat(roundTrip.errors()).isEmpty();
        assertThat(roundTrip.value()).isEqualTo(new Edit("n"));

        assertThat(bodies.read(JSON.readTree("{\"nose\": \"n\"}"), Edit.class, "an edit", "is not a field of an edit")
                .errors()).extracting(FieldError::detail).containsExactly("is not a field of an edit (known: note)");
    }

    private JsonBodies.Reading<Order> read(String json) throws Exception {
        JsonNode body = JSON.readTree(json);
        return bodies.read(body, Order.class, "an order object");
    }

    @Test
    void recordsInsideAFieldAreCheckedMemberByMember() {
        JsonBodies.Reading<Teams> good = bodies.read(tree("""
                {"teams": {"sales": {"users": ["zhangsan"], "departments": [2]}, "desk": {"users": []}}}"""),
                Teams.class, "teams");
        assertThat(good.valid()).isTrue();
        assertThat(good.value().teams().get("sales").departments()).containsExactly(2L);

        assertThat(bodies.read(tree("{\"teams\": {\"sales\": {\"departments\": [\"two\"]}}}"), Teams.class,
                "teams").errors()).extracting(FieldError::field, FieldError::detail).containsExactly(tuple("teams",
                "'sales' field 'departments' item 0 must be a whole number, got \"two\""));
        assertThat(bodies.read(tree("{\"teams\": {\"sales\": {\"user\": [\"x\"]}}}"), Teams.class, "teams")
                .errors()).extracting(FieldError::detail).containsExactly(
                "'sales' has an unknown field 'user' (known: departments, users)");
        assertThat(bodies.read(tree("{\"teams\": {\"sales\": [\"zhangsan\"]}}"), Teams.class, "teams")
                .errors()).extracting(FieldError::detail).containsExactly("'sales' must be an object, not an array");
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
