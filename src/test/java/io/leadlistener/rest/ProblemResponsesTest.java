package io.leadlistener.rest;

import static io.leadlistener.rest.RestDoubles.request;
import static io.leadlistener.rest.RestDoubles.uriInfo;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.errors.ConflictException;
import io.leadlistener.errors.DomainException;
import io.leadlistener.errors.InvalidInputException;
import io.leadlistener.errors.NotFoundException;
import io.leadlistener.errors.UnavailableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How refusals and failures become problem+json: status, type, title, detail, instance and extensions. */
class ProblemResponsesTest {

    private static final String TYPE = "urn:problem-type:wecom-lead-listener:";
    private final ProblemResponses mappers = new ProblemResponses();

    static Stream<Arguments> domainRefusals() {
        return Stream.of(
                Arguments.of(new NotFoundException("unknown-tenant", "no tenant 'acme'"), 404, "Not found"),
                Arguments.of(new ConflictException("duplicate-rule", "already there"), 409, "Conflict"),
                Arguments.of(new InvalidInputException("invalid-rule", "keyword is blank"), 400, "Bad request"),
                Arguments.of(new UnavailableException("database-unavailable", "try again shortly",
                        new SQLException("connection to db.internal:5432 refused")), 503, "Service unavailable"));
    }

    @Test
    void loggedPathsLeaveOutACustomersContactId() {
        assertThat(ProblemResponses.loggable("/api/v1/tenants/acme/contacts/external%3AwmEAAA001/erasure"))
                .isEqualTo("/api/v1/tenants/acme/contacts/…/erasure");
        assertThat(ProblemResponses.loggable("/api/v1/tenants/acme/rules")).isEqualTo("/api/v1/tenants/acme/rules");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("domainRefusals")
    void aDomainRefusalsKindDecidesItsStatusAndTitle(DomainException refusal, int status, String title) {
        Response response = mappers.refused(refusal, uriInfo("/api/v1/tenants/acme/rules"));

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(problem(response)).isEqualTo(new Problem(TYPE + refusal.slug(), title, status, refusal.detail(),
                "/api/v1/tenants/acme/rules", Map.of()));
    }

    @Test
    void fieldErrorsOfInvalidInputBecomeTheErrorsExtension() {
        InvalidInputException refusal = new InvalidInputException("unknown-word-set", "a names word set '@x'",
                List.of(new InvalidInputException.FieldError("a", "unknown word set @x"),
                        new InvalidInputException.FieldError("window", "too wide")));

        Problem problem = problem(mappers.refused(refusal, uriInfo("/rules")));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(TYPE + "unknown-word-set");
        assertThat(problem.extensionMembers()).containsOnlyKeys("errors");
        assertThat(problem.extensionMembers().get("errors")).isEqualTo(List.of(
                Map.of("field", "a", "detail", "unknown word set @x"), Map.of("field", "window", "detail", "too wide")));
    }

    @Test
    void unavailableAsksForARetryInFiveSecondsWithoutTellingWhatFailed() {
        UnavailableException refusal = new UnavailableException("database-unavailable", "try again shortly",
                new SQLException("connection to db.internal:5432 refused"));

        Response response = mappers.refused(refusal, uriInfo("/callback"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(problem(response).detail()).isEqualTo("try again shortly");
        assertThat(problem(response).toString()).doesNotContain("db.internal");
    }

    @ParameterizedTest(name = "{0} -> no Retry-After")
    @MethodSource("domainRefusals")
    void onlyUnavailableAsksForARetry(DomainException refusal, int status, String title) {
        assertThat(mappers.refused(refusal, uriInfo("/x")).getHeaderString("Retry-After"))
                .isEqualTo(status == 503 ? "5" : null);
    }

    @Test
    void aProblemExceptionIsAnsweredAsItSays() {
        ProblemException exception = new ProblemException(409, "routing-edit-conflict", "Conflict", "reload",
                Map.of("versionInForce", 4L));

        Response response = mappers.problem(exception, uriInfo("/api/v1/tenants/acme/routing"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(problem(response)).isEqualTo(new Problem(TYPE + "routing-edit-conflict", "Conflict", 409, "reload",
                "/api/v1/tenants/acme/routing", Map.of("versionInForce", 4L)));
    }

    @Test
    void anUnexpectedFailureIsA500WithAReferenceAndNothingOfTheFailure() {
        IllegalStateException failure = new IllegalStateException("password=hunter2 on db.internal");

        Response response = mappers.unexpected(failure, uriInfo("/api/v1/leads"));

        Problem problem = problem(response);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo(TYPE + "internal-error");
        assertThat(problem.title()).isEqualTo("Internal server error");
        assertThat(problem.instance()).isEqualTo("/api/v1/leads");
        String reference = (String) problem.extensionMembers().get("reference");
        assertThat(UUID.fromString(reference)).hasToString(reference);
        assertThat(problem.detail()).isEqualTo("the request could not be completed; quote reference " + reference
                + " to the operators");
        assertThat(problem.toString()).doesNotContain("hunter2", "db.internal", "IllegalStateException", "at io.");
    }

    @Test
    void everyUnexpectedFailureGetsItsOwnReference() {
        Object first = problem(mappers.unexpected(new RuntimeException(), uriInfo("/a"))).extensionMembers()
                .get("reference");
        Object second = problem(mappers.unexpected(new RuntimeException(), uriInfo("/a"))).extensionMembers()
                .get("reference");

        assertThat(first).isNotEqualTo(second);
    }

    @ParameterizedTest(name = "{0} -> {1}, {3}")
    @CsvSource(delimiter = '|', value = {
            "404|Not Found|not-found|no resource at this path",
            "406|Not Acceptable|not-acceptable|the requested media type cannot be produced here",
            "415|Unsupported Media Type|unsupported-media-type|the request's Content-Type is not accepted here",
            "409|Conflict|conflict|Conflict",
            "499|HTTP 499|http-499|HTTP 499",
    })
    void aJaxRsStatusBecomesAProblemNamedAfterItsReason(int status, String title, String slug, String detail) {
        Response response = mappers.webApplication(new WebApplicationException(status), uriInfo("/nowhere"));

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(problem(response)).isEqualTo(new Problem(TYPE + slug, title, status, detail, "/nowhere", Map.of()));
    }

    @Test
    void aMethodNotAllowedNamesTheMethodAndTheAllowedOnes() {
        Response response = mappers.notAllowed(new NotAllowedException("GET", new String[] {"PUT"}), uriInfo("/routing"),
                request("DELETE"));

        Problem problem = problem(response);
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getAllowedMethods()).containsExactlyInAnyOrder("GET", "PUT");
        assertThat(problem.type()).isEqualTo(TYPE + "method-not-allowed");
        assertThat(problem.title()).isEqualTo("Method not allowed");
        assertThat(problem.detail()).startsWith("HTTP method DELETE is not supported by this resource; allowed: ")
                .contains("GET", "PUT");
    }

    @Test
    void aMethodNotAllowedWithoutKnownAlternativesSendsNoAllow() {
        Response response = mappers.notAllowed(new NotAllowedException(Response.status(405).build()),
                uriInfo("/routing"), request("PATCH"));

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString("Allow")).isNull();
        assertThat(problem(response).detail()).isEqualTo("HTTP method PATCH is not supported by this resource");
    }

    static Problem problem(Response response) {
        assertThat(response.getEntity()).isInstanceOf(Problem.class);
        return (Problem) response.getEntity();
    }
}
