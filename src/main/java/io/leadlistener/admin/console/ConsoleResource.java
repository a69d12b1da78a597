package io.leadlistener.admin.console;

import static io.leadlistener.admin.FailedSignIns.Door.CONSOLE_LOGIN;

import io.leadlistener.admin.AdminCredential;
import io.leadlistener.admin.AdminCredentials;
import io.leadlistener.admin.ConsoleConfig;
import io.leadlistener.admin.ConsoleSessions;
import io.leadlistener.admin.FailedSignIns;
import io.leadlistener.rest.BearerAuthorization;
import io.leadlistener.tenant.Tenant;
import io.leadlistener.tenant.TenantDirectory;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's page shells, sign-in and sign-out. Pages carry no data: the page's script reads and changes rules
 * through the admin API with the session cookie and the CSRF token rendered into the page (docs/console.md). The
 * sign-in form carries a CSRF token of its own (a hidden field matching a cookie another site cannot set), and the
 * sign-out form the session's.
 */
@Path("/console")
public class ConsoleResource {

    static final String LOGIN_CSRF_COOKIE = "ll_login_csrf";
    private static final String LOGIN_PATH = "/console/login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleSessions sessions;
    private final AdminCredentials credentials;
    private final FailedSignIns failures;
    private final boolean singleSignOn;
    private final TenantDirectory tenants;
    private final ConsoleConfig config;

    public ConsoleResource(ConsoleSessions sessions, AdminCredentials credentials, FailedSignIns failures,
                           @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean singleSignOn,
                           TenantDirectory tenants, ConsoleConfig config) {
        this.singleSignOn = singleSignOn;
        this.tenants = tenants;
        this.config = config;
        this.sessions = sessions;
        this.credentials = credentials;
        this.failures = failures;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@CookieParam(ConsoleSessions.COOKIE) String cookie, @CookieParam("ll_lang") String langCookie,
                         @QueryParam("lang") String lang) {
        Optional<ConsoleSessions.Session> session = sessions.verify(cookie);
        if (session.isEmpty()) {
            return Response.seeOther(URI.create(LOGIN_PATH)).build();
        }
        String chosen = ConsolePages.language(lang, langCookie);
        AdminCredential credential = session.get().credential();
        Response.ResponseBuilder response = Response.ok(ConsolePages.console(session.get().csrfToken(),
                        session.get().credentialName(), chosen, credential.role().id(), openableTenants(credential),
                        config.timeZone().getId()).render())
                .header("Cache-Control", "no-store");
        if (lang != null) {
            response.cookie(new NewCookie.Builder("ll_lang").value(chosen).path("/").sameSite(NewCookie.SameSite.STRICT)
                    .maxAge(365 * 24 * 3600).build());
        }
        return response.build();
    }

    /** The configured tenants this credential may open, in name order. */
    private String openableTenants(AdminCredential credential) {
        return tenants.all().stream().map(Tenant::id).filter(credential::mayActOn).sorted()
                .collect(java.util.stream.Collectors.joining(","));
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response loginForm(@CookieParam("ll_lang") String langCookie, @QueryParam("lang") String lang) {
        return loginPage(Response.ok(), "en".equals(ConsolePages.language(lang, langCookie)), false, false, 0);
    }

    @POST
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("token") String token, @FormParam("csrf") String csrf,
                          @CookieParam(LOGIN_CSRF_COOKIE) String csrfCookie, @CookieParam("ll_lang") String langCookie,
                          @Context HttpServerRequest http) {
        boolean en = "en".equals(ConsolePages.language(null, langCookie));
        if (!ConsoleSessions.sameToken(csrf, csrfCookie)) {
            // Another site's page posting our form (login CSRF), or a form older than its cookie: not a guess.
            return loginPage(Response.status(403), en, false, true, 0);
        }
        String address = FailedSignIns.addressOf(http);
        Optional<Duration> wait = failures.throttled(CONSOLE_LOGIN, address);
        if (wait.isPresent()) {
            long seconds = BearerAuthorization.retryAfterSeconds(wait.get());
            return loginPage(Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds), en, false, false, seconds);
        }
        Optional<String> name = token == null || token.isBlank() ? Optional.empty()
                : credentials.presenting(token.strip()).map(AdminCredential::name);
        if (name.isEmpty()) {
            if (token != null && !token.isBlank()) {
                failures.failed(CONSOLE_LOGIN, address);
            }
            return loginPage(Response.status(401), en, true, false, 0);
        }
        return Response.seeOther(URI.create("/console"))
                .cookie(sessionCookie(sessions, sessions.issue(name.get()), (int) sessions.lifetimeSeconds()))
                .cookie(cookie(sessions, LOGIN_CSRF_COOKIE, "", LOGIN_PATH, 0))
                .build();
    }

    /** Ends the session on every replica; needs the session's CSRF token from the form, so no other site can. */
    @POST
    @Path("logout")
    @Produces(MediaType.TEXT_HTML)
    public Response logout(@FormParam("csrf") String csrf, @CookieParam(ConsoleSessions.COOKIE) String cookie) {
        Optional<ConsoleSessions.Session> session = sessions.verify(cookie);
        if (session.isPresent()) {
            if (!ConsoleSessions.csrfMatches(session.get(), csrf)) {
                return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                        .entity("Sign-out needs the session's CSRF token (the form's hidden field); reload the console "
                                + "and sign out from there.").build();
            }
            sessions.end(cookie);
        }
        return Response.seeOther(URI.create(LOGIN_PATH)).cookie(sessionCookie(sessions, "", 0)).build();
    }

    private Response loginPage(Response.ResponseBuilder status, boolean en, boolean refused, boolean formExpired,
                               long throttledSeconds) {
        String csrf = randomToken();
        return status.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store")
                .cookie(cookie(sessions, LOGIN_CSRF_COOKIE, csrf, LOGIN_PATH, 3600))
                .entity(ConsolePages.login(en, refused, formExpired, throttledSeconds, csrf, singleSignOn).render())
                .build();
    }

    /** The session cookie as every sign-in and sign-out sets it (also the single sign-on's). */
    static NewCookie sessionCookie(ConsoleSessions sessions, String value, int maxAge) {
        return cookie(sessions, ConsoleSessions.COOKIE, value, "/", maxAge);
    }

    /** A console cookie: HttpOnly, SameSite=Strict, Secure unless configured off. */
    private static NewCookie cookie(ConsoleSessions sessions, String name, String value, String path, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(true).secure(sessions.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
