package io.leadlistener.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** The configured admin bearer tokens, checked in constant time so response timing reveals nothing about them. */
@ApplicationScoped
public class AdminTokens {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AdminTokens.class);

    private final Map<String, byte[]> tokensByName;

    public AdminTokens(AdminConfig config) {
        this.tokensByName = config.tokens().entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        entry -> digest(entry.getValue())));
        if (tokensByName.isEmpty()) {
            LOG.warn("No admin tokens configured (leadlistener.admin.tokens.\"<name>\"): the admin API refuses everyone");
        } else {
            LOG.infof("Admin API accepts the tokens named %s", new java.util.TreeSet<>(tokensByName.keySet()));
        }
    }

    /** @return the name of the token presented, if it is one of ours */
    public Optional<String> nameOf(String presentedToken) {
        byte[] presented = digest(presentedToken);
        String match = null;
        // Compare against every token (digests have equal length) so timing does not depend on which one matched.
        for (Map.Entry<String, byte[]> entry : tokensByName.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), presented)) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
