package io.leadlistener.admin;

import java.util.Set;
import java.util.TreeSet;

/**
 * A configured admin credential as a request presents it: its name (what audit rows and logs show, never the token),
 * its role, and the tenants it may act on ({@code everyTenant} for {@code *}).
 */
public record AdminCredential(String name, Role role, boolean everyTenant, Set<String> tenants) {

    public static final String EVERY_TENANT = "*";

    public AdminCredential {
        tenants = Set.copyOf(tenants);
    }

    /**
     * @param tenantsText {@code *} or tenant ids separated by commas (an admin acts on every tenant whatever it says;
     *                    whoever configures it is told so)
     */
    public static AdminCredential of(String name, Role role, String tenantsText) {
        if (role == Role.ADMIN || tenantsText.strip().equals(EVERY_TENANT)) {
            return new AdminCredential(name, role, true, Set.of());
        }
        return new AdminCredential(name, role, false, java.util.Arrays.stream(tenantsText.split(","))
                .map(String::strip).filter(tenant -> !tenant.isEmpty()).collect(java.util.stream.Collectors.toSet()));
    }

    public boolean mayActOn(String tenant) {
        return everyTenant || tenants.contains(tenant);
    }

    /** The tenants as configured, for messages: {@code *} or the sorted ids. */
    public String tenantsText() {
        return everyTenant ? EVERY_TENANT : String.join(",", new TreeSet<>(tenants));
    }
}
