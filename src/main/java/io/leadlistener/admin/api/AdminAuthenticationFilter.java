package io.leadlistener.admin.api;

import io.leadlistener.admin.AdminTokens;
import io.leadlistener.admin.ConsoleSessions;
import io.leadlistener.admin.api.AdminCaller;
import io.leadlistener.rest.BearerAuthorization;
import io.leadlistener.rest.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admits requests to {@link AdminApi} resources with a configured bearer token, or with a console session cookie
 * (docs/console.md). A cookie is sent by the browser on its own, so a state-changing request authenticated by one
 * must also carry the session's CSRF token in {@code X-CSRF-Token}, which another site's page cannot read.
 */
public class AdminAuthenticationFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AdminTokens tokens;
    private final AdminCaller caller;
    private final ConsoleSessions sessions;

    public AdminAuthenticationFilter(AdminTokens tokens, AdminCaller caller, ConsoleSessions sessions) {
        this.tokens = tokens;
        this.caller = caller;
        this.sessions = sessions;
    }

    @AdminApi
    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(ConsoleSessions.COOKIE);
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null && cookie != null) {
            return authenticateSession(request, cookie.getValue());
        }
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

    private Response authenticateSession(ContainerRequestContext request, String cookieValue) {
        // A session signed for a token that has since been removed from the configuration ends with it.
        Optional<ConsoleSessions.Session> session = sessions.verify(cookieValue)
                .filter(signed -> tokens.isConfigured(signed.tokenName()));
        if (session.isEmpty()) {
            return BearerAuthorization.unauthorized(request,
                    "the console session has expired or is not valid; sign in again at /console/login");
        }
        if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(java.util.Locale.ROOT))
                && !ConsoleSessions.csrfMatches(session.get(), request.getHeaderString(ConsoleSessions.CSRF_HEADER))) {
            Problem problem = new Problem(Problem.type("csrf-token-invalid"), "Forbidden", 403,
                    "a " + request.getMethod() + " authenticated by the console session cookie needs the session's "
                            + "CSRF token in the " + ConsoleSessions.CSRF_HEADER + " header (missing or wrong)",
                    request.getUriInfo().getPath(), Map.of());
            return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        caller.authenticatedAs(session.get().tokenName());
        return null;
    }
}
