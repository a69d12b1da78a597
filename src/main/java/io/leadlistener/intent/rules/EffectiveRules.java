package io.leadlistener.intent.rules;

import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.RuleKind;
import io.leadlistener.intent.engine.WordList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layering of rule sets: a tenant's effective rules are {@code default} plus the tenant's own enabled rules,
 * minus the default rules the tenant disables (a tenant rule with the same intent, kind and keyword and
 * {@code enabled = false}). A tenant's word set of the same name as a default one adds its words to it. Layering
 * keeps every later improvement of {@code default} flowing to every tenant.
 */
public final class EffectiveRules {

    private EffectiveRules() {
    }

    public static List<IntentRule> combine(List<IntentRule> defaults, List<IntentRule> tenantOwn) {
        Set<RuleKey> disabledByTenant = tenantOwn.stream()
                .filter(rule -> !rule.enabled())
                .map(RuleKey::of)
                .collect(Collectors.toSet());
        Map<RuleKey, IntentRule> effective = new LinkedHashMap<>();
        for (IntentRule rule : defaults) {
            if (rule.enabled() && !disabledByTenant.contains(RuleKey.of(rule))) {
                effective.putIfAbsent(RuleKey.of(rule), rule);
            }
        }
        for (IntentRule rule : tenantOwn) {
            if (rule.enabled()) {
                effective.merge(RuleKey.of(rule), rule, EffectiveRules::addWords);
            }
        }
        return new ArrayList<>(effective.values());
    }

    /** The default's rule stays; a word set of the same name gains the tenant's words. */
    private static IntentRule addWords(IntentRule inDefault, IntentRule tenants) {
        if (inDefault.kind() != RuleKind.WORD_SET) {
            return inDefault;
        }
        List<String> words = new ArrayList<>(inDefault.words());
        tenants.words().stream().filter(word -> !words.contains(word)).forEach(words::add);
        return new IntentRule(inDefault.intent(), inDefault.kind(), inDefault.keyword(), true, inDefault.note(),
                new WordList(words));
    }

    /** What identifies a rule within a rule set, and across the layers. */
    public record RuleKey(String intent, String kind, String keyword) {
        public static RuleKey of(IntentRule rule) {
            return new RuleKey(rule.intent(), rule.kind().code(), rule.keyword().strip());
        }
    }
}
