package io.leadlistener.intent.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    private final TextNormalizer normalizer = TextNormalizer.standard();

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            报 价                 | 报价
            报-价                 | 报价
            报.价                 | 报价
            报💰价                | 报价
            报\u200B价            | 报价
            报\u200D价            | 报价
            报\uFEFF价            | 报价
            报\u3000价            | 报价
            报️价                  | 报价
            【报价】               | 报价
            「报·价」              | 报价
            樣品                  | 样品
            報價單                | 报价单
            經銷商                | 经销商
            批發價                | 批发价
            ＡＧＥＮＣＹ          | agency
            Price List            | pricelist
            ｐｒｉｃｅ１２３      | price123
            𝐚𝐠𝐞𝐧𝐜𝐲                | agency
            ⼈工                  | 人工
            ①号                  | 1号
            ㍿                    | 株式会社
            😀㍿报价              | 株式会社报价
            苧麻                  | 苎麻
            代‍理                  | 代理
            👍👍👍                 | ''
            """)
    void foldsWidthCaseScriptAndDropsWhatPeoplePutInsideWords(String text, String expected) {
        assertThat(normalizer.normalize(text).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}: normalized {1} maps to original [{2}, {3})")
    @CsvSource(delimiter = '|', textBlock = """
            报💰价      | 0 | 0 | 1
            报💰价      | 1 | 3 | 4
            a报 价      | 2 | 3 | 4
            ＡＧＥＮＣＹ | 5 | 5 | 6
            ㍿x        | 3 | 0 | 1
            ㍿x        | 4 | 1 | 2
            𝐚b         | 0 | 0 | 2
            𝐚b         | 1 | 2 | 3
            😀㍿报价    | 4 | 3 | 4
            😀㍿报价    | 5 | 4 | 5
            """)
    void mapsEveryNormalizedCharacterBackToItsOriginalSpan(String text, int index, int start, int end) {
        NormalizedText normalized = normalizer.normalize(text);
        assertThat(normalized.originalStart(index)).isEqualTo(start);
        assertThat(normalized.originalEnd(index + 1)).isEqualTo(end);
    }

    @ParameterizedTest(name = "[{index}] {0}: before normalized {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            不要，样品     | 2 | HARD
            不要。样品     | 2 | HARD
            不要~样品      | 2 | HARD
            不要…样品      | 2 | HARD
            '不要\n样品'   | 2 | HARD
            不要 样品      | 2 | SOFT
            不要😅样品     | 2 | SOFT
            报-价          | 1 | INNER
            报、价         | 1 | INNER
            报\u200B价     | 1 | INNER
            报价           | 1 | NONE
            price list     | 5 | INNER
            价格 list      | 2 | SOFT
            样品！         | 2 | HARD
            """)
    void remembersWhatWasRemovedBetweenCharacters(String text, int index, Separator expected) {
        assertThat(normalizer.normalize(text.replace("\\n", "\n")).separatorBefore(index)).isEqualTo(expected);
    }

    @Test
    void keepsSupplementaryHanCharactersWhole() {
        NormalizedText normalized = normalizer.normalize("𠀀价");
        assertThat(normalized.toString()).isEqualTo("𠀀价");
        assertThat(normalized.originalText(0, 2)).isEqualTo("𠀀");
        assertThat(normalized.originalStart(2)).isEqualTo(2);
    }

    @Test
    void originalTextOfASpanIncludesWhatWasSkippedInside() {
        NormalizedText normalized = normalizer.normalize("请 报💰价！");
        assertThat(normalized.toString()).isEqualTo("请报价");
        assertThat(normalized.originalText(1, 3)).isEqualTo("报💰价");
    }

    @Test
    void foldingTwiceChangesNothing() {
        StringBuilder mismatches = new StringBuilder();
        for (int cp = 0; cp < 0x30000; cp++) {
            if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                continue;
            }
            String once = normalizer.normalizeKeyword(new String(Character.toChars(cp)));
            if (!normalizer.normalizeKeyword(once).equals(once)) {
                mismatches.append(Integer.toHexString(cp)).append(' ');
            }
        }
        assertThat(mismatches.toString()).isEmpty();
    }

    @Test
    void offsetsStayInsideTheOriginalText() {
        String text = "Hi ＡＢ，報價😀㍿ 樣品\u200B！𝐱 end";
        NormalizedText normalized = normalizer.normalize(text);
        for (int i = 0; i < normalized.length(); i++) {
            assertThat(normalized.originalStart(i)).isBetween(0, text.length() - 1);
            assertThat(normalized.originalEnd(i + 1)).isBetween(normalized.originalStart(i) + 1, text.length());
            assertThat(normalized.originalText(i, i + 1)).isEqualTo(text.substring(normalized.originalStart(i),
                    normalized.originalEnd(i + 1)));
        }
        assertThat(normalized.toString()).isEqualTo("hiab报价株式会社样品xend");
    }

    @Test
    void emptyAndPunctuationOnlyTextsNormalizeToNothing() {
        assertThat(normalizer.normalize("").length()).isZero();
        assertThat(normalizer.normalize("？！…  ").length()).isZero();
        assertThat(normalizer.normalize("？！").separatorBefore(0)).isEqualTo(Separator.HARD);
    }
}
