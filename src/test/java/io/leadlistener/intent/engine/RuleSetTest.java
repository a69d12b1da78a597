package io.leadlistener.intent.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.leadlistener.intent.engine.RuleKind.CLAUSE_BREAK;
import static io.leadlistener.intent.engine.RuleKind.EXCLUSION;
import static io.leadlistener.intent.engine.RuleKind.KEYWORD;
import static io.leadlistener.intent.engine.RuleKind.NEGATION_CUE;
import static io.leadlistener.intent.engine.RuleKind.TRAILING_NEGATION_CUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule-set compilation and the rule model, on small hand-made rule sets. */
class RuleSetTest {

    private static IntentTagger tagger(IntentRule... rules) {
        return new IntentTagger(RuleSet.compile(1, List.of(rules)));
    }

    @Test
    void carriesItsVersionIntoEveryResult() {
        IntentTagger tagger = new IntentTagger(RuleSet.compile(42, List.of(IntentRule.of("quote", KEYWORD, "报价"))));

        assertThat(tagger.tag("请报价").ruleSetVersion()).isEqualTo(42);
        assertThat(tagger.tag("你好").ruleSetVersion()).isEqualTo(42);
    }

    @Test
    void tenantsAddCustomIntents() {
        IntentTagger tagger = tagger(IntentRule.of("quote", KEYWORD, "报价"), IntentRule.of("after_sales", KEYWORD, "退货"));

        assertThat(tagger.tag("退货怎么办，顺便报价").intents()).containsExactly("after_sales", "quote");
        assertThat(tagger.ruleSet().intents()).containsExactly("after_sales", "quote");
    }

    @Test
    void keywordsAreNormalizedLikeMessages() {
        IntentTagger tagger = tagger(IntentRule.of("quote", KEYWORD, "報 價"), IntentRule.of("agency", KEYWORD, "ＡＧＥＮＴ"));

        assertThat(tagger.tag("请报价").matches()).singleElement()
                .satisfies(m -> assertThat(m.keyword()).isEqualTo("報 價"));
        assertThat(tagger.tag("I am an agent").intents()).containsExactly("agency");
        assertThat(tagger.ruleSet().automatonSize()).isEqualTo(2);
    }

    @Test
    void sameKeywordCanTagTwoIntents() {
        IntentTagger tagger = tagger(IntentRule.of("quote", KEYWORD, "代理价"), IntentRule.of("agency", KEYWORD, "代理价"));

        assertThat(tagger.tag("代理价多少").intents()).containsExactly("agency", "quote");
    }

    @Test
    void disabledRulesAreNotCompiled() {
        IntentTagger tagger = tagger(new IntentRule("quote", KEYWORD, "报价", false, "retired"),
                IntentRule.of("quote", KEYWORD, "价格"));

        assertThat(tagger.tag("报价").intents()).isEmpty();
        assertThat(tagger.ruleSet().rules()).hasSize(2);
    }

    @Test
    void anExclusionForOneIntentLeavesOtherIntentsAlone() {
        IntentTagger tagger = tagger(IntentRule.of("quote", KEYWORD, "价格"), IntentRule.of("sample", KEYWORD, "样品"),
                IntentRule.of("quote", EXCLUSION, "样品价格"));

        TaggingResult result = tagger.tag("样品价格");

        assertThat(result.intents()).containsExactly("sample");
        assertThat(result.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.intent()).isEqualTo("quote");
            assertThat(s.phrase()).isEqualTo("样品价格");
        });
    }

    @Test
    void aCueLimitedToOneIntentNegatesOnlyThatIntent() {
        IntentTagger tagger = tagger(IntentRule.of("quote", KEYWORD, "报价"), IntentRule.of("sample", KEYWORD, "样品"),
                IntentRule.of("sample", NEGATION_CUE, "免"));

        assertThat(tagger.tag("免样品").intents()).isEmpty();
        assertThat(tagger.tag("免报价").intents()).containsExactly("quote");
    }

    @Test
    void negationWindowsAreConfigurable() {
        List<IntentRule> rules = List.of(IntentRule.of("sample", KEYWORD, "样品"), IntentRule.of("*", NEGATION_CUE, "不要"),
                IntentRule.of("*", TRAILING_NEGATION_CUE, "算了"));
        IntentTagger narrow = new IntentTagger(RuleSet.compile(1, rules, new NegationScope(1, 0)));
        IntentTagger wide = new IntentTagger(RuleSet.compile(1, rules, new NegationScope(3, 2)));

        assertThat(narrow.tag("不要你寄样品").intents()).containsExactly("sample");
        assertThat(wide.tag("不要你寄样品").intents()).isEmpty();
        assertThat(narrow.tag("样品的话算了").intents()).containsExactly("sample");
        assertThat(wide.tag("样品的话算了").intents()).isEmpty();
    }

    @Test
    void clauseBreakWordsAreData() {
        List<IntentRule> rules = List.of(IntentRule.of("quote", KEYWORD, "报价"), IntentRule.of("*", NEGATION_CUE, "不要"));
        IntentTagger without = new IntentTagger(RuleSet.compile(1, rules));
        IntentTagger with = new IntentTagger(RuleSet.compile(2, concat(rules, IntentRule.of("*", CLAUSE_BREAK, "只"))));

        assertThat(without.tag("不要别的只报价").intents()).isEmpty();
        assertThat(with.tag("不要别的只报价").intents()).containsExactly("quote");
    }

    @ParameterizedTest
    @ValueSource(strings = {"？！", "👍", "---", "。。。"})
    void rejectsAKeywordWithNothingLeftToMatch(String keyword) {
        List<IntentRule> rules = List.of(IntentRule.of("quote", KEYWORD, "报价"), IntentRule.of("quote", KEYWORD, keyword));

        assertThatThrownBy(() -> RuleSet.compile(1, rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + keyword + "'");
    }

    @Test
    void rejectsABlankKeyword() {
        assertThatThrownBy(() -> IntentRule.of("quote", KEYWORD, "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quote", "报价", "", "1st"})
    void rejectsIntentNamesThatAreNotLowerCaseIdentifiers(String intent) {
        assertThatThrownBy(() -> IntentRule.of(intent, KEYWORD, "报价")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keywordRulesMustNameAnIntent() {
        assertThatThrownBy(() -> IntentRule.of("*", KEYWORD, "报价"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must name the intent");
    }

    private static List<IntentRule> concat(List<IntentRule> rules, IntentRule extra) {
        java.util.ArrayList<IntentRule> all = new java.util.ArrayList<>(rules);
        all.add(extra);
        return all;
    }
}
