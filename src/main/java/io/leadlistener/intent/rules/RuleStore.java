package io.leadlistener.intent.rules;

import io.leadlistener.common.SqlTimestamps;
import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.RuleKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL behind rule sets: drafts, published versions with their snapshots, custom intents, audit. */
@ApplicationScoped
public class RuleStore {

    private static final int VERSION_RULES_PER_BATCH = 500;

    private final EntityManager entityManager;
    private final TransactionJdbc jdbc;

    public RuleStore(EntityManager entityManager, TransactionJdbc jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    public record VersionInfo(long version, String ruleSet, Instant publishedAt, String publishedBy, String origin,
                              Long rolledBackTo, int ruleCount) {
    }

    public record IntentDefinition(String ruleSet, String name, String label, String description) {
    }

    public record AuditEntry(long id, String ruleSet, Long version, String actor, Instant at, String action,
                             String changes) {
    }

    // ---- versions -------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public Map<String, Long> latestVersions() {
        List<Object[]> rows = entityManager.createNativeQuery(
                "select rule_set, max(version) from intent_rule_version group by rule_set").getResultList();
        Map<String, Long> latest = new HashMap<>();
        rows.forEach(row -> latest.put((String) row[0], ((Number) row[1]).longValue()));
        return latest;
    }

    @SuppressWarnings("unchecked")
    public Optional<Long> latestVersion(String ruleSet) {
        List<Number> rows = entityManager.createNativeQuery(
                        "select max(version) from intent_rule_version where rule_set = :set having max(version) is not null")
                .setParameter("set", ruleSet).getResultList();
        return rows.stream().findFirst().map(Number::longValue);
    }

    /** The rule set's newest version not above {@code version}: what was in force for it at that version. */
    @SuppressWarnings("unchecked")
    public Optional<Long> latestVersionAtMost(String ruleSet, long version) {
        List<Number> rows = entityManager.createNativeQuery("""
                        select max(version) from intent_rule_version where rule_set = :set and version <= :version
                        having max(version) is not null""")
                .setParameter("set", ruleSet).setParameter("version", version).getResultList();
        return rows.stream().findFirst().map(Number::longValue);
    }

