package io.leadlistener.admin;

import io.leadlistener.tenant.TenantsConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The configured admin credentials ({@code leadlistener.admin.credentials."<name>"}, plus the deprecated
 * {@code leadlistener.admin.tokens."<name>"} as admins on every tenant). Tokens are compared in constant time and kept
 * only as digests; the name is what logs and audit rows show.
 */
@ApplicationScoped
@Startup // a credential that cannot work stops the start, not the first request
public class AdminCredentials {

    private static final Logger LOG = Logger.getLogger(AdminCredentials.class);

    private final Map<String, AdminCredential> byName;
    private final NamedTokens tokens;

    @Inject
    public AdminCredentials(AdminConfig config, TenantsConfig tenants) {
        this(config, tenants.tenants().keySet());
    }

    AdminCredentials(AdminConfig config, Set<String> configuredTenants) {
        Map<String, AdminCredential> credentials = new LinkedHashMap<>();
        Map<String, String> tokensByName = new LinkedHashMap<>();
        config.credentials().forEach((name, credential) -> {
            credentials.put(name, credential(name, credential));
            tokensByName.put(name, credential.token());
        });
        config.tokens().forEach((name, token) -> {
            if (credentials.containsKey(name)) {
                throw new IllegalStateException("leadlistener.admin.tokens.\"" + name + "\" and leadlistener.admin."
                        + "credentials.\"" + name + "\" share a name; audit rows would not say which one acted");
            }
            LOG.warnf("leadlistener.admin.tokens.\"%s\" is deprecated: it acts as an admin credential on every tenant."
                    + " Move it to leadlistener.admin.credentials.\"%s\".token with .role and .tenants "
                    + "(docs/configuration.md)", name, name);
            credentials.put(name, new AdminCredential(name, Role.ADMIN, true, Set.of()));
            tokensByName.put(name, token);
        });
        this.byName = Map.copyOf(credentials);
        this.tokens = new NamedTokens(tokensByName);
        if (tokens.distinctValues() < tokensByName.size()) {
            throw new IllegalStateException("two admin credentials share one token value; give each its own, so that "
                    + "the role and the audit name of a request are never ambiguous");
        }
        warnAboutUnknownTenants(configuredTenants);
        if (byName.isEmpty()) {
            LOG.warn("No admin credentials configured (leadlistener.admin.credentials.\"<name>\"): "
                    + "the admin API and the console refuse everyone");
        } else {
            LOG.infof("Admin API accepts the credentials %s", byName.values().stream()
                    .map(credential -> credential.name() + " (" + credential.role().id() + " on "
                            + credential.tenantsText() + ")")
                    .sorted().collect(Collectors.joining(", ")));
        }
    }

    /** @return the credential whose token was presented, if it is one of ours */
    public Optional<AdminCredential> presenting(String presentedToken) {
        return tokens.nameOf(presentedToken).map(byName::get);
    }

    /** The credential of this name, while it is configured (a console session outlives nothing its credential does not). */
    public Optional<AdminCredential> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The SHA-256 digest of the credential's token, while it is configured: a session ends when it changes. */
    public Optional<byte[]> tokenDigest(String name) {
        return tokens.digestOf(name);
    }

    private static AdminCredential credential(String name, AdminConfig.Credential config) {
        Role role = Role.parse(config.role()).orElseThrow();
        if (role == Role.ADMIN) {
            if (config.tenants().isPresent() && !config.tenants().get().strip().equals(AdminCredential.EVERY_TENANT)) {
                throw new IllegalStateException("leadlistener.admin.credentials.\"" + name + "\".tenants is '"
                        + config.tenants().get().strip() + "', but an admin acts on every tenant: set it to '*' or "
                        + "leave it out, or choose the operator role");
            }
            return new AdminCredential(name, role, true, Set.of());
        }
        String tenants = config.tenants().orElseThrow(() -> new IllegalStateException(
                "leadlistener.admin.credentials.\"" + name + "\".tenants is required for the " + role.id()
                        + " role: tenant ids separated by commas, or '*'"));
        return AdminCredential.of(name, role, tenants);
    }

    private void warnAboutUnknownTenants(Set<String> configuredTenants) {
        byName.values().forEach(credential -> credential.tenants().stream()
                .filter(tenant -> !configuredTenants.contains(tenant))
                .forEach(tenant -> LOG.warnf("Admin credential %s names tenant '%s', which is not configured "
                        + "(configured: %s)", credential.name(), tenant, new TreeSet<>(configuredTenants))));
    }
}
