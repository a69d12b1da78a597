package io.leadlistener.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a single sign-on's ID token claims into the credential its console session acts as: {@code sso:<name>}, the
 * highest role the role claim names, the tenants the tenants claim lists. A token without a usable name, role or
 * tenants gives no session — and a message that says which claim to set.
 */
public final class SingleSignOnClaims {

    public static final String NAME_PREFIX = "sso:";

    /** A credential, or why there is none. */
    public record Outcome(Optional<AdminCredential> credential, String refusal) {
    }

    private SingleSignOnClaims() {
    }

    /** @param claim the ID token's claim of a name (a string, a number, a list of those, or null) */
    public static Outcome credential(ConsoleConfig.SingleSignOn names, Function<String, Object> claim) {
        List<String> name = values(claim.apply(names.nameClaim()));
        if (name.isEmpty()) {
            return refused("the ID token has no '" + names.nameClaim() + "' claim to name you by");
        }
        Optional<Role> role = values(claim.apply(names.roleClaim())).stream().map(Role::parse)
                .flatMap(Optional::stream).max(Enum::compareTo);
        if (role.isEmpty()) {
            return refused("the ID token's '" + names.roleClaim() + "' claim names no role of this console ("
                    + Role.IDS + "); ask your identity provider's admin to set it");
        }
        List<String> tenants = values(claim.apply(names.tenantsClaim()));
        if (role.get() != Role.ADMIN && tenants.isEmpty()) {
            return refused("the ID token's '" + names.tenantsClaim() + "' claim names no tenant; ask your identity "
                    + "provider's admin to set it (tenant ids, or *)");
        }
        return new Outcome(Optional.of(AdminCredential.of(NAME_PREFIX + name.get(0), role.get(),
                tenants.isEmpty() ? AdminCredential.EVERY_TENANT : String.join(",", tenants))), null);
    }

    private static Outcome refused(String why) {
        return new Outcome(Optional.empty(), why);
    }

    /** A claim's values: a list's elements, or a string split at commas and spaces. */
    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(element -> values.addAll(values(element)));
        } else if (claim != null) {
            String text = claim.toString().strip();
            // JSON-P strings print with their quotes
            if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                text = text.substring(1, text.length() - 1);
            }
            for (String value : text.split("[,\\s]+")) {
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
