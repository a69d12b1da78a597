package io.leadlistener.intent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.IntentTagger;
import io.leadlistener.intent.engine.RuleKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaggerRegistryCompilationsTest {

    private static final List<IntentRule> DEFAULTS = List.of(
            IntentRule.of("quote", RuleKind.KEYWORD, "报价"),
            IntentRule.of("sample", RuleKind.KEYWORD, "样品"));

    @Test
    void equalRulesAtTheSameVersionAreCompiledOnceAndShared() {
        TaggerRegistry.Compilations compilations = new TaggerRegistry.Compilations();

        IntentTagger forDefault = compilations.of(7, DEFAULTS);
        // A tenant without rules of its own: an equal list, built separately (EffectiveRules.combine).
        IntentTagger forTenant = compilations.of(7, new ArrayList<>(DEFAULTS));

        assertThat(forTenant).isSameAs(forDefault);
        assertThat(forTenant.ruleSetVersion()).isEqualTo(7);
        assertThat(forTenant.tag("能寄样品吗").intents()).containsExactly("sample");
    }

    @Test
    void otherRulesOrAnotherVersionGetTaggersOfTheirOwn() {
        TaggerRegistry.Compilations compilations = new TaggerRegistry.Compilations();
        IntentTagger forDefault = compilations.of(7, DEFAULTS);
        List<IntentRule> withOwnRule = new ArrayList<>(DEFAULTS);
        withOwnRule.add(IntentRule.of("agency", RuleKind.KEYWORD, "代理"));

        IntentTagger forTenantWithOwnRule = compilations.of(7, withOwnRule);
        IntentTagger atAnotherVersion = compilations.of(8, DEFAULTS);

        assertThat(forTenantWithOwnRule).isNotSameAs(forDefault);
        assertThat(forTenantWithOwnRule.tag("想做代理").intents()).containsExactly("agency");
        assertThat(forDefault.tag("想做代理").intents()).isEmpty();
        assertThat(atAnotherVersion).isNotSameAs(forDefault);
        assertThat(atAnotherVersion.ruleSetVersion()).isEqualTo(8);
    }

    @Test
    void aListChangedAfterCompilingIsNotMistakenForTheOneCompiled() {
        TaggerRegistry.Compilations compilations = new TaggerRegistry.Compilations();
        List<IntentRule> rules = new ArrayList<>(DEFAULTS);
        IntentTagger first = compilations.of(7, rules);

        rules.add(IntentRule.of("agency", RuleKind.KEYWORD, "代理"));

        assertThat(compilations.of(7, rules)).isNotSameAs(first);
        assertThat(compilations.of(7, DEFAULTS)).isSameAs(first);
    }
}