    @SuppressWarnings("unchecked")
    public List<VersionInfo> versions(String ruleSet) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select version, rule_set, published_at, published_by, origin, rolled_back_to, rule_count
                        from intent_rule_version where rule_set = :set order by version desc""")
                .setParameter("set", ruleSet).getResultList();
        return rows.stream().map(RuleStore::toVersionInfo).toList();
    }

    public Optional<VersionInfo> version(String ruleSet, long version) {
        return versions(ruleSet).stream().filter(info -> info.version() == version).findFirst();
    }

    @SuppressWarnings("unchecked")
    public List<StoredRule> versionRules(long version) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select rule_id, intent, kind, keyword, enabled, note, detail from intent_rule_version_rule
                        where version = :version order by rule_id""")
                .setParameter("version", version).getResultList();
        return rows.stream().map(RuleStore::toStoredRule).toList();
    }

    /** Snapshots {@code rules} as the next version of the rule set; callers hold {@link #lockRuleSet}. */
    public long insertVersion(String ruleSet, List<StoredRule> rules, String actor, String origin,
                              Long rolledBackTo) {
        long version = ((Number) entityManager.createNativeQuery("select nextval('intent_rule_version_seq')")
                .getSingleResult()).longValue();
        entityManager.createNativeQuery("""
                        insert into intent_rule_version (version, rule_set, published_by, origin, rolled_back_to,
                            rule_count) values (:version, :set, :actor, :origin, :rolledBackTo, :count)""")
                .setParameter("version", version).setParameter("set", ruleSet).setParameter("actor", actor)
                .setParameter("origin", origin).setParameter("rolledBackTo", rolledBackTo)
                .setParameter("count", rules.size())
                .executeUpdate();
        insertVersionRules(version, rules);
        return version;
    }

    /**
     * The rules of a published version, as JDBC batches: a 2,000-rule publish is a few round trips, not 2,000 (plain
     * JDBC, the one way this table is written; docs/architecture.md, "Persistence").
     */
    private void insertVersionRules(long version, List<StoredRule> rules) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into intent_rule_version_rule (version, rule_id, intent, kind, keyword, enabled, note, detail)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (StoredRule stored : rules) {
                    IntentRule rule = stored.rule();
                    insert.setLong(1, version);
                    insert.setLong(2, stored.id());
                    insert.setString(3, rule.intent());
                    insert.setString(4, rule.kind().code());
                    insert.setString(5, rule.keyword());
                    insert.setBoolean(6, rule.enabled());
                    insert.setString(7, rule.note());
                    insert.setString(8, RuleDetailJson.write(rule.detail()));
                    insert.addBatch();
                    if (++pending == VERSION_RULES_PER_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
                return null;
            }
        });
    }

    // ---- drafts ---------------------------------------------------------------------------------------------

    /**
     * Makes sure the rule set has a draft (a copy of its latest version) and locks the rule set for the rest of the
     * transaction, so concurrent edits and publishes of one rule set happen one after the other.
     */
    public void lockRuleSet(String ruleSet) {
        int created = entityManager.createNativeQuery(
                        "insert into intent_rule_set (rule_set) values (:set) on conflict do nothing")
                .setParameter("set", ruleSet).executeUpdate();
        entityManager.createNativeQuery("select rule_set from intent_rule_set where rule_set = :set for update")
                .setParameter("set", ruleSet).getResultList();
        if (created == 1) {
            copyLatestVersionIntoDraft(ruleSet, "system");
        }
    }

    /** Throws the draft away: it becomes a copy of the latest version again. Callers hold {@link #lockRuleSet}. */
    public void resetDraft(String ruleSet, String actor) {
        entityManager.createNativeQuery("delete from intent_rule_draft where rule_set = :set")
                .setParameter("set", ruleSet).executeUpdate();
        copyLatestVersionIntoDraft(ruleSet, actor);
    }

    /** Replaces the draft by the given rules (rollback). Callers hold {@link #lockRuleSet}. */
    public void replaceDraft(String ruleSet, List<StoredRule> rules, String actor) {
        entityManager.createNativeQuery("delete from intent_rule_draft where rule_set = :set")
                .setParameter("set", ruleSet).executeUpdate();
        rules.forEach(rule -> insertDraftRule(ruleSet, rule.id(), rule.rule(), actor));
    }

    private void copyLatestVersionIntoDraft(String ruleSet, String actor) {
        latestVersion(ruleSet).ifPresent(version ->
                versionRules(version).forEach(rule -> insertDraftRule(ruleSet, rule.id(), rule.rule(), actor)));
    }

    @SuppressWarnings("unchecked")
    public List<StoredRule> draftRules(String ruleSet) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select rule_id, intent, kind, keyword, enabled, note, detail from intent_rule_draft
                        where rule_set = :set order by rule_id""")
                .setParameter("set", ruleSet).getResultList();
        return rows.stream().map(RuleStore::toStoredRule).toList();
    }

    /** @return the new rule, or empty if the rule set already has a rule with this intent, kind and keyword */
    @SuppressWarnings("unchecked")
    public Optional<StoredRule> addDraftRule(String ruleSet, IntentRule rule, String actor) {
        List<Number> ids = entityManager.createNativeQuery("""
                        insert into intent_rule_draft (rule_set, intent, kind, keyword, enabled, note, detail,
                            updated_by)
                        values (:set, :intent, :kind, :keyword, :enabled, :note, cast(:detail as text), :actor)
                        on conflict (rule_set, intent, kind, keyword) do nothing
                        returning rule_id""")
                .setParameter("set", ruleSet).setParameter("intent", rule.intent())
                .setParameter("kind", rule.kind().code()).setParameter("keyword", rule.keyword())
                .setParameter("enabled", rule.enabled()).setParameter("note", rule.note())
                .setParameter("detail", RuleDetailJson.write(rule.detail())).setParameter("actor", actor)
                .getResultList();
        return ids.stream().findFirst().map(id -> new StoredRule(id.longValue(), rule));
    }

    public boolean updateDraftRule(String ruleSet, long id, IntentRule rule, String actor) {
        return entityManager.createNativeQuery("""
                        update intent_rule_draft set intent = :intent, kind = :kind, keyword = :keyword,
                            enabled = :enabled, note = :note, detail = cast(:detail as text), updated_at = now(),
                            updated_by = :actor
                        where rule_set = :set and rule_id = :id""")
                .setParameter("set", ruleSet).setParameter("id", id).setParameter("intent", rule.intent())
                .setParameter("kind", rule.kind().code()).setParameter("keyword", rule.keyword())
                .setParameter("enabled", rule.enabled()).setParameter("note", rule.note())
                .setParameter("detail", RuleDetailJson.write(rule.detail())).setParameter("actor", actor)
                .executeUpdate() == 1;
    }

    public boolean deleteDraftRule(String ruleSet, long id) {
        return entityManager.createNativeQuery("delete from intent_rule_draft where rule_set = :set and rule_id = :id")
                .setParameter("set", ruleSet).setParameter("id", id).executeUpdate() == 1;
    }

    private void insertDraftRule(String ruleSet, long id, IntentRule rule, String actor) {
        entityManager.createNativeQuery("""
                        insert into intent_rule_draft (rule_set, rule_id, intent, kind, keyword, enabled, note, detail,
                            updated_by) values (:set, :id, :intent, :kind, :keyword, :enabled, :note, cast(:detail as text), :actor)""")
                .setParameter("set", ruleSet).setParameter("id", id).setParameter("intent", rule.intent())
                .setParameter("kind", rule.kind().code()).setParameter("keyword", rule.keyword())
                .setParameter("enabled", rule.enabled()).setParameter("note", rule.note())
                .setParameter("detail", RuleDetailJson.write(rule.detail())).setParameter("actor", actor)
                .executeUpdate();
    }

    /** Every rule set with a published version, {@code default} included. */
    @SuppressWarnings("unchecked")
    public List<String> ruleSetsWithVersions() {
        return entityManager.createNativeQuery("select distinct rule_set from intent_rule_version order by rule_set")
                .getResultList();
    }

    // ---- intents --------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public List<IntentDefinition> intents(List<String> ruleSets) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select rule_set, name, label, description from intent_definition
                        where rule_set in (:sets) order by name""")
                .setParameter("sets", ruleSets).getResultList();
        return rows.stream().map(row -> new IntentDefinition((String) row[0], (String) row[1], (String) row[2],
                (String) row[3])).toList();
    }

    public boolean addIntent(IntentDefinition intent, String actor) {
        return entityManager.createNativeQuery("""
                        insert into intent_definition (rule_set, name, label, description, created_by)
                        values (:set, :name, :label, :description, :actor) on conflict do nothing""")
                .setParameter("set", intent.ruleSet()).setParameter("name", intent.name())
                .setParameter("label", intent.label()).setParameter("description", intent.description())
                .setParameter("actor", actor)
                .executeUpdate() == 1;
    }

    // ---- audit ----------------------------------------------------------------------------------------------

    public void audit(String ruleSet, Long version, String actor, String action, String changesJson) {
        entityManager.createNativeQuery("""
                        insert into intent_rule_audit (rule_set, version, actor, action, changes)
                        values (:set, :version, :actor, :action, :changes)""")
                .setParameter("set", ruleSet).setParameter("version", version).setParameter("actor", actor)
                .setParameter("action", action).setParameter("changes", changesJson)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<AuditEntry> auditTrail(String ruleSet, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, rule_set, version, actor, at, action, changes from intent_rule_audit
                        where rule_set = :set order by id desc limit :limit""")
                .setParameter("set", ruleSet).setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new AuditEntry(((Number) row[0]).longValue(), (String) row[1],
                row[2] == null ? null : ((Number) row[2]).longValue(), (String) row[3], SqlTimestamps.toInstant(row[4]),
                (String) row[5], (String) row[6])).toList();
    }

    // ---- mapping --------------------------------------------------------------------------------------------

    private static StoredRule toStoredRule(Object[] row) {
        return new StoredRule(((Number) row[0]).longValue(), new IntentRule((String) row[1],
                RuleKind.fromCode((String) row[2]), (String) row[3], (Boolean) row[4], (String) row[5],
                RuleDetailJson.read((String) row[6])));
    }

    private static VersionInfo toVersionInfo(Object[] row) {
        return new VersionInfo(((Number) row[0]).longValue(), (String) row[1], SqlTimestamps.toInstant(row[2]), (String) row[3],
                (String) row[4], row[5] == null ? null : ((Number) row[5]).longValue(), ((Number) row[6]).intValue());
    }
}
