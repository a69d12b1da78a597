package io.leadlistener.intent.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.errors.ConflictException;
import io.leadlistener.errors.InvalidInputException;
import io.leadlistener.errors.NotFoundException;
import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.Proximity;
import io.leadlistener.intent.engine.RuleKind;
import io.leadlistener.intent.engine.RuleSet;
import io.leadlistener.intent.engine.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Edits rule sets the way sales ops work: changes go into a draft, the draft is published as one new version
 * (validated first, audited), any version can be rolled back to (itself a new version). Every method runs inside
 * the caller's transaction and holds the rule set's lock for its duration.
 */
@ApplicationScoped
public class RuleSetEditor {

    private final RuleStore store;
    private final ObjectMapper objectMapper;
    private final RuleValidation validation = new RuleValidation(TextNormalizer.standard());

    public RuleSetEditor(RuleStore store, ObjectMapper objectMapper) {
        this.store = store;
        this.objectMapper = objectMapper;
    }

    public record Published(long version, RuleDiff diff) {
    }

    public StoredRule addRule(String ruleSet, IntentRule rule, String actor) {
        store.lockRuleSet(ruleSet);
        validate(ruleSet, rule);
        return store.addDraftRule(ruleSet, rule, actor).orElseThrow(() -> new ConflictException("duplicate-rule",
                "rule set '" + ruleSet + "' already has a " + rule.kind().code() + " rule '"
                + rule.keyword() + "' for intent " + rule.intent()));
    }

    public StoredRule updateRule(String ruleSet, long id, IntentRule rule, String actor) {
        store.lockRuleSet(ruleSet);
        validate(ruleSet, rule);
        boolean clashes = store.draftRules(ruleSet).stream()
                .anyMatch(other -> other.id() != id && EffectiveRules.RuleKey.of(other.rule())
                        .equals(EffectiveRules.RuleKey.of(rule)));
        if (clashes) {
            throw new ConflictException("duplicate-rule", "rule set '" + ruleSet
                    + "' already has another " + rule.kind().code() + " rule '" + rule.keyword() + "' for intent "
                    + rule.intent());
        }
        if (!store.updateDraftRule(ruleSet, id, rule, actor)) {
            throw ruleNotFound(ruleSet, id);
        }
        return new StoredRule(id, rule);
    }

    public void deleteRule(String ruleSet, long id) {
        store.lockRuleSet(ruleSet);
        if (!store.deleteDraftRule(ruleSet, id)) {
            throw ruleNotFound(ruleSet, id);
        }
    }

    public List<StoredRule> draft(String ruleSet) {
        store.lockRuleSet(ruleSet);
        return store.draftRules(ruleSet);
    }

    public RuleDiff draftChanges(String ruleSet) {
        store.lockRuleSet(ruleSet);
        return RuleDiff.between(publishedRules(ruleSet), store.draftRules(ruleSet));
    }

    public void discardDraft(String ruleSet, String actor) {
        store.lockRuleSet(ruleSet);
        store.resetDraft(ruleSet, actor);
    }

    /** Publishes the draft as the next version; refuses an empty change and anything that does not compile. */
    public Published publish(String ruleSet, String actor) {
        store.lockRuleSet(ruleSet);
        List<StoredRule> draft = store.draftRules(ruleSet);
        RuleDiff diff = RuleDiff.between(publishedRules(ruleSet), draft);
        if (diff.isEmpty()) {
            throw new ConflictException("nothing-to-publish", "the draft of rule set '" + ruleSet + "' has no changes against its latest version");
        }
        compileOrReject(ruleSet, draft);
        if (RuleSetNames.DEFAULT.equals(ruleSet)) {
            rejectRemovingSetsInUse(draft);
        }
        long version = store.insertVersion(ruleSet, draft, actor, "publish", null);
        store.audit(ruleSet, version, actor, "publish", toJson(diff));
        return new Published(version, diff);
    }

