package io.leadlistener.admin.api;

import static io.leadlistener.admin.FailedSignIns.Door.ADMIN_API;

import io.leadlistener.admin.AccessPolicy;
import io.leadlistener.admin.AdminCredential;
import io.leadlistener.admin.AdminCredentials;
import io.leadlistener.admin.ConsoleSessions;
import io.leadlistener.admin.FailedSignIns;
import io.leadlistener.rest.BearerAuthorization;
import io.leadlistener.rest.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admits requests to {@link AdminApi} resources with a configured credential's bearer token, or with a console
 * session cookie (docs/console.md), then checks the route's {@link RequiredRole} and the {@code {tenant}} it acts on
 * against the credential ({@link AccessPolicy}). A cookie is sent by the browser on its own, so a state-changing
 * request authenticated by one must also carry the session's CSRF token in {@code X-CSRF-Token}, which another site's
 * page cannot read.
 */
public class AdminAuthenticationFilter {

    private static final Logger LOG = Logger.getLogger(AdminAuthenticationFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String TENANT_PATH_PARAMETER = "tenant";

    private final AdminCredentials credentials;
    private final AdminCaller caller;
    private final ConsoleSessions sessions;
    private final FailedSignIns failures;

    public AdminAuthenticationFilter(AdminCredentials credentials, AdminCaller caller, ConsoleSessions sessions,
                                     FailedSignIns failures) {
        this.credentials = credentials;
        this.failures = failures;
        this.caller = caller;
        this.sessions = sessions;
    }

    @AdminApi
    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        String address = FailedSignIns.addressOf(http);
        Optional<Duration> wait = failures.throttled(ADMIN_API, address);
        if (wait.isPresent()) {
            return BearerAuthorization.tooManyFailures(request, wait.get());
        }
        Cookie cookie = request.getCookies().get(ConsoleSessions.COOKIE);
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null && cookie != null) {
            return authenticateSession(request, cookie.getValue(), resource, address);
        }
        BearerAuthorization.Presented presented = BearerAuthorization.read(request, "admin token");
        if (presented.token().isEmpty()) {
            return presented.refusal();
        }
        Optional<AdminCredential> credential = credentials.presenting(presented.token().get());
        if (credential.isEmpty()) {
            failures.failed(ADMIN_API, address);
            return BearerAuthorization.unauthorized(request, "the bearer token is not a valid admin token");
        }
        return authorize(request, resource, credential.get());
    }

    private Response authenticateSession(ContainerRequestContext request, String cookieValue, ResourceInfo resource,
                                         String address) {
        // A session ends when it is signed out or expires, or its credential is removed or gets a new token.
        Optional<ConsoleSessions.Session> session = sessions.verify(cookieValue);
        Optional<AdminCredential> credential = session.map(ConsoleSessions.Session::credential);
        if (credential.isEmpty()) {
            // An expired session is a normal end, not a guess; a forged or altered cookie is.
            if (!sessions.signedHere(cookieValue)) {
                failures.failed(ADMIN_API, address);
            }
            return BearerAuthorization.unauthorized(request,
                    "the console session has expired or is not valid; sign in again at /console/login");
        }
        Optional<Duration> credentialWait = failures.throttledCredential(ADMIN_API, credential.get().name());
        if (credentialWait.isPresent()) {
            return BearerAuthorization.tooManyFailures(request, credentialWait.get());
        }
        if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
                && !ConsoleSessions.csrfMatches(session.get(), request.getHeaderString(ConsoleSessions.CSRF_HEADER))) {
            failures.failedByCredential(ADMIN_API, credential.get().name());
            return forbidden(request, "csrf-token-invalid", "a " + request.getMethod() + " authenticated by the console "
                    + "session cookie needs the session's CSRF token in the " + ConsoleSessions.CSRF_HEADER
                    + " header (missing or wrong)", Map.of());
        }
        return authorize(request, resource, credential.get());
    }

    private Response authorize(ContainerRequestContext request, ResourceInfo resource, AdminCredential credential) {
        RequiredRole required = resource.getResourceMethod().getAnnotation(RequiredRole.class);
        if (required == null) {
            // Fail closed: a route that does not say who may use it is nobody's.
            LOG.errorf("Admin route %s.%s declares no @RequiredRole; refused", resource.getResourceClass().getSimpleName(),
                    resource.getResourceMethod().getName());
            return forbidden(request, "route-without-role", "this route declares no required role, so no credential "
                    + "may use it", Map.of());
        }
        String tenant = request.getUriInfo().getPathParameters().getFirst(TENANT_PATH_PARAMETER);
        Optional<AccessPolicy.Refusal> refusal = AccessPolicy.refusal(credential, required.value(), tenant);
        if (refusal.isPresent()) {
            // The route, not the path: a path may carry a customer's contact id (the erasure route).
            LOG.infof("Admin request refused credential=%s route=%s.%s tenant=%s reason=%s", credential.name(),
                    resource.getResourceClass().getSimpleName(), resource.getResourceMethod().getName(), tenant,
                    refusal.get().slug());
            return forbidden(request, refusal.get().slug(), refusal.get().detail(), refusal.get().missing());
        }
        caller.authenticatedAs(credential);
        return null;
    }

    private static Response forbidden(ContainerRequestContext request, String slug, String detail,
                                      Map<String, Object> extensions) {
        Problem problem = new Problem(Problem.type(slug), "Forbidden", 403, detail, request.getUriInfo().getPath(),
                extensions);
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
