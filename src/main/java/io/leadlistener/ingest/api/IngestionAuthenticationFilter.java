package io.leadlistener.ingest.api;

import io.leadlistener.ingest.api.IngestionCaller;
import io.leadlistener.ingest.api.IngestionTokens;
import io.leadlistener.rest.BearerAuthorization;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admits requests to {@link IngestionApi} endpoints only with a configured ingestion token — before the body is
 * read, so an unauthenticated caller learns nothing about its payload. Which tenant the token may send for is
 * decided per message, after the body is validated.
 */
public class IngestionAuthenticationFilter {

    private final IngestionTokens tokens;
    private final IngestionCaller caller;

    public IngestionAuthenticationFilter(IngestionTokens tokens, IngestionCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @IngestionApi
    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        BearerAuthorization.Presented presented = BearerAuthorization.read(request, "ingestion token");
        if (presented.token().isEmpty()) {
            return presented.refusal();
        }
        Map<String, String> tenants = tokens.tenantsOf(presented.token().get());
        if (tenants.isEmpty()) {
            return BearerAuthorization.unauthorized(request, "the bearer token is not an ingestion token of any tenant");
        }
        caller.authenticatedFor(tenants);
        return null;
    }
}
