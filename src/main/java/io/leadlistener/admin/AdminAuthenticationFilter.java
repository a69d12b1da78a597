package io.leadlistener.admin;

import io.leadlistener.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
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
            return unauthorized(request, "missing Authorization header; send 'Authorization: Bearer <admin token>'");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized(request, "Authorization header must use the Bearer scheme");
        }
        String presented = header.substring(BEARER.length()).trim();
        Optional<String> tokenName = tokens.nameOf(presented);
        if (tokenName.isEmpty()) {
            return unauthorized(request, "the bearer token is not a valid admin token");
        }
        caller.authenticatedAs(tokenName.get());
        return null;
    }

    private static Response unauthorized(ContainerRequestContext request, String detail) {
        Problem problem = new Problem(Problem.type("unauthorized"), "Unauthorized", 401, detail,
                request.getUriInfo().getPath(), Map.of());
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"wecom-lead-listener\"")
                .entity(problem).build();
    }
}
