package io.leadlistener.intent.rules;

import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.IntentTagger;
import io.leadlistener.intent.engine.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Taggers built on demand from what the database holds — a draft, or the rules as they were at a version — for an
 * impact preview or a re-tag. The taggers in force for live traffic are {@link TaggerRegistry}'s. Every method runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class RuleSetTaggers {

    /** Version number of a tagger built from a draft: it has none yet. */
    public static final long DRAFT = 0;

    private final RuleStore store;

    public RuleSetTaggers(RuleStore store) {
        this.store = store;
    }

    /** A tenant's rules as they were in force at {@code version} (each layer's newest version not above it). */
    public IntentTagger asOf(String tenantId, long version) {
        Optional<Long> defaults = store.latestVersionAtMost(RuleSetNames.DEFAULT, version);
        Optional<Long> own = store.latestVersionAtMost(tenantId, version);
        long effective = Math.max(defaults.orElse(0L), own.orElse(0L));
        return new IntentTagger(RuleSet.compile(effective, EffectiveRules.combine(rulesOf(defaults), rulesOf(own))));
    }

    /** A tenant's rules as published now: the latest version of each layer. */
    public IntentTagger published(String tenantId) {
        return asOf(tenantId, Long.MAX_VALUE);
    }

    /**
     * The rules a tenant would have if {@code draftRuleSet}'s draft were published: the draft takes the place of its
     * layer ({@code default} or the tenant's own), the other layer as published.
     */
    public IntentTagger withDraft(String draftRuleSet, String tenantId) {
        List<IntentRule> draft = store.draftRules(draftRuleSet).stream().map(StoredRule::rule).toList();
        List<IntentRule> defaults = RuleSetNames.DEFAULT.equals(draftRuleSet) ? draft
                : rulesOf(store.latestVersion(RuleSetNames.DEFAULT));
        List<IntentRule> own = RuleSetNames.DEFAULT.equals(draftRuleSet) ? rulesOf(store.latestVersion(tenantId))
                : draft;
        return new IntentTagger(RuleSet.compile(DRAFT, EffectiveRules.combine(defaults, own)));
    }

    private List<IntentRule> rulesOf(Optional<Long> version) {
        return version.map(store::versionRules).orElse(List.of()).stream().map(StoredRule::rule).toList();
    }
}
