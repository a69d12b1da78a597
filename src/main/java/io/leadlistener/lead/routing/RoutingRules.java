package io.leadlistener.lead.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a tenant's routing rules: which pool each intent's leads go to, which intent decides when a
 * message has several, and the pool of intents without one of their own. Version 0 is the configured defaults
 * ({@code leadlistener.routing.*}); published versions count up from 1 per tenant.
 *
 * @param publishedAt  null for version 0
 * @param publishedBy  the admin token's name; null for version 0
 * @param origin       {@code config}, {@code edit} or {@code rollback}
 * @param rolledBackTo the version whose rules a rollback restored, else null
 * @param changesJson  what this version changed against the one before, as stored (JSON); null for version 0
 */
public record RoutingRules(String tenant, long version, Map<String, String> pools, List<String> precedence,
                           String defaultPool, Instant publishedAt, String publishedBy, String origin,
                           Long rolledBackTo, String note, String changesJson) {

    public static final String CONFIG = "config";
    public static final String EDIT = "edit";
    public static final String ROLLBACK = "rollback";

    public RoutingRules {
        Objects.requireNonNull(tenant, "tenant");
        pools = Map.copyOf(pools);
        precedence = List.copyOf(precedence);
        Objects.requireNonNull(defaultPool, "defaultPool");
        Objects.requireNonNull(origin, "origin");
    }

    /** The pool for a message with these intents, and the intent that chose it; empty without intents. */
    public Optional<LeadRouter.Route> route(List<String> intents) {
        return new LeadRouter(pools, precedence, defaultPool).route(intents);
    }

    /** Whether the rules themselves (not who published them, or when) are the same. */
    public boolean sameRulesAs(RoutingRules other) {
        return pools.equals(other.pools) && precedence.equals(other.precedence)
                && defaultPool.equals(other.defaultPool);
    }
}
