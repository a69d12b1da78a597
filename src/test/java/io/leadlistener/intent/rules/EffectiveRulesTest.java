package io.leadlistener.intent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.RuleKind;
import io.leadlistener.intent.engine.WordList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a tenant's rules are layered over {@code default}: {@link EffectiveRules#combine}. */
class EffectiveRulesTest {

    private static final IntentRule QUOTE = IntentRule.of("quote", RuleKind.KEYWORD, "报价");
    private static final IntentRule SAMPLE = IntentRule.of("sample", RuleKind.KEYWORD, "样品");
    private static final IntentRule PROXY = IntentRule.of("agency", RuleKind.EXCLUSION, "代理服务器");

    @Test
    void withoutOwnRulesATenantGetsTheDefaultsInTheirOrder() {
        assertThat(EffectiveRules.combine(List.of(SAMPLE, QUOTE, PROXY), List.of()))
                .containsExactly(SAMPLE, QUOTE, PROXY);
    }

    @Test
    void aTenantsOwnRulesComeAfterTheDefaults() {
        IntentRule oem = IntentRule.of("oem", RuleKind.KEYWORD, "贴牌");

        assertThat(EffectiveRules.combine(List.of(QUOTE, SAMPLE), List.of(oem))).containsExactly(QUOTE, SAMPLE, oem);
    }

    @Test
    void aDisabledDefaultRuleIsNotInForce() {
        IntentRule retired = new IntentRule("quote", RuleKind.KEYWORD, "价钱", false, "");

        assertThat(EffectiveRules.combine(List.of(QUOTE, retired), List.of())).containsExactly(QUOTE);
    }

    @Test
    void aTenantsDisabledRuleRemovesTheDefaultRuleWithTheSameIntentKindAndKeyword() {
        IntentRule disableQuote = new IntentRule("quote", RuleKind.KEYWORD, "报价", false, "not for us");

        assertThat(EffectiveRules.combine(List.of(QUOTE, SAMPLE), List.of(disableQuote))).containsExactly(SAMPLE);
    }

    @ParameterizedTest(name = "disabling {0} {1} '{2}' leaves quote keyword '报价' in force")
    @CsvSource({
            "sample, keyword,   报价",
            "quote,  exclusion, 报价",
            "quote,  keyword,   报价单",
    })
    void aDisabledRuleRemovesOnlyTheDefaultRuleItMatchesExactly(String intent, String kind, String keyword) {
        IntentRule disable = new IntentRule(intent, RuleKind.fromCode(kind), keyword, false, "");

        assertThat(EffectiveRules.combine(List.of(QUOTE), List.of(disable))).containsExactly(QUOTE);
    }

    @Test
    void surroundingWhitespaceDoesNotKeepADisabledKeywordInForce() {
        IntentRule disable = new IntentRule("quote", RuleKind.KEYWORD, " 报价 ", false, "");

        assertThat(EffectiveRules.combine(List.of(QUOTE, SAMPLE), List.of(disable))).containsExactly(SAMPLE);
    }

    @Test
    void aTenantRuleThatRepeatsADefaultOneKeepsTheDefaultsRuleOnce() {
        IntentRule sameWithNote = new IntentRule("quote", RuleKind.KEYWORD, "报价", true, "tenant's copy");

        assertThat(EffectiveRules.combine(List.of(QUOTE), List.of(sameWithNote))).containsExactly(QUOTE);
    }

    @Test
    void aTenantsWordSetOfTheSameNameAddsItsNewWordsAfterTheDefaults() {
        IntentRule defaults = new IntentRule(IntentRule.ANY_INTENT, RuleKind.WORD_SET, "how-much", true,
                "default note", new WordList(List.of("多少", "几钱")));
        IntentRule tenants = new IntentRule(IntentRule.ANY_INTENT, RuleKind.WORD_SET, "how-much", true,
                "tenant note", new WordList(List.of("几钱", "啥价", "几多钱")));

        List<IntentRule> effective = EffectiveRules.combine(List.of(defaults, QUOTE), List.of(tenants));

        assertThat(effective).hasSize(2);
        IntentRule merged = effective.get(0);
        assertThat(merged.keyword()).isEqualTo("how-much");
        assertThat(merged.words()).containsExactly("多少", "几钱", "啥价", "几多钱");
        assertThat(merged.note()).isEqualTo("default note");
        assertThat(merged.enabled()).isTrue();
        assertThat(effective.get(1)).isEqualTo(QUOTE);
    }

    @Test
    void wordSetsOfDifferentNamesStaySeparate() {
        IntentRule howMuch = IntentRule.wordSet("how-much", List.of("多少"));
        IntentRule costWords = IntentRule.wordSet("cost-words", List.of("运费"));

        assertThat(EffectiveRules.combine(List.of(howMuch), List.of(costWords))).containsExactly(howMuch, costWords);
    }

    @Test
    void aTenantCanDisableADefaultWordSet() {
        IntentRule howMuch = IntentRule.wordSet("how-much", List.of("多少"));
        IntentRule disabled = new IntentRule(IntentRule.ANY_INTENT, RuleKind.WORD_SET, "how-much", false, "",
                new WordList(List.of("多少")));

        assertThat(EffectiveRules.combine(List.of(howMuch, QUOTE), List.of(disabled))).containsExactly(QUOTE);
    }

    @Test
    void aTenantsWordSetStandsAloneWhenTheDefaultsSetOfThatNameIsDisabled() {
        IntentRule retired = new IntentRule(IntentRule.ANY_INTENT, RuleKind.WORD_SET, "how-much", false, "",
                new WordList(List.of("多少")));
        IntentRule tenants = IntentRule.wordSet("how-much", List.of("几钱"));

        assertThat(EffectiveRules.combine(List.of(retired), List.of(tenants))).singleElement()
                .satisfies(rule -> assertThat(rule.words()).containsExactly("几钱"));
    }

    @Test
    void aTenantsDisabledRulesAreNeverInForceThemselves() {
        IntentRule disabledOwn = new IntentRule("oem", RuleKind.KEYWORD, "贴牌", false, "");

        assertThat(EffectiveRules.combine(List.of(QUOTE), List.of(disabledOwn))).containsExactly(QUOTE);
    }

    @Test
    void ofTwoDefaultRulesWithTheSameKeyTheFirstIsKept() {
        IntentRule again = new IntentRule("quote", RuleKind.KEYWORD, "报价 ", true, "second");

        assertThat(EffectiveRules.combine(List.of(QUOTE, again), List.of())).containsExactly(QUOTE);
    }

    @Test
    void aRulesKeyIsItsIntentKindCodeAndStrippedKeyword() {
        assertThat(EffectiveRules.RuleKey.of(new IntentRule("quote", RuleKind.KEYWORD, "  报价\t", true, "x")))
                .isEqualTo(new EffectiveRules.RuleKey("quote", "keyword", "报价"));
    }
}
