package io.leadlistener.admin;

import io.leadlistener.tenant.TenantsConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Outside dev and test, bearer tokens must be hard to guess and must not open two doors: every admin and ingestion
 * token is at least {@value #MIN_LENGTH} characters, and no value is both an admin and an ingestion token. (The WeCom
 * callback Token is WeCom's, at most 32 characters, and not checked here.) Start-up stops with the keys to fix —
 * never the values.
 */
@ApplicationScoped
@Startup
public class ProductionTokenPolicy {

    public static final int MIN_LENGTH = 32;

    @Inject
    public ProductionTokenPolicy(AdminConfig admin, TenantsConfig tenants) {
        if (LaunchMode.current().isDevOrTest()) {
            return; // the demo's short, shared dev-admin-token is part of the README's quick start
        }
        List<String> violations = violations(adminTokensByKey(admin), ingestionTokensByKey(tenants));
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Refusing to start with weak or shared tokens: " + String.join("; ", violations));
        }
    }

    /** @return what is wrong, naming configuration keys only; empty when the tokens are fine */
    static List<String> violations(Map<String, String> adminTokensByKey, Map<String, String> ingestionTokensByKey) {
        List<String> violations = new ArrayList<>();
        Map<String, String> all = new TreeMap<>(adminTokensByKey);
        all.putAll(ingestionTokensByKey);
        all.forEach((key, token) -> {
            if (token.length() < MIN_LENGTH) {
                violations.add(key + " is " + token.length() + " characters; outside dev and test a token needs at least "
                        + MIN_LENGTH + " (e.g. openssl rand -hex 32)");
            }
        });
        new TreeMap<>(adminTokensByKey).forEach((adminKey, adminToken) -> new TreeMap<>(ingestionTokensByKey)
                .forEach((ingestionKey, ingestionToken) -> {
                    if (adminToken.equals(ingestionToken)) {
                        violations.add(adminKey + " and " + ingestionKey + " have the same value; an admin token may "
                                + "not also be an ingestion token");
                    }
                }));
        return violations;
    }

    private static Map<String, String> adminTokensByKey(AdminConfig admin) {
        Map<String, String> tokens = new TreeMap<>();
        admin.credentials().forEach((name, credential) ->
                tokens.put("leadlistener.admin.credentials.\"" + name + "\".token", credential.token()));
        admin.tokens().forEach((name, token) -> tokens.put("leadlistener.admin.tokens.\"" + name + "\"", token));
        return tokens;
    }

    private static Map<String, String> ingestionTokensByKey(TenantsConfig tenants) {
        Map<String, String> tokens = new TreeMap<>();
        tenants.tenants().forEach((tenant, config) -> config.ingestionTokens().forEach((name, token) ->
                tokens.put("leadlistener.tenants.\"" + tenant + "\".ingestion-tokens.\"" + name + "\"", token)));
        return tokens;
    }
}
