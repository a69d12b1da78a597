package io.leadlistener.admin;

import io.leadlistener.problem.Unauthorized;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Admits requests to {@link AdminApi} resources only with a configured bearer token. */
public class AdminAuthenticationFilter {

    private static final String BEARER = "Bearer ";

    private final AdminTokens tokens;
    private final AdminCaller caller;

    public AdminAuthenticationFilter(AdminTokens tokens, AdminCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @AdminApi
    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Unauthorized.response(request, "missing Authorization header; send 'Authorization: Bearer <admin token>'");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Unauthorized.response(request, "Authorization header must use the Bearer scheme");
        }
        String presented = header.substring(BEARER.length()).trim();
        Optional<String> tokenName = tokens.nameOf(presented);
        if (tokenName.isEmpty()) {
            return Unauthorized.response(request, "the bearer token is not a valid admin token");
        }
        caller.authenticatedAs(tokenName.get());
        return null;
    }
}
