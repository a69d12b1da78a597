package io.leadlistener.intent.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Word sets, combinations, mention frames and question pairs on a small rule set of their own. */
class ProximityRulesTest {

    private static final IntentTagger TAGGER = new IntentTagger(RuleSet.compile(1, rules("""
            *	word_set	how-much = 多少|啥价|什么数
            *	word_set	cost = 花|落地|运费
            quote	combination	@how-much … @cost (within 4)
            sample	combination	寄 … 用用 (within 6, in order)
            agency	keyword	加盟商
            agency	keyword	代理
            agency	mention_frame	我们是 … 加盟商 (within 6, in order)
            quote	keyword	报价
            *	negation_cue	不
            *	trailing_negation_cue	免了
            *	combination	不 … 怎么 (within 6, effect question)
            """)));

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            得花多少                | quote
            多少能落地              | quote
            落地能到什么数          | quote
            落地以后大概能到什么数  | -
            多少，落地              | -
            运费                    | -
            寄两台过来用用          | sample
            用用看，寄两台          | -
            用用再寄两台            | -
            """)
    void combinationFiresOnlyWithBothPartsInOneClauseWithinItsWindowAndOrder(String message, String expected) {
        assertThat(TAGGER.tag(message).intents()).isEqualTo(intents(expected));
    }

    @Test
    void combinationExplainsBothPartsWithOriginalOffsets() {
        TaggingResult result = TAGGER.tag("请问得花 多少？");
        assertThat(result.matches()).singleElement().satisfies(match -> {
            assertThat(match.intent()).isEqualTo("quote");
            assertThat(match.keyword()).isEqualTo("@how-much … @cost");
            assertThat(match.start()).isEqualTo(3);
            assertThat(match.end()).isEqualTo(7);
            assertThat(match.text()).isEqualTo("花 多少");
            assertThat(match.parts()).containsExactly(new MatchPart("花", 3, 4), new MatchPart("多少", 5, 7));
        });
    }

    @Test
    void windowEdgeCountsTheCharactersBetweenTheParts() {
        // window 4: four characters between the parts still count, five do not
        assertThat(TAGGER.tag("花一二三四多少").intents()).containsExactly("quote");
        assertThat(TAGGER.tag("花一二三四五多少").intents()).isEmpty();
    }

    @Test
    void mentionFrameSuppressesTheKeywordInsideIt() {
        TaggingResult result = TAGGER.tag("我们是你们的加盟商，返点什么时候到");
        assertThat(result.intents()).isEmpty();
        assertThat(result.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SuppressionReason.MENTION);
            assertThat(s.frame()).isEqualTo("我们是 … 加盟商");
            assertThat(s.keyword()).isEqualTo("加盟商");
            assertThat(s.text()).isEqualTo("加盟商");
        });
    }

    @Test
    void mentionFrameLeavesTheNextClauseAlone() {
        assertThat(TAGGER.tag("我们是加盟商，想再做代理").intents()).containsExactly("agency");
    }

    @Test
    void negationGovernsACombinationAndOnlyItsOwnClause() {
        TaggingResult result = TAGGER.tag("报价就免了，落地多少给个数");
        assertThat(result.intents()).containsExactly("quote");
        assertThat(result.suppressed()).singleElement()
                .satisfies(s -> assertThat(s.cue()).isEqualTo("免了"));
        assertThat(TAGGER.tag("不花多少").suppressed()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SuppressionReason.NEGATED);
            assertThat(s.parts()).hasSize(2);
        });
    }

    @Test
    void aQuestionAboutTheNegativeKeepsTheIntent() {
        assertThat(TAGGER.tag("不报价怎么下单？").intents()).containsExactly("quote");
        assertThat(TAGGER.tag("不报价，怎么下单？").intents()).isEmpty();
        assertThat(TAGGER.tag("不报价").intents()).isEmpty();
    }

    @Test
    void aSentenceScopedPairReachesAcrossACommaButNotAcrossAFullStop() {
        IntentTagger tagger = new IntentTagger(RuleSet.compile(1, rules("""
                sample	combination	寄 … 用用 (within 10, in order, in one sentence)
                """)));
        assertThat(tagger.tag("先寄两台过来，我们用用").intents()).containsExactly("sample");
        assertThat(tagger.tag("先寄两台过来。我们用用").intents()).isEmpty();
        assertThat(tagger.tag("先寄两台过来？我们用用").intents()).isEmpty();
        assertThat(TAGGER.tag("寄两台，用用").intents()).isEmpty(); // the clause-scoped rule stops at the comma
    }

    @Test
    void ofTwoWordsAtOnePlaceTheLongerIsThePart() {
        IntentTagger tagger = new IntentTagger(RuleSet.compile(1, rules("""
                quote	keyword	价
                quote	mention_frame	供应商 … 报了|报了价 (within 6, in order)
                """)));
        TaggingResult result = tagger.tag("供应商给我们报了价");
        assertThat(result.intents()).isEmpty();
        assertThat(result.suppressed()).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(SuppressionReason.MENTION));
    }

    @Test
    void anExclusionOfExactlyThePartsWordDoesNotRemoveIt() {
        IntentTagger tagger = new IntentTagger(RuleSet.compile(1, rules("""
                quote	keyword	价
                *	exclusion	别家
                agency	exclusion	让我们
                agency	keyword	代理
                quote	mention_frame	别家 … 价 (within 4, in order)
                agency	mention_frame	让 … 代理 (within 4, in order)
                """)));
        assertThat(tagger.tag("别家谈的价").intents()).isEmpty();
        assertThat(tagger.tag("让小王代理一下").intents()).isEmpty();
        assertThat(tagger.tag("让我们代理").intents()).containsExactly("agency");
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            分销的事，年后再聊吧                        | -
            分销的事我们老板还在商量，先搁着            | -
            分销的事。先搁着                            | agency
            分销，先搁着                                | agency
            分销的事，报价发我，先搁着                  | agency,quote
            分销的事一二三四五六七八九十一二三四五六七八九十先搁着 | agency
            """)
    void aTopicsTrailingCueReachesAcrossCommasInItsSentenceUnlessAnotherKeywordStandsBetween(String message,
                                                                                              String expected) {
        IntentTagger tagger = new IntentTagger(RuleSet.compile(1, rules("""
                agency	keyword	分销
                quote	keyword	报价
                *	trailing_negation_cue	先搁着
                *	trailing_negation_cue	再聊
                *	topic_marker	的事
                """)));
        assertThat(tagger.tag(message).intents()).isEqualTo(intents(expected));
    }

    @Test
    void aTenantWordSetOfTheSameNameAddsWords() {
        RuleSet merged = RuleSet.compile(1, List.of(
                IntentRule.wordSet("cost", List.of("花")),
                IntentRule.wordSet("cost", List.of("落地")),
                IntentRule.combination("quote", List.of("多少"), List.of("@cost"), 3)));
        assertThat(merged.wordSets()).containsEntry("cost", List.of("花", "落地"));
        assertThat(new IntentTagger(merged).tag("落地多少").intents()).containsExactly("quote");
    }

    @Test
    void aPartNamingAnUndefinedSetDoesNotCompile() {
        assertThatThrownBy(() -> RuleSet.compile(1, List.of(
                IntentRule.combination("quote", List.of("多少"), List.of("@missing"), 3))))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("'@missing'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0   | window
            31  | window
            """)
    void windowOutsideOneToThirtyIsRefusedNamingTheField(int window, String field) {
        assertThatThrownBy(() -> new Proximity(List.of("a"), List.of("b"), window, false, ProximityEffect.TAG))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void invalidRulesNameTheirField() {
        assertThatThrownBy(() -> new WordList(List.of()))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("words"));
        assertThatThrownBy(() -> new WordList(List.of("@other")))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.getMessage()).contains("do not nest"));
        assertThatThrownBy(() -> ProximityEffect.fromCode("shout"))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("effect"));
        assertThatThrownBy(() -> new Proximity(List.of(), List.of("b"), 3, false, ProximityEffect.TAG))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("a"));
        assertThatThrownBy(() -> new IntentRule("*", RuleKind.COMBINATION, "", true, "",
                new Proximity(List.of("a"), List.of("b"), 3, false, ProximityEffect.TAG)))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("intent"));
        assertThatThrownBy(() -> new IntentRule("quote", RuleKind.MENTION_FRAME, "", true, "",
                new Proximity(List.of("a"), List.of("b"), 3, false, ProximityEffect.TAG)))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("effect"));
    }

    @Test
    void ruleFileReadsTheNewKinds() {
        List<IntentRule> read = rules("""
                *	word_set	cost = 花 | 落地
                quote	combination	多少|@cost … 运费 (within 5, in order)	a note
                agency	mention_frame	我们是 … 加盟商
                sample	combination	寄 … 用用 (within 9, in order, in one sentence)
                """);
        assertThat(read.get(0).words()).containsExactly("花", "落地");
        assertThat(read.get(1).proximity()).isEqualTo(new Proximity(List.of("多少", "@cost"), List.of("运费"), 5, true,
                ProximityEffect.TAG));
        assertThat(read.get(1).keyword()).isEqualTo("多少|@cost … 运费");
        assertThat(read.get(1).note()).isEqualTo("a note");
        assertThat(read.get(2).proximity().window()).isEqualTo(Proximity.DEFAULT_WINDOW);
        assertThat(read.get(2).proximity().effect()).isEqualTo(ProximityEffect.MENTION);
        assertThat(read.get(2).proximity().scope()).isEqualTo(ProximityScope.CLAUSE);
        assertThat(read.get(3).proximity().scope()).isEqualTo(ProximityScope.SENTENCE);
    }

    private static List<String> intents(String expected) {
        return expected.equals("-") ? List.of() : List.of(expected.split(","));
    }

    private static List<IntentRule> rules(String tsv) {
        try {
            return RuleFile.read(new StringReader(tsv));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
