package io.leadlistener.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.leadlistener.errors.ConflictException;
import io.leadlistener.errors.DomainException;
import io.leadlistener.errors.InvalidInputException;
import io.leadlistener.errors.NotFoundException;
import io.leadlistener.errors.UnavailableException;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become RFC 9457 {@code application/problem+json} responses. */
public class ProblemResponses {

    private static final Pattern QUOTED_TYPE = Pattern.compile("`([^`]*)`");
    /** A package ({@code java.util.}) or enclosing class ({@code RoutingRequest$}) before a simple type name. */
    private static final Pattern QUALIFIER = Pattern.compile("\\b(?:[a-z_]\\w*\\.)+|\\b\\w+\\$");

    private static final Map<Integer, String> TITLES = Map.of(400, "Bad request", 404, "Not found", 409, "Conflict",
            503, "Service unavailable");

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    @ServerExceptionMapper
    public Response problem(ProblemException exception, UriInfo uriInfo) {
        return respond(exception.toProblem(uriInfo.getPath()));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException exception, UriInfo uriInfo, Request request) {
        // RESTEasy Reactive does not tell which methods would have matched, so Allow is sent only when known.
        var allowed = exception.getResponse().getAllowedMethods();
        Problem problem = new Problem(Problem.type("method-not-allowed"), "Method not allowed", 405,
                "HTTP method " + request.getMethod() + " is not supported by this resource"
                        + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed)),
                uriInfo.getPath(), Map.of());
        Response.ResponseBuilder response = Response.fromResponse(respond(problem));
        return allowed.isEmpty() ? response.build() : response.allow(allowed).build();
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException exception, UriInfo uriInfo) {
        return respond(invalidJsonProblem(exception, uriInfo));
    }

    /** Quarkus maps this one itself (a bare 400); ours says what and where. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException exception, UriInfo uriInfo) {
        return respond(invalidJsonProblem(exception, uriInfo));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uriInfo) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            return respond(invalidJsonProblem(json, uriInfo));
        }
        int status = exception.getResponse().getStatus();
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at this path";
            case 406 -> "the requested media type cannot be produced here";
            case 415 -> "the request's Content-Type is not accepted here";
            default -> title;
        };
        return respond(new Problem(Problem.type(slug(title)), title, status, detail, uriInfo.getPath(), Map.of()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, UriInfo uriInfo) {
        List<Map<String, String>> errors = exception.getConstraintViolations().stream()
                .map(ProblemResponses::describe)
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + " " + e.get("detail")).sorted()
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(new Problem(Problem.type("validation-failed"), "Bad request", 400, detail, uriInfo.getPath(),
                Map.of("errors", errors)));
    }

    /**
     * A chunked body over {@code quarkus.http.limits.max-body-size} fails while it is being read; Quarkus has then
     * already answered 413 and closed the connection, so this only keeps it from being logged as a server error.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException exception, UriInfo uriInfo, RoutingContext routingContext) {
        boolean tooLarge = "Request too large".equals(exception.getMessage());
        LOG.debugf("Request body of %s could not be read: %s", uriInfo.getPath(), exception.toString());
        if (routingContext.response().ended()) {
            return Response.status(tooLarge ? 413 : 400).build();
        }
        return respond(new Problem(Problem.type(tooLarge ? "body-too-large" : "unreadable-body"),
                tooLarge ? "Content too large" : "Bad request", tooLarge ? 413 : 400,
                tooLarge ? "request body is over the transport limit" : "request body could not be read",
                uriInfo.getPath(), Map.of()));
    }

    /** A refusal from domain code: the kind of exception decides the status, here and nowhere else. */
    @ServerExceptionMapper
    public Response refused(DomainException exception, UriInfo uriInfo) {
        Problem problem = new Problem(Problem.type(exception.slug()), TITLES.get(statusOf(exception)),
                statusOf(exception), exception.detail(), uriInfo.getPath(), exception.extensions());
        if (exception instanceof UnavailableException unavailable) {
            // The sender (WeCom retries on any non-200) should try again shortly; what failed is for the log only.
            LOG.warnf("Unavailable serving %s: %s", loggable(uriInfo.getPath()), unavailable.cause());
            return Response.fromResponse(respond(problem)).header("Retry-After", "5").build();
        }
        return respond(problem);
    }

    /** The path as logs print it: a customer's contact id (the segment after {@code contacts}) left out (docs/privacy.md). */
    static String loggable(String path) {
        return path == null ? null : path.replaceAll("(/contacts/)[^/]+", "$1…");
    }

    static int statusOf(DomainException exception) {
        if (exception instanceof NotFoundException) {
            return 404;
        }
        if (exception instanceof ConflictException) {
            return 409;
        }
        if (exception instanceof InvalidInputException) {
            return 400;
        }
        return 503;
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable throwable, UriInfo uriInfo) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(throwable, "Unexpected failure serving %s (reference %s)", loggable(uriInfo.getPath()), reference);
        return respond(new Problem(Problem.type("internal-error"), "Internal server error", 500,
                "the request could not be completed; quote reference " + reference + " to the operators",
                uriInfo.getPath(), Map.of("reference", reference)));
    }

    private static Problem invalidJsonProblem(JsonProcessingException exception, UriInfo uriInfo) {
        // The original message names what was expected; the location says where. The source is never quoted.
        String what = exception.getOriginalMessage() == null ? "unreadable" : exception.getOriginalMessage()
                .split("\n", 2)[0];
        // Name types the way the caller thinks of them (DryRunRequest, LinkedHashMap<String,String>), not by our
        // class names: no packages, no enclosing classes, no backticks.
        what = QUOTED_TYPE.matcher(what).replaceAll(type -> Matcher.quoteReplacement(
                QUALIFIER.matcher(type.group(1)).replaceAll("")));
        JsonLocation location = exception.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        if (exception instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("");
            what = "field '" + field + "': " + what;
        }
        return new Problem(Problem.type("invalid-json"), "Bad request", 400,
                "request body is not valid JSON for this endpoint: " + what + where, uriInfo.getPath(), Map.of());
    }

    private static Map<String, String> describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Drop the method and argument prefix (e.g. "ingest.arg0.") so the field reads as the caller wrote it.
        int lastDot = path.lastIndexOf('.');
        String field = lastDot >= 0 ? path.substring(lastDot + 1) : path;
        return Map.of("field", field, "detail", violation.getMessage());
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