    /** Makes the rules of an earlier version the newest version again (and the draft). */
    public Published rollback(String ruleSet, long toVersion, String actor) {
        store.lockRuleSet(ruleSet);
        if (store.version(ruleSet, toVersion).isEmpty()) {
            throw new NotFoundException("unknown-version",
                    "rule set '" + ruleSet + "' has no version " + toVersion);
        }
        List<StoredRule> target = store.versionRules(toVersion);
        RuleDiff diff = RuleDiff.between(publishedRules(ruleSet), target);
        compileOrReject(ruleSet, target);
        if (RuleSetNames.DEFAULT.equals(ruleSet)) {
            rejectRemovingSetsInUse(target);
        }
        store.replaceDraft(ruleSet, target, actor);
        long version = store.insertVersion(ruleSet, target, actor, "rollback", toVersion);
        store.audit(ruleSet, version, actor, "rollback to " + toVersion, toJson(diff));
        return new Published(version, diff);
    }

    /** The rules this rule set's draft would put in force together with its layers, for a dry run. */
    public List<IntentRule> effectiveDraftRules(String ruleSet) {
        List<IntentRule> draft = store.draftRules(ruleSet).stream().map(StoredRule::rule).toList();
        if (RuleSetNames.DEFAULT.equals(ruleSet)) {
            return draft;
        }
        List<IntentRule> defaults = store.latestVersion(RuleSetNames.DEFAULT)
                .map(store::versionRules).orElse(List.of()).stream().map(StoredRule::rule).toList();
        return EffectiveRules.combine(defaults, draft);
    }

    public List<StoredRule> publishedRules(String ruleSet) {
        return store.latestVersion(ruleSet).map(store::versionRules).orElse(List.of());
    }

    private void validate(String ruleSet, IntentRule rule) {
        validation.check(ruleSet, rule, () -> knownIntents(ruleSet),
                () -> wordSetNames(effectiveDraftRules(ruleSet)));
    }

    private static Set<String> wordSetNames(List<IntentRule> rules) {
        return rules.stream().filter(rule -> rule.enabled() && rule.kind() == RuleKind.WORD_SET)
                .map(IntentRule::keyword).collect(Collectors.toSet());
    }

    /**
     * A new {@code default} must keep every word set that a tenant's published rule names and the tenant does not
     * define itself: otherwise that tenant's rules would stop compiling on every replica.
     */
    private void rejectRemovingSetsInUse(List<StoredRule> newDefault) {
        List<IntentRule> defaults = newDefault.stream().map(StoredRule::rule).toList();
        for (String tenant : store.ruleSetsWithVersions()) {
            if (RuleSetNames.DEFAULT.equals(tenant)) {
                continue;
            }
            List<IntentRule> own = publishedRules(tenant).stream().map(StoredRule::rule).toList();
            Set<String> defined = wordSetNames(EffectiveRules.combine(defaults, own));
            for (IntentRule rule : own) {
                if (!rule.enabled() || rule.proximity() == null) {
                    continue;
                }
                for (String name : rule.proximity().setReferences()) {
                    if (!defined.contains(name)) {
                        throw new ConflictException("word-set-in-use", "rule set 'default' cannot "
                                + "drop word set '" + Proximity.SET_REFERENCE + name + "': tenant '" + tenant
                                + "' uses it in its " + rule.kind().code() + " rule '" + rule.keyword() + "'");
                    }
                }
            }
        }
    }

    private Set<String> knownIntents(String ruleSet) {
        return store.intents(RuleSetNames.layers(ruleSet)).stream().map(RuleStore.IntentDefinition::name)
                .collect(Collectors.toSet());
    }

    private void compileOrReject(String ruleSet, List<StoredRule> rules) {
        List<IntentRule> own = rules.stream().map(StoredRule::rule).toList();
        try {
            RuleSet.compile(0, RuleSetNames.DEFAULT.equals(ruleSet) ? own
                    : EffectiveRules.combine(publishedRules(RuleSetNames.DEFAULT).stream().map(StoredRule::rule)
                            .toList(), own));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid-rule-set", "rule set '" + ruleSet
                    + "' cannot be published: " + e.getMessage());
        }
    }

    private static NotFoundException ruleNotFound(String ruleSet, long id) {
        return new NotFoundException("unknown-rule", "rule set '" + ruleSet + "' has no rule " + id);
    }

    private String toJson(RuleDiff diff) {
        try {
            return objectMapper.writeValueAsString(RuleDiffView.of(diff));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule diff is not serializable", e);
        }
    }
}
