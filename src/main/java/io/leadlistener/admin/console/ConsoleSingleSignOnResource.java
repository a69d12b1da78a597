package io.leadlistener.admin.console;

import io.leadlistener.admin.AdminCredential;
import io.leadlistener.admin.ConsoleConfig;
import io.leadlistener.admin.ConsoleSessions;
import io.leadlistener.admin.SingleSignOnClaims;
import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The end of the single sign-on (OpenID Connect code flow): Quarkus OIDC has authenticated the person
 * ({@code quarkus.http.auth.permission.console-sso}: only this path), and their ID token's claims become a console
 * session like a token sign-in's. The OIDC session cookie is dropped at once, so signing out of the console signs out
 * here; the next visit goes through the identity provider again.
 */
@Path("/console/sso")
public class ConsoleSingleSignOnResource {

    private static final Logger LOG = Logger.getLogger(ConsoleSingleSignOnResource.class);

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcSession oidcSession;

    @Inject
    ConsoleSessions sessions;

    @Inject
    ConsoleConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response signIn() {
        SingleSignOnClaims.Outcome outcome = SingleSignOnClaims.credential(config.sso(), idToken::getClaim);
        oidcSession.logout().await().indefinitely();
        if (outcome.credential().isEmpty()) {
            LOG.infof("Single sign-on refused issuer=%s: %s", idToken.getIssuer(), outcome.refusal());
            return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Signed in with your identity provider, but not allowed into the console: "
                            + outcome.refusal() + ".").build();
        }
        AdminCredential credential = outcome.credential().get();
        LOG.infof("Single sign-on: %s (%s on %s)", credential.name(), credential.role().id(), credential.tenantsText());
        return Response.seeOther(URI.create("/console"))
                .cookie(ConsoleResource.sessionCookie(sessions, sessions.issueSingleSignOn(credential),
                        (int) sessions.lifetimeSeconds()))
                .build();
    }
}
