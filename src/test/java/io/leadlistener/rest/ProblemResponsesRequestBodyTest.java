package io.leadlistener.rest;

import static io.leadlistener.rest.ProblemResponsesTest.problem;
import static io.leadlistener.rest.RestDoubles.routingContext;
import static io.leadlistener.rest.RestDoubles.uriInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Requests whose body cannot be used: unparsable or mistyped JSON, failed constraints, unreadable bodies. */
class ProblemResponsesRequestBodyTest {

    private static final String TYPE = "urn:problem-type:wecom-lead-listener:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

    private final ProblemResponses mappers = new ProblemResponses();

    record Window(int width) {
    }

    record DryRun(String text, List<Window> windows) {
    }

    record Routing(Map<String, String> pools, List<String> precedence) {
    }

    record Owner(@NotBlank String name) {
    }

    record Ingest(@NotBlank String tenant, @Size(max = 3) String channel, @Valid Owner owner) {
    }

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    @Test
    void unparsableJsonSaysWhatAndWhereButNotTheBody() {
        JsonProcessingException broken = failure("{\"token\": \"s3cr3t\",\n oops}", DryRun.class);

        Response response = mappers.invalidJson(broken, uriInfo("/api/v1/dry-run"));

        Problem problem = problem(response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(problem.type()).isEqualTo(TYPE + "invalid-json");
        assertThat(problem.title()).isEqualTo("Bad request");
        assertThat(problem.instance()).isEqualTo("/api/v1/dry-run");
        assertThat(problem.detail()).startsWith("request body is not valid JSON for this endpoint: Unexpected character")
                .endsWith("(line 2, column 2)").doesNotContain("s3cr3t", "token", "Source:", "\n");
    }

    @Test
    void aMistypedFieldIsNamedByItsPathAndTypesBySimpleName() {
        MismatchedInputException mistyped = failure("{\"text\": \"hi\", \"windows\": [{\"width\": 2}, {\"width\": {}}]}",
                DryRun.class);

        String detail = problem(mappers.mismatchedJson(mistyped, uriInfo("/x"))).detail();

        assertThat(detail).startsWith("request body is not valid JSON for this endpoint: field 'windows.[1].width': ")
                .contains("type int").doesNotContain("`").endsWith("(line 1, column 52)");
    }

    @Test
    void ourClassNamesAreShortenedToWhatTheCallerSent() {
        MismatchedInputException wrongShape = failure("[1, 2]", DryRun.class);

        Problem problem = problem(mappers.mismatchedJson(wrongShape, uriInfo("/x")));

        assertThat(problem.detail()).contains("value of type DryRun from Array value")
                .doesNotContain("io.leadlistener", "ProblemResponsesRequestBodyTest$");
    }

    @Test
    void aMistypedCollectionFieldIsNamedWithoutQualifiedClassNames() {
        MismatchedInputException wrongShape = failure("{\"pools\": 3}", Routing.class);

        String detail = problem(mappers.mismatchedJson(wrongShape, uriInfo("/x"))).detail();

        assertThat(detail).startsWith("request body is not valid JSON for this endpoint: field 'pools': ")
                .doesNotContain("`", "java.util.", "java.lang.");
    }

    @Test
    void aJaxRsFailureCausedByJsonIsAnsweredAsInvalidJson() {
        JsonProcessingException broken = failure("{", DryRun.class);

        Response response = mappers.webApplication(new WebApplicationException(broken, 400), uriInfo("/x"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem(response).type()).isEqualTo(TYPE + "invalid-json");
        assertThat(problem(response).detail()).startsWith("request body is not valid JSON for this endpoint: ");
    }

    @Test
    void constraintViolationsListEachFieldByItsOwnNameAndJoinThemSortedInTheDetail() {
        Validator validator = VALIDATION.getValidator();
        Set<? extends jakarta.validation.ConstraintViolation<?>> violations =
                validator.validate(new Ingest(" ", "wecom", new Owner("")));

        Response response = mappers.constraintViolation(new ConstraintViolationException(violations),
                uriInfo("/api/v1/ingest"));

        Problem problem = problem(response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(TYPE + "validation-failed");
        assertThat(problem.title()).isEqualTo("Bad request");
        assertThat(problem.detail()).isEqualTo(
                "channel size must be between 0 and 3; name must not be blank; tenant must not be blank");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.extensionMembers().get("errors");
        assertThat(errors).containsExactlyInAnyOrder(Map.of("field", "tenant", "detail", "must not be blank"),
                Map.of("field", "channel", "detail", "size must be between 0 and 3"),
                Map.of("field", "name", "detail", "must not be blank"));
    }

    @Test
    void aConstraintViolationWithoutViolationsStillSaysInvalidRequest() {
        Problem problem = problem(mappers.constraintViolation(new ConstraintViolationException(Set.of()),
                uriInfo("/x")));

        assertThat(problem.detail()).isEqualTo("invalid request");
        assertThat(problem.extensionMembers()).containsEntry("errors", List.of());
    }

    @Test
    void aBodyOverTheTransportLimitIs413() {
        Response response = mappers.unreadableBody(new IOException("Request too large"), uriInfo("/callback"),
                routingContext(false));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(problem(response)).isEqualTo(new Problem(TYPE + "body-too-large", "Content too large", 413,
                "request body is over the transport limit", "/callback", Map.of()));
    }

    @Test
    void aBodyThatCannotBeReadForAnotherReasonIs400() {
        Response response = mappers.unreadableBody(new IOException("Connection reset by 10.0.0.7"),
                uriInfo("/callback"), routingContext(false));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem(response)).isEqualTo(new Problem(TYPE + "unreadable-body", "Bad request", 400,
                "request body could not be read", "/callback", Map.of()));
    }

    @Test
    void whenTheResponseHasAlreadyEndedOnlyABareStatusIsReturned() {
        assertThat(mappers.unreadableBody(new IOException("Request too large"), uriInfo("/callback"),
                routingContext(true))).satisfies(response -> {
                    assertThat(response.getStatus()).isEqualTo(413);
                    assertThat(response.hasEntity()).isFalse();
                });
        assertThat(mappers.unreadableBody(new IOException("reset"), uriInfo("/callback"), routingContext(true))
                .getStatus()).isEqualTo(400);
    }

    private static <T extends JsonProcessingException> T failure(String body, Class<?> target) {
        @SuppressWarnings("unchecked")
        T failure = (T) catchThrowableOfType(() -> JSON.readValue(body, target), JsonProcessingException.class);
        assertThat(failure).as("parsing %s", body).isNotNull();
        return failure;
    }
}
