package io.leadlistener.intent.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.leadlistener.intent.engine.RuleKind.KEYWORD;
import static io.leadlistener.intent.engine.RuleKind.NEGATION_CUE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filtered scan (automaton only over stretches that can hold a keyword) must report exactly what one
 * automaton pass over the whole message reports: same hits, same order, same offsets.
 */
class KeywordScanTest {

    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();

    @Test
    void findsWhatAWholeTextPassFindsOnRandomMessagesWithTheShippedDictionary() {
        RuleSet ruleSet = RuleSet.compile(1, RuleFile.defaultRules());
        List<String> keywords = new ArrayList<>();
        ruleSet.rules().forEach(rule -> keywords.add(rule.keyword()));
        Random random = new Random(4711);
        String filler = "的了我们你这个有吗呢吧好在是一下看要多少货品今天明天价样代理加盟不没别用需";
        int messagesWithHits = 0;
        for (int n = 0; n < 5_000; n++) {
            StringBuilder message = new StringBuilder();
            while (message.length() < 10 + random.nextInt(60)) {
                switch (random.nextInt(5)) {
                    case 0, 1 -> message.append(keywords.get(random.nextInt(keywords.size())));
                    case 2 -> message.append(filler.charAt(random.nextInt(filler.length())));
                    case 3 -> message.append(random.nextInt(1000));
                    default -> message.append(" ，。!🙂ABCx".charAt(random.nextInt(10)));
                }
            }
            Hits whole = wholeTextPass(ruleSet, message.toString());
            assertThat(describe(filteredScan(ruleSet, message.toString())))
                    .as("hits in <%s>", message).isEqualTo(describe(whole));
            messagesWithHits += whole.size > 0 ? 1 : 0;
        }
        assertThat(messagesWithHits).isGreaterThan(4_500);
    }

    @Test
    void findsOneCharacterKeywordsAloneAndInsideChains() {
        RuleSet ruleSet = RuleSet.compile(1, List.of(IntentRule.of("quote", KEYWORD, "价"),
                IntentRule.of("quote", KEYWORD, "报价单"), IntentRule.of("*", NEGATION_CUE, "不要")));

        for (String message : List.of("价", "价价", "x价y", "报价单", "不要报价单价", "报价", "单价不要", "abc")) {
            assertThat(describe(filteredScan(ruleSet, message))).as(message)
                    .isEqualTo(describe(wholeTextPass(ruleSet, message)));
        }
        assertThat(describe(filteredScan(ruleSet, "不要报价单价"))).containsExactly("0-2 不要", "3-4 价", "2-5 报价单", "5-6 价");
    }

    @Test
    void anEmptyMessageHasNoHits() {
        RuleSet ruleSet = RuleSet.compile(1, List.of(IntentRule.of("quote", KEYWORD, "报价")));

        assertThat(filteredScan(ruleSet, "").size).isZero();
        assertThat(filteredScan(ruleSet, "🙂 ，").size).isZero();
    }

    private static Hits filteredScan(RuleSet ruleSet, String message) {
        NormalizedText text = NORMALIZER.normalize(message);
        Hits hits = new Hits(text);
        ruleSet.findAll(text, hits);
        return hits;
    }

    private static Hits wholeTextPass(RuleSet ruleSet, String message) {
        NormalizedText text = NORMALIZER.normalize(message);
        Hits hits = new Hits(text);
        ruleSet.automaton().parseText(text, hits);
        return hits;
    }

    private static List<String> describe(Hits hits) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < hits.size; i++) {
            described.add(hits.start(i) + "-" + hits.end(i) + " " + hits.entries[i].normalized);
        }
        return described;
    }
}
