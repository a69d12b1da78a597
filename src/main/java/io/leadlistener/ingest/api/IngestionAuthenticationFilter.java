package io.leadlistener.ingest.api;

import static io.leadlistener.admin.FailedSignIns.Door.INGESTION_API;

import io.leadlistener.admin.FailedSignIns;
import io.leadlistener.rest.BearerAuthorization;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admits requests to {@link IngestionApi} endpoints only with a configured ingestion token — before the body is
 * read, so an unauthenticated caller learns nothing about its payload; wrong tokens count towards
 * {@link FailedSignIns}. Which tenant the token may send for is
 * decided per message, after the body is validated.
 */
public class IngestionAuthenticationFilter {

    private final IngestionTokens tokens;
    private final IngestionCaller caller;
    private final FailedSignIns failures;

    public IngestionAuthenticationFilter(IngestionTokens tokens, IngestionCaller caller, FailedSignIns failures) {
        this.tokens = tokens;
        this.failures = failures;
        this.caller = caller;
    }

    @IngestionApi
    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, HttpServerRequest http) {
        String address = FailedSignIns.addressOf(http);
        Optional<Duration> wait = failures.throttled(INGESTION_API, address);
        if (wait.isPresent()) {
            return BearerAuthorization.tooManyFailures(request, wait.get());
        }
        BearerAuthorization.Presented presented = BearerAuthorization.read(request, "ingestion token");
        if (presented.token().isEmpty()) {
            return presented.refusal();
        }
        Map<String, String> tenants = tokens.tenantsOf(presented.token().get());
        if (tenants.isEmpty()) {
            failures.failed(INGESTION_API, address);
            return BearerAuthorization.unauthorized(request, "the bearer token is not an ingestion token of any tenant");
        }
        caller.authenticatedFor(tenants);
        return null;
    }
}
