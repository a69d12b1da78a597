package io.leadlistener.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The configured admin bearer tokens, checked in constant time so response timing reveals nothing about them. */
@ApplicationScoped
public class AdminTokens {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AdminTokens.class);

    private final NamedTokens tokens;

    public AdminTokens(AdminConfig config) {
        this.tokens = new NamedTokens(config.tokens());
        if (tokens.isEmpty()) {
            LOG.warn("No admin tokens configured (leadlistener.admin.tokens.\"<name>\"): the admin API refuses everyone");
        } else {
            LOG.infof("Admin API accepts the tokens named %s", tokens.names());
        }
    }

    /** @return the name of the token presented, if it is one of ours */
    /** Whether a token of this name is configured (a console session outlives nothing its token does not). */
    public boolean isConfigured(String tokenName) {
        return tokens.names().contains(tokenName);
    }

    public Optional<String> nameOf(String presentedToken) {
        return tokens.nameOf(presentedToken);
    }
}
