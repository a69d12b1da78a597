package io.leadlistener.lead.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.common.SqlTimestamps;
import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Routing rule versions in PostgreSQL. Every replica reads the newest version in the transaction that routes a
 * lead, so a published change applies to the next message everywhere, with no cache to go stale. Publishing
 * takes a per-tenant advisory lock: two admins publishing at once get consecutive versions, never a lost update.
 */
@ApplicationScoped
public class RoutingRuleStore {

    private static final TypeReference<Map<String, String>> POOLS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, PoolRecipients>> RECIPIENTS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final RoutingConfig defaults;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final TransactionJdbc jdbc;

    public RoutingRuleStore(EntityManager entityManager, ObjectMapper objectMapper, RoutingConfig defaults,
                            Clock clock, TransactionSynchronizationRegistry transactions, TransactionJdbc jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.objectMapper = objectMapper;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The rules in force for the tenant: its newest version, or the configured defaults (version 0). */
    public RoutingRules current(String tenant) {
        return rows("where tenant_id = ? order by version desc limit 1", tenant, null).stream().findFirst()
                .orElseGet(() -> configured(tenant));
    }

    /**
     * The rules in force for the tenant, read once per transaction: the inbox worker completes a batch of messages
     * in one transaction, and they all route by the version in force when the batch began (as if processed at that
     * instant), without a query per message.
     */
    public RoutingRules currentForTransaction(String tenant) {
        String key = "routing-rules:" + tenant;
        Object cached = transactions.getResource(key);
        if (cached instanceof RoutingRules rules) {
            return rules;
        }
        RoutingRules rules = current(tenant);
        transactions.putResource(key, rules);
        return rules;
    }

    /** One version; 0 is the configured defaults. */
    public Optional<RoutingRules> version(String tenant, long version) {
        if (version == 0) {
            return Optional.of(configured(tenant));
        }
        return rows("where tenant_id = ? and version = ?", tenant, version).stream().findFirst();
    }

    /** Every version, newest first, ending with the configured defaults (version 0). */
    public List<RoutingRules> versions(String tenant) {
        List<RoutingRules> versions = new ArrayList<>(
                rows("where tenant_id = ? order by version desc", tenant, null));
        versions.add(configured(tenant));
        return versions;
    }

    /**
     * Publishes new rules as the tenant's next version, in the caller's transaction.
     *
     * @param expectedVersion when not null, the version the caller edited: if another one is in force by now the
     *                        publish is refused ({@link StaleEdit}) rather than silently overwriting it
     * @throws NothingChanged if the rules equal the ones in force
     */
    public RoutingRules publish(String tenant, RoutingDefinition rules, String actor, String origin,
                                Long rolledBackTo, String note, Long expectedVersion) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('routing-rules:' || :tenant))")
                .setParameter("tenant", tenant).getSingleResult();
        RoutingRules inForce = current(tenant);
        if (expectedVersion != null && expectedVersion != inForce.version()) {
            throw new StaleEdit(inForce.version());
        }
        RoutingRules candidate = new RoutingRules(tenant, inForce.version() + 1, rules.pools(), rules.precedence(),
                rules.defaultPool(), rules.recipients(), clock.instant(), actor, origin, rolledBackTo, note, null);
        if (candidate.sameRulesAs(inForce)) {
            throw new NothingChanged(inForce.version());
        }
        RoutingRules next = new RoutingRules(tenant, candidate.version(), candidate.pools(), candidate.precedence(),
                candidate.defaultPool(), candidate.recipients(), candidate.publishedAt(), actor, origin, rolledBackTo,
                note, json(changes(inForce, candidate)));
        entityManager.createNativeQuery("""
                        insert into routing_rule_version (tenant_id, version, pools, precedence, default_pool,
                            recipients, published_at, published_by, origin, rolled_back_to, changes, note)
                        values (:tenant, :version, cast(:pools as jsonb), cast(:precedence as text[]), :defaultPool,
                            cast(:recipients as jsonb), :publishedAt, :publishedBy, :origin, :rolledBackTo,
                            cast(:changes as jsonb), :note)""")
                .setParameter("tenant", tenant)
                .setParameter("version", next.version())
                .setParameter("pools", json(new TreeMap<>(next.pools())))
                .setParameter("precedence", textArray(next.precedence()))
                .setParameter("defaultPool", next.defaultPool())
                .setParameter("recipients", json(new TreeMap<>(next.recipients())))
                .setParameter("publishedAt", Timestamp.from(next.publishedAt()))
                .setParameter("publishedBy", actor)
                .setParameter("origin", origin)
                .setParameter("rolledBackTo", rolledBackTo)
                .setParameter("changes", next.changesJson())
                .setParameter("note", note)
                .executeUpdate();
        return next;
    }

    /** What changed from one version to the next: {@code [before, after]} per changed pool, precedence, default. */
    public static Map<String, Object> changes(RoutingRules before, RoutingRules after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, List<String>> pools = new TreeMap<>();
        TreeSet<String> intents = new TreeSet<>(before.pools().keySet());
        intents.addAll(after.pools().keySet());
        for (String intent : intents) {
            String was = before.pools().get(intent);
            String now = after.pools().get(intent);
            if (was == null || !was.equals(now)) {
                pools.put(intent, Arrays.asList(was, now));
            }
        }
        if (!pools.isEmpty()) {
            changes.put("pools", pools);
        }
        if (!before.precedence().equals(after.precedence())) {
            changes.put("precedence", List.of(before.precedence(), after.precedence()));
        }
        if (!before.defaultPool().equals(after.defaultPool())) {
            changes.put("defaultPool", List.of(before.defaultPool(), after.defaultPool()));
        }
        Map<String, List<PoolRecipients>> recipients = new TreeMap<>();
        TreeSet<String> recipientPools = new TreeSet<>(before.recipients().keySet());
        recipientPools.addAll(after.recipients().keySet());
        for (String pool : recipientPools) {
            PoolRecipients was = before.recipients().get(pool);
            PoolRecipients now = after.recipients().get(pool);
            if (was == null || !was.equals(now)) {
                recipients.put(pool, Arrays.asList(was, now));
            }
        }
        if (!recipients.isEmpty()) {
            changes.put("recipients", recipients);
        }
        return changes;
    }

    /** The configured defaults, as version 0 of every tenant. */
    public RoutingRules configured(String tenant) {
        return new RoutingRules(tenant, 0, defaults.pools(), defaults.precedence(), defaults.defaultPool(),
                configuredRecipients(), null, null, RoutingRules.CONFIG, null, null, null);
    }

    private Map<String, PoolRecipients> configuredRecipients() {
        Map<String, PoolRecipients> recipients = new TreeMap<>();
        defaults.recipients().forEach((pool, who) -> recipients.put(pool,
                new PoolRecipients(who.users().orElse(List.of()), who.departments().orElse(List.of()),
                        who.robots().orElse(List.of()))));
        return recipients;
    }

    /**
     * Plain JDBC: the inbox worker reads the rules in force once per transaction, and the ORM's native-query
     * machinery cost more CPU than the query (see TransactionJdbc).
     */
    private List<RoutingRules> rows(String where, String tenant, Long version) {
        return jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    select tenant_id, version, cast(pools as text), array_to_string(precedence, ','), default_pool,
                        published_at, published_by, origin, rolled_back_to, note, cast(changes as text),
                        cast(recipients as text)
                    from routing_rule_version""" + " " + where)) {
                statement.setString(1, tenant);
                if (version != null) {
                    statement.setLong(2, version);
                }
                return TransactionJdbc.readAll(statement, row -> {
                    String precedence = row.getString(4);
                    long rolledBack = row.getLong(9);
                    Long rolledBackTo = row.wasNull() ? null : rolledBack;
                    return new RoutingRules(row.getString(1), row.getLong(2), parsePools(row.getString(3)),
                            precedence.isEmpty() ? List.of() : List.of(precedence.split(",")), row.getString(5),
                            parseRecipients(row.getString(12)), SqlTimestamps.toInstant(row.getTimestamp(6)), row.getString(7), row.getString(8),
                            rolledBackTo, row.getString(10), row.getString(11));
                });
            }
        });
    }

    private Map<String, String> parsePools(String json) {
        try {
            return objectMapper.readValue(json, POOLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing_rule_version.pools is not a JSON object of strings", e);
        }
    }

    private Map<String, PoolRecipients> parseRecipients(String json) {
        try {
            return objectMapper.readValue(json, RECIPIENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing_rule_version.recipients is not a JSON object of pool recipients",
                    e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PostgreSQL array literal; names are validated ({@link RoutingDefinition}) to need no quoting. */
    private static String textArray(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    /** Publishing rules identical to those in force. */
    public static final class NothingChanged extends RuntimeException {
        public final long versionInForce;

        NothingChanged(long versionInForce) {
            super("the rules equal version " + versionInForce + ", which is in force", null, false, false);
            this.versionInForce = versionInForce;
        }
    }

    /** Publishing over a version the caller had not seen. */
    public static final class StaleEdit extends RuntimeException {
        public final long versionInForce;

        StaleEdit(long versionInForce) {
            super("version " + versionInForce + " is in force now", null, false, false);
            this.versionInForce = versionInForce;
        }
    }
}
