package io.leadlistener.admin;

import io.leadlistener.problem.BearerAuthorization;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Admits requests to {@link AdminApi} resources only with a configured bearer token. */
public class AdminAuthenticationFilter {

    private final AdminTokens tokens;
    private final AdminCaller caller;

    public AdminAuthenticationFilter(AdminTokens tokens, AdminCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @AdminApi
    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        BearerAuthorization.Presented presented = BearerAuthorization.read(request, "admin token");
        if (presented.token().isEmpty()) {
            return presented.refusal();
        }
        Optional<String> tokenName = tokens.nameOf(presented.token().get());
        if (tokenName.isEmpty()) {
            return BearerAuthorization.unauthorized(request, "the bearer token is not a valid admin token");
        }
        caller.authenticatedAs(tokenName.get());
        return null;
    }
}
