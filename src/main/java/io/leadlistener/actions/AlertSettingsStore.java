package io.leadlistener.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.common.SqlTimestamps;
import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.errors.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Alert settings versions in PostgreSQL, read in the transaction that enqueues an alert — so a published change
 * applies to the next message on every replica, with no cache to go stale — and published under a per-tenant
 * advisory lock (two admins at once get consecutive versions, never a lost update).
 */
@ApplicationScoped
public class AlertSettingsStore {

    private static final String COLUMNS = "tenant_id, version, cast(settings as text), published_at, published_by,"
            + " origin, rolled_back_to, note, cast(changes as text)";

    private final TransactionJdbc jdbc;
    private final ActionsConfig.Alerts defaults;
    private final ObjectMapper objectMapper;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public AlertSettingsStore(TransactionJdbc jdbc, ActionsConfig config, ObjectMapper objectMapper,
                              TransactionSynchronizationRegistry transactions, Clock clock) {
        this.jdbc = jdbc;
        this.defaults = config.alerts();
        this.objectMapper = objectMapper;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The settings in force: the tenant's newest version, or the configured defaults (version 0). */
    public AlertSettings current(String tenant) {
        return rows("where tenant_id = ? order by version desc limit 1", tenant, null).stream().findFirst()
                .orElseGet(() -> configured(tenant));
    }

    /** As {@link #current}, read once per transaction (the inbox worker completes a batch in one). */
    AlertSettings currentForTransaction(String tenant) {
        String key = "alert-settings:" + tenant;
        if (transactions.getResource(key) instanceof AlertSettings settings) {
            return settings;
        }
        AlertSettings settings = current(tenant);
        transactions.putResource(key, settings);
        return settings;
    }

    public Optional<AlertSettings> version(String tenant, long version) {
        if (version == 0) {
            return Optional.of(configured(tenant));
        }
        return rows("where tenant_id = ? and version = ?", tenant, version).stream().findFirst();
    }

    /** Every version, newest first, ending with the configured defaults (version 0). */
    public List<AlertSettings> versions(String tenant) {
        List<AlertSettings> versions = new ArrayList<>(rows("where tenant_id = ? order by version desc", tenant,
                null));
        versions.add(configured(tenant));
        return versions;
    }

    public AlertSettings configured(String tenant) {
        return new AlertSettings(tenant, 0, defaults.enabled(), defaults.foldMinutes(), defaults.perMemberPerMinute(),
                defaults.newContactAlerts(), defaults.format(), defaults.customerTags(), defaults.tagGroup(),
                defaults.tagNames(), defaults.quietFrom().orElse(null), defaults.quietTo().orElse(null),
                defaults.timeZone(), null, null, "config", null, null, null);
    }

    /**
     * Publishes {@code settings} (its values; version and provenance are assigned here) as the tenant's next version,
     * in the caller's transaction.
     *
     * @param expectedVersion when not null, the version the caller edited
     * @throws ConflictException {@code alert-settings-edit-conflict} when another version is in force than the one
     *                           edited; {@code alert-settings-unchanged} when the values equal those in force
     */
    public AlertSettings publish(AlertSettings settings, String actor, String origin, Long rolledBackTo, String note,
                                 Long expectedVersion) {
        String tenant = settings.tenant();
        jdbc.query("select pg_advisory_xact_lock(hashtext('alert-settings:' || ?))",
                statement -> statement.setString(1, tenant), row -> true);
        AlertSettings inForce = current(tenant);
        if (expectedVersion != null && expectedVersion != inForce.version()) {
            throw new ConflictException("alert-settings-edit-conflict", "the edit was based on version "
                    + expectedVersion + " but version " + inForce.version() + " is in force now; reload and edit "
                    + "again", Map.of("versionInForce", inForce.version()));
        }
        if (settings.sameSettingsAs(inForce)) {
            throw new ConflictException("alert-settings-unchanged", "nothing to publish: the settings equal version "
                    + inForce.version() + ", which is in force");
        }
        String changes = json(changes(inForce.values(), settings.values()));
        AlertSettings next = new AlertSettings(tenant, inForce.version() + 1, settings.enabled(),
                settings.foldMinutes(), settings.perMemberPerMinute(), settings.newContactAlerts(), settings.format(),
                settings.customerTags(), settings.tagGroup(), settings.tagNames(), settings.quietFrom(),
                settings.quietTo(), settings.timeZone(), clock.instant(), actor, origin, rolledBackTo, note, changes);
        jdbc.update("""
                insert into alert_settings_version (tenant_id, version, settings, published_at, published_by, origin,
                    rolled_back_to, changes, note)
                values (?, ?, cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb), ?)""", statement -> {
            statement.setString(1, tenant);
            statement.setLong(2, next.version());
            statement.setString(3, json(next.values()));
            TransactionJdbc.setInstant(statement, 4, next.publishedAt());
            statement.setString(5, actor);
            statement.setString(6, origin);
            TransactionJdbc.setLong(statement, 7, rolledBackTo);
            statement.setString(8, changes);
            statement.setString(9, note);
        });
        return next;
    }

    /** {@code [before, after]} per changed setting. */
    static Map<String, List<Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, List<Object>> changes = new LinkedHashMap<>();
        after.forEach((name, value) -> {
            if (!Objects.equals(value, before.get(name))) {
                changes.put(name, Arrays.asList(before.get(name), value));
            }
        });
        return changes;
    }

    private List<AlertSettings> rows(String where, String tenant, Long version) {
        return jdbc.query("select " + COLUMNS + " from alert_settings_version " + where, statement -> {
            statement.setString(1, tenant);
            if (version != null) {
                statement.setLong(2, version);
            }
        }, row -> {
            JsonNode values = tree(row.getString(3));
            long rolledBack = row.getLong(7);
            Long rolledBackTo = row.wasNull() ? null : rolledBack;
            // A setting added after a version was stored reads as the configured default.
            AlertSettings base = configured(row.getString(1));
            return new AlertSettings(row.getString(1), row.getLong(2),
                    values.path("enabled").asBoolean(base.enabled()),
                    values.path("foldMinutes").asInt(base.foldMinutes()),
                    values.path("perMemberPerMinute").asInt(base.perMemberPerMinute()),
                    values.path("newContactAlerts").asBoolean(base.newContactAlerts()),
                    values.path("format").asText(base.format()),
                    values.path("customerTags").asBoolean(base.customerTags()),
                    values.path("tagGroup").asText(base.tagGroup()),
                    values.has("tagNames") ? names(values.path("tagNames")) : base.tagNames(),
                    values.has("quietFrom") ? values.path("quietFrom").asText(null) : base.quietFrom(),
                    values.has("quietTo") ? values.path("quietTo").asText(null) : base.quietTo(),
                    values.path("timeZone").asText(base.timeZone()),
                    SqlTimestamps.toInstant(row.getTimestamp(4)), row.getString(5), row.getString(6), rolledBackTo,
                    row.getString(8), row.getString(9));
        });
    }

    private static Map<String, String> names(JsonNode object) {
        Map<String, String> names = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> names.put(field.getKey(), field.getValue().asText()));
        return names;
    }

    private JsonNode tree(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert_settings_version.settings is not JSON", e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
