package io.leadlistener.intent.engine;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleFileTest {

    @Test
    void shippedDictionaryHasTheThreeIntentsAndEveryKindOfRule() {
        List<IntentRule> rules = RuleFile.defaultRules();

        assertThat(RuleSet.compile(0, rules).intents()).containsExactly("agency", "quote", "sample");
        assertThat(rules.stream().map(IntentRule::kind).collect(Collectors.toSet())).containsExactlyInAnyOrder(RuleKind.values());
        assertThat(rules).allSatisfy(r -> assertThat(r.enabled()).isTrue());
    }

    @Test
    void shippedDictionaryHasNoDuplicateRules() {
        List<IntentRule> rules = RuleFile.defaultRules();
        Set<String> distinct = rules.stream().map(r -> r.intent() + "/" + r.kind() + "/" + r.keyword()).collect(Collectors.toSet());

        assertThat(distinct).hasSize(rules.size());
    }

    @Test
    void readsTabSeparatedRulesSkippingCommentsAndBlankLines() throws Exception {
        String tsv = "# comment\n\nquote\tkeyword\t报价\tasks for a quote\n*\tnegation_cue\t不要\n";

        assertThat(RuleFile.read(new StringReader(tsv))).containsExactly(
                new IntentRule("quote", RuleKind.KEYWORD, "报价", true, "asks for a quote"),
                new IntentRule("*", RuleKind.NEGATION_CUE, "不要", true, ""));
    }

    @Test
    void namesTheLineOfAMalformedRule() {
        assertThatThrownBy(() -> RuleFile.read(new StringReader("quote\tkeyword\t报价\n\nquote\tsynonym\t价格\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 3: unknown rule kind 'synonym'");
        assertThatThrownBy(() -> RuleFile.read(new StringReader("quote 报价\n")))
                .hasMessageStartingWith("line 1: expected intent<TAB>kind<TAB>keyword");
    }
}
