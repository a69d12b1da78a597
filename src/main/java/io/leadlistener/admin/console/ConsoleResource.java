package io.leadlistener.admin.console;

import static io.leadlistener.admin.FailedSignIns.Door.CONSOLE_LOGIN;

import io.leadlistener.admin.AdminCredential;
import io.leadlistener.admin.AdminCredentials;
import io.leadlistener.admin.ConsoleSessions;
import io.leadlistener.admin.FailedSignIns;
import io.leadlistener.rest.BearerAuthorization;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The rules console's page shells and its sign-in. Pages carry no data: the page's script reads and changes rules
 * through the admin API with the session cookie and the CSRF token rendered into the page (docs/console.md).
 */
@Path("/console")
public class ConsoleResource {

    private final ConsoleSessions sessions;
    private final AdminCredentials credentials;
    private final FailedSignIns failures;

    public ConsoleResource(ConsoleSessions sessions, AdminCredentials credentials, FailedSignIns failures) {
        this.failures = failures;
        this.sessions = sessions;
        this.credentials = credentials;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@CookieParam(ConsoleSessions.COOKIE) String cookie,
                         @CookieParam("ll_lang") String langCookie, @jakarta.ws.rs.QueryParam("lang") String lang) {
        Optional<ConsoleSessions.Session> session = sessions.verify(cookie)
                .filter(signed -> credentials.named(signed.tokenName()).isPresent());
        if (session.isEmpty()) {
            return Response.seeOther(URI.create("/console/login")).build();
        }
        String chosen = ConsolePages.language(lang, langCookie);
        Response.ResponseBuilder response = Response.ok(ConsolePages.console(session.get().csrfToken(), session.get().tokenName(), chosen).render())
                .header("Cache-Control", "no-store");
        if (lang != null) {
            response.cookie(new NewCookie.Builder("ll_lang").value(chosen).path("/").sameSite(NewCookie.SameSite.STRICT)
                    .maxAge(365 * 24 * 3600).build());
        }
        return response.build();
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response loginForm(@CookieParam("ll_lang") String langCookie, @jakarta.ws.rs.QueryParam("lang") String lang) {
        return Response.ok(ConsolePages.login("en".equals(ConsolePages.language(lang, langCookie)), false, 0).render())
                .build();
    }

    @POST
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("token") String token, @CookieParam("ll_lang") String langCookie,
                          @Context UriInfo uri, @Context HttpServerRequest http) {
        boolean en = "en".equals(ConsolePages.language(null, langCookie));
        String address = FailedSignIns.addressOf(http);
        Optional<Duration> wait = failures.throttled(CONSOLE_LOGIN, address);
        if (wait.isPresent()) {
            long seconds = BearerAuthorization.retryAfterSeconds(wait.get());
            return Response.status(429).type(MediaType.TEXT_HTML).header(HttpHeaders.RETRY_AFTER, seconds)
                    .entity(ConsolePages.login(en, false, seconds).render()).build();
        }
        Optional<String> name = token == null || token.isBlank() ? Optional.empty()
                : credentials.presenting(token.strip()).map(AdminCredential::name);
        if (name.isEmpty()) {
            if (token != null && !token.isBlank()) {
                failures.failed(CONSOLE_LOGIN, address);
            }
            return Response.status(401).type(MediaType.TEXT_HTML).entity(ConsolePages.login(en, true, 0).render())
                    .build();
        }
        return Response.seeOther(URI.create("/console"))
                .cookie(sessionCookie(sessions.issue(name.get()), (int) sessions.lifetimeSeconds(), uri))
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context UriInfo uri) {
        return Response.seeOther(URI.create("/console/login")).cookie(sessionCookie("", 0, uri)).build();
    }

    private static NewCookie sessionCookie(String value, int maxAge, UriInfo uri) {
        return new NewCookie.Builder(ConsoleSessions.COOKIE).value(value).path("/").httpOnly(true)
                .secure("https".equalsIgnoreCase(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
