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

    public boolean mayActOn(String tenant) {
        return everyTenant || tenants.contains(tenant);
    }

    /** The tenants as configured, for messages: {@code *} or the sorted ids. */
    public String tenantsText() {
        return everyTenant ? EVERY_TENANT : String.join(",", new TreeSet<>(tenants));
    }
}
