package io.leadlistener.admin.console;

import io.leadlistener.admin.AdminTokens;
import io.leadlistener.admin.ConsoleSessions;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/**
 * The rules console's page shells and its sign-in. Pages carry no data: the page's script reads and changes rules
 * through the admin API with the session cookie and the CSRF token rendered into the page (docs/console.md).
 */
@Path("/console")
public class ConsoleResource {

    private final ConsoleSessions sessions;
    private final AdminTokens tokens;

    public ConsoleResource(ConsoleSessions sessions, AdminTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@CookieParam(ConsoleSessions.COOKIE) String cookie,
                         @CookieParam("ll_lang") String langCookie, @jakarta.ws.rs.QueryParam("lang") String lang) {
        Optional<ConsoleSessions.Session> session = sessions.verify(cookie);
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
        return Response.ok(ConsolePages.login("en".equals(ConsolePages.language(lang, langCookie)), false).render())
                .build();
    }

    @POST
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("token") String token, @CookieParam("ll_lang") String langCookie,
                          @Context UriInfo uri) {
        Optional<String> name = token == null || token.isBlank() ? Optional.empty() : tokens.nameOf(token.strip());
        if (name.isEmpty()) {
            return Response.status(401).type(MediaType.TEXT_HTML)
                    .entity(ConsolePages.login("en".equals(ConsolePages.language(null, langCookie)), true).render()).build();
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
