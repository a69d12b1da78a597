package io.leadlistener.intent.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour of the tagger with the shipped dictionary: negation, exclusions, explanations, offsets. */
class IntentTaggerTest {

    private static final IntentTagger TAGGER = new IntentTagger(RuleSet.compile(7, RuleFile.defaultRules()));

    private static List<String> intents(String expected) {
        return expected.isBlank() || expected.equals("-") ? List.of() : Arrays.asList(expected.split(","));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            不需要样品，但想了解一下价格    | quote
            不需要样品但想了解一下价格      | quote
            不要样品直接报价                | quote
            不要样品 要报价                 | quote
            我不是要代理                    | -
            暂时不考虑代理                  | -
            暂时不考虑在我们当地做代理      | -
            不需要你们寄样品                | -
            不要 样品                       | -
            不 要 样 品                     | -
            样品就不用了                    | -
            样品 不用了                     | -
            代理这块暂时不考虑              | -
            样品就不用了，直接报价吧        | quote
            样品和报价都不用了              | -
            不需要样品和报价                | -
            不想要样品                      | -
            不用麻烦寄样品了                | -
            别寄样品了                      | -
            We don't need samples.          | -
            No need for a quotation         | -
            samples not needed              | -
            """)
    void negationCueGovernsKeywordsInItsClauseOnly(String message, String expected) {
        assertThat(TAGGER.tag(message).intents()).isEqualTo(intents(expected));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            不知道价格                | quote
            别家报价更低              | quote
            别的型号价格是多少        | quote
            要不要先寄个样品          | sample
            需不需要先报价            | quote
            是不是可以做代理          | agency
            样品不要钱吧              | sample
            有没有不要钱的样品        | sample
            价格不要太高              | quote
            不要忘了寄样品            | sample
            样品不需要那么多，两个就行 | sample
            """)
    void cueLookAlikesDoNotNegate(String message, String expected) {
        assertThat(TAGGER.tag(message).intents()).isEqualTo(intents(expected));
    }

    @ParameterizedTest(name = "[{index}] {0} is excluded by {1}")
    @CsvSource(delimiter = '|', textBlock = """
            代理服务器连不上      | 代理服务器 | 代理
            最近在打价格战        | 价格战     | 价格
            试用期三个月          | 试用期     | 试用
            去你们样品间看看      | 样品间     | 样品
            看样子要下雨          | 看样子     | 看样
            招商银行的账户可以吗  | 招商银行   | 招商
            快递要保价吗          | 保价       | 价
            """)
    void keywordInsideALongerPhraseIsSuppressedAsExcluded(String message, String phrase, String keyword) {
        TaggingResult result = TAGGER.tag(message);
        assertThat(result.intents()).isEmpty();
        assertThat(result.suppressed()).anySatisfy(s -> {
            assertThat(s.reason()).isEqualTo(SuppressionReason.EXCLUDED);
            assertThat(s.phrase()).isEqualTo(phrase);
            assertThat(s.keyword()).isEqualTo(keyword);
            assertThat(s.cue()).isNull();
        });
    }

    @ParameterizedTest(name = "[{index}] {0}: {2} [{3}, {4})")
    @CsvSource(delimiter = '|', textBlock = """
            报💰价              | 报价   | 报💰价       | 0 | 4
            请问 報 價？        | 报价   | 報 價        | 3 | 6
            ＡＧＥＮＣＹ        | agency | ＡＧＥＮＣＹ | 0 | 6
            我想做代‍理          | 代理   | 代‍理         | 3 | 6
            😀😀样·品          | 样品   | 样·品        | 4 | 7
            𝐏𝐫𝐢𝐜𝐞?             | price  | 𝐏𝐫𝐢𝐜𝐞        | 0 | 10
            """)
    void matchOffsetsAreUtf16UnitsOfTheOriginalText(String message, String keyword, String text, int start, int end) {
        TaggingResult result = TAGGER.tag(message);
        assertThat(result.matches()).singleElement().satisfies(m -> {
            assertThat(m.keyword()).isEqualTo(keyword);
            assertThat(m.text()).isEqualTo(text);
            assertThat(m.start()).isEqualTo(start);
            assertThat(m.end()).isEqualTo(end);
            assertThat(message.substring(m.start(), m.end())).isEqualTo(m.text());
        });
    }

    @Test
    void explainsANegatedKeywordWithItsCue() {
        TaggingResult result = TAGGER.tag("不需要样品，但想了解一下价格");

        assertThat(result.intents()).containsExactly("quote");
        assertThat(result.matches()).containsExactly(new IntentMatch("quote", "价格", "价格", 12, 14));
        assertThat(result.suppressed()).containsExactly(new SuppressedMatch("sample", "样品", "样品", 3, 5,
                SuppressionReason.NEGATED, "不需要", null));
        assertThat(result.ruleSetVersion()).isEqualTo(7);
    }

    @Test
    void reportsIntentsSortedAndDistinctAndMatchesByPosition() {
        TaggingResult result = TAGGER.tag("想做代理，先寄样品，顺便报个代理价，价格表也发一下");

        assertThat(result.intents()).containsExactly("agency", "quote", "sample");
        assertThat(result.matches()).extracting(IntentMatch::start).isSorted();
        assertThat(result.suppressed()).isEmpty();
    }

    @Test
    void aShorterKeywordInsideALongerOneOfTheSameIntentIsNotReportedTwice() {
        TaggingResult result = TAGGER.tag("请发报价单");

        assertThat(result.matches()).extracting(IntentMatch::keyword).containsExactly("报价单");
    }

    @Test
    void latinKeywordsMatchWholeWordsOnly() {
        assertThat(TAGGER.tag("for example the red one").intents()).isEmpty();
        assertThat(TAGGER.tag("Send me a sample pls").intents()).containsExactly("sample");
        assertThat(TAGGER.tag("要sample").intents()).containsExactly("sample");
    }

    @Test
    void messageWithoutKeywordsGivesAnEmptyResultWithTheVersion() {
        TaggingResult result = TAGGER.tag("好的，收到👌");

        assertThat(result).isEqualTo(TaggingResult.empty(7));
        assertThat(TAGGER.tag("").intents()).isEmpty();
    }

    @Test
    void handlesTheLongestDryRunTextWithValidOffsets() {
        String unit = "你好，我们是做外贸的 😀，不需要样品，但请报价。想做代理！";
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) + unit.codePointCount(0, unit.length()) <= 4000) {
            text.append(unit);
        }
        String message = text.toString();

        TaggingResult result = TAGGER.tag(message);

        assertThat(result.intents()).containsExactly("agency", "quote");
        assertThat(result.matches()).allSatisfy(m -> assertThat(message.substring(m.start(), m.end())).isEqualTo(m.text()));
        assertThat(result.suppressed()).isNotEmpty().allSatisfy(s -> assertThat(s.cue()).isEqualTo("不需要"));
    }
}
