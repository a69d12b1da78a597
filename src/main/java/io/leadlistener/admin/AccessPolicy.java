package io.leadlistener.admin;

import io.leadlistener.intent.rules.RuleSetNames;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a credential may use a route that needs a role, on a tenant (or on no tenant). The shared {@code default}
 * rule set is every tenant's base layer, so any credential may read it, but only an {@code admin} may change it.
 */
public final class AccessPolicy {

    /** Why a request is refused: a problem slug, a detail naming what is missing, and that as problem fields. */
    public record Refusal(String slug, String detail, Map<String, Object> missing) {
    }

    private AccessPolicy() {
    }

    /** @param tenant the tenant (or {@code default} rule set) the request acts on; null when it names none */
    public static Optional<Refusal> refusal(AdminCredential credential, Role required, String tenant) {
        if (!credential.role().includes(required)) {
            return Optional.of(new Refusal("role-insufficient", "this route needs the " + required.id()
                    + " role; credential '" + credential.name() + "' has " + credential.role().id(),
                    Map.of("missingRole", required.id(), "credentialRole", credential.role().id())));
        }
        if (tenant == null) {
            return Optional.empty();
        }
        if (RuleSetNames.DEFAULT.equals(tenant)) {
            if (required == Role.VIEWER || credential.role() == Role.ADMIN) {
                return Optional.empty();
            }
            return Optional.of(new Refusal("role-insufficient", "changing the shared '" + RuleSetNames.DEFAULT
                    + "' rule set needs the admin role; credential '" + credential.name() + "' has "
                    + credential.role().id(),
                    Map.of("missingRole", Role.ADMIN.id(), "credentialRole", credential.role().id())));
        }
        if (!credential.mayActOn(tenant)) {
            return Optional.of(new Refusal("tenant-not-permitted", "credential '" + credential.name()
                    + "' may act on tenants " + credential.tenantsText() + ", not on '" + tenant + "'",
                    Map.of("missingTenant", tenant)));
        }
        return Optional.empty();
    }
}
