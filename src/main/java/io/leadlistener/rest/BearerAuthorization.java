package io.leadlistener.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * Reading {@code Authorization: Bearer <token>} and the 401 every bearer-token filter answers: problem+json with the
 * {@code WWW-Authenticate} challenge and a detail that says what was wrong with the header.
 */
public final class BearerAuthorization {

    private static final String BEARER = "Bearer ";

    /** The presented token, or a 401 explaining what is wrong with the header. */
    public record Presented(Optional<String> token, Response refusal) {
    }

    private BearerAuthorization() {
    }

    /** @param tokenKind how the refusal names the expected token, e.g. {@code admin token} */
    public static Presented read(ContainerRequestContext request, String tokenKind) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return new Presented(Optional.empty(), unauthorized(request,
                    "missing Authorization header; send 'Authorization: Bearer <" + tokenKind + ">'"));
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return new Presented(Optional.empty(), unauthorized(request,
                    "Authorization header must use the Bearer scheme"));
        }
        return new Presented(Optional.of(header.substring(BEARER.length()).trim()), null);
    }

    /** 429 with {@code Retry-After} in whole seconds (rounded up) and a detail that says how long. */
    public static Response tooManyFailures(ContainerRequestContext request, java.time.Duration wait) {
        long seconds = retryAfterSeconds(wait);
        Problem problem = new Problem(Problem.type("too-many-failed-sign-ins"), "Too Many Requests", 429,
                "too many failed sign-ins from this client; try again in " + seconds + " s",
                request.getUriInfo().getPath(), Map.of("retryAfterSeconds", seconds));
        return Response.status(429).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, seconds)
                .entity(problem).build();
    }

    public static long retryAfterSeconds(java.time.Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public static Response unauthorized(ContainerRequestContext request, String detail) {
        Problem problem = new Problem(Problem.type("unauthorized"), "Unauthorized", 401, detail,
                request.getUriInfo().getPath(), Map.of());
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"wecom-lead-listener\"")
                .entity(problem).build();
    }
}
