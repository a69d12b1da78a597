package io.leadlistener.intent.rules;

import io.leadlistener.intent.engine.IntentRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layering of rule sets: a tenant's effective rules are {@code default} plus the tenant's own enabled rules,
 * minus the default rules the tenant disables (a tenant rule with the same intent, kind and keyword and
 * {@code enabled = false}). Layering keeps every later improvement of {@code default} flowing to every tenant.
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
                effective.putIfAbsent(RuleKey.of(rule), rule);
            }
        }
        return new ArrayList<>(effective.values());
    }

    /** What identifies a rule within a rule set, and across the layers. */
    public record RuleKey(String intent, String kind, String keyword) {
        public static RuleKey of(IntentRule rule) {
            return new RuleKey(rule.intent(), rule.kind().code(), rule.keyword().strip());
        }
    }
}
