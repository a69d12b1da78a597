package io.leadlistener.ingest;

import io.leadlistener.problem.Unauthorized;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admits requests to {@link IngestionApi} endpoints only with a configured ingestion token — before the body is
 * read, so an unauthenticated caller learns nothing about its payload. Which tenant the token may send for is
 * decided per message, after the body is validated.
 */
public class IngestionAuthenticationFilter {

    private static final String BEARER = "Bearer ";

    private final IngestionTokens tokens;
    private final IngestionCaller caller;

    public IngestionAuthenticationFilter(IngestionTokens tokens, IngestionCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @IngestionApi
    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Unauthorized.response(request, "missing Authorization header; send 'Authorization: Bearer <ingestion token>'");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Unauthorized.response(request, "Authorization header must use the Bearer scheme");
        }
        Map<String, String> tenants = tokens.tenantsOf(header.substring(BEARER.length()).trim());
        if (tenants.isEmpty()) {
            return Unauthorized.response(request, "the bearer token is not an ingestion token of any tenant");
        }
        caller.authenticatedFor(tenants);
        return null;
    }
}
