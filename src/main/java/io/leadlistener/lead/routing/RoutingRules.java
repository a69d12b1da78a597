package io.leadlistener.lead.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a tenant's routing rules: which pool each intent's leads go to, which intent decides when a
 * message has several, the pool of intents without one of their own, and who is alerted about a pool's leads that
 * have no owner. Version 0 is the configured defaults
 * ({@code leadlistener.routing.*}); published versions count up from 1 per tenant.
 *
 * @param publishedAt  null for version 0
 * @param publishedBy  the admin token's name; null for version 0
 * @param origin       {@code config}, {@code edit} or {@code rollback}
 * @param rolledBackTo the version whose rules a rollback restored, else null
 * @param changesJson  what this version changed against the one before, as stored (JSON); null for version 0
 */
public record RoutingRules(String tenant, long version, Map<String, String> pools, List<String> precedence,
                           String defaultPool, Map<String, PoolRecipients> recipients, Instant publishedAt, String publishedBy, String origin,
                           Long rolledBackTo, String note, String changesJson) {

    public static final String CONFIG = "config";
    public static final String EDIT = "edit";
    public static final String ROLLBACK = "rollback";

    public RoutingRules {
        Objects.requireNonNull(tenant, "tenant");
        pools = Map.copyOf(pools);
        precedence = List.copyOf(precedence);
        Objects.requireNonNull(defaultPool, "defaultPool");
        recipients = recipients == null ? Map.of() : Map.copyOf(recipients);
        Objects.requireNonNull(origin, "origin");
    }

    /** The pool for a message with these intents, and the intent that chose it; empty without intents. */
    public Optional<LeadRouter.Route> route(List<String> intents) {
        return new LeadRouter(pools, precedence, defaultPool).route(intents);
    }

    /** Who is alerted about a lead of this pool that has no owner; empty when nobody is named. */
    public PoolRecipients recipientsOf(String pool) {
        return recipients.getOrDefault(pool, new PoolRecipients(List.of(), List.of()));
    }

    /** Whether the rules themselves (not who published them, or when) are the same. */
    public boolean sameRulesAs(RoutingRules other) {
        return pools.equals(other.pools) && precedence.equals(other.precedence)
                && defaultPool.equals(other.defaultPool) && recipients.equals(other.recipients);
    }
}
