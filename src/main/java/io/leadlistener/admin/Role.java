package io.leadlistener.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an admin credential may do, each role including the ones before it: {@code viewer} reads rules, look-ups,
 * impact previews and leads; {@code editor} also changes drafts, publishes, rolls back, routes, re-tags and sets
 * actions; {@code operator} also replays parked rows, events and actions and erases a contact's personal data;
 * {@code admin} also changes the shared
 * {@code default} rule set and acts on every tenant.
 */
public enum Role {
    VIEWER, EDITOR, OPERATOR, ADMIN;

    /** Every role id, as configuration and problem bodies spell them. */
    public static final String IDS = Arrays.stream(values()).map(Role::id).collect(Collectors.joining("|"));

    /** How configuration and problem bodies spell the role. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    public static Optional<Role> parse(String id) {
        return Arrays.stream(values()).filter(role -> role.id().equals(id == null ? null : id.strip())).findFirst();
    }
}
