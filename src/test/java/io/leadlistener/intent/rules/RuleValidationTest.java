package io.leadlistener.intent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.leadlistener.errors.InvalidInputException;
import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.RuleKind;
import io.leadlistener.intent.engine.TextNormalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The checks a rule passes before it enters a draft, without a database. */
class RuleValidationTest {

    private static final Set<String> INTENTS = Set.of("quote", "sample", "agency");
    private static final Set<String> WORD_SETS = Set.of("price-words", "cost-words");

    private final RuleValidation validation = new RuleValidation(TextNormalizer.standard());

    @Test
    void aKeywordOfAKnownIntentPasses() {
        assertThatCode(() -> check(IntentRule.of("quote", RuleKind.KEYWORD, "报价"))).doesNotThrowAnyException();
    }

    @Test
    void aKeywordLongerThan64CodePointsIsRefusedWithItsLength() {
        InvalidInputException refusal = refused(IntentRule.of("quote", RuleKind.KEYWORD, "价".repeat(65)));

        assertThat(refusal.slug()).isEqualTo("invalid-rule");
        assertThat(refusal.detail()).isEqualTo("keyword is 65 characters; the limit is 64");
        assertThatCode(() -> check(IntentRule.of("quote", RuleKind.KEYWORD, "价".repeat(64))))
                .as("64 is still allowed").doesNotThrowAnyException();
    }

    @Test
    void aKeywordWithNothingLeftAfterNormalizationIsRefused() {
        assertThat(refused(IntentRule.of("quote", RuleKind.KEYWORD, "？！ ...")).detail())
                .contains("has no letter, digit or CJK character left after normalization");
    }

    @Test
    void aNoteOver500CharactersIsRefused() {
        IntentRule rule = new IntentRule("quote", RuleKind.KEYWORD, "报价", true, "n".repeat(501));

        assertThat(refused(rule).detail()).isEqualTo("note is longer than 500 characters");
    }

    @Test
    void anUnknownIntentIsRefusedListingTheKnownOnes() {
        InvalidInputException refusal = refused(IntentRule.of("warranty", RuleKind.KEYWORD, "保修"));

        assertThat(refusal.slug()).isEqualTo("unknown-intent");
        assertThat(refusal.detail()).contains("intent 'warranty' is not defined for 'demo'")
                .contains("(known: agency, quote, sample)");
    }

    @ParameterizedTest
    @EnumSource(value = RuleKind.class, names = {"NEGATION_CUE", "EXCLUSION"})
    void cuesAndExclusionsMayApplyToEveryIntentWithoutAnIntentOfThatName(RuleKind kind) {
        AtomicInteger asked = new AtomicInteger();

        validation.check("demo", IntentRule.of(IntentRule.ANY_INTENT, kind, "不用"), () -> {
            asked.incrementAndGet();
            return INTENTS;
        }, () -> WORD_SETS);

        assertThat(asked).as("'*' is not looked up among the intents").hasValue(0);
    }

    @Test
    void aWordSetWithAnUnmatchableWordNamesTheWordsField() {
        InvalidInputException refusal = refused(IntentRule.wordSet("price-words", List.of("多少", "？？")));

        assertThat(refusal.extensions()).containsEntry("errors",
                List.of(Map.of("field", "words", "detail", "word '？？' has nothing to match")));
    }

    @Test
    void aCombinationNamingAnUndefinedWordSetNamesThePartAndTheDefinedSets() {
        InvalidInputException refusal = refused(
                IntentRule.combination("quote", List.of("@price-words"), List.of("@freight-words"), 8));

        assertThat(refusal.slug()).isEqualTo("unknown-word-set");
        assertThat(refusal.extensions()).containsEntry("errors",
                List.of(Map.of("field", "b", "detail", "unknown word set @freight-words")));
        assertThat(refusal.detail()).contains("(defined: cost-words, price-words)");
    }

    @Test
    void aCombinationOfDefinedSetsAndLiteralWordsPasses() {
        assertThatCode(() -> check(IntentRule.combination("quote", List.of("@price-words", "几钱"),
                List.of("@cost-words"), 8))).doesNotThrowAnyException();
    }

    @Test
    void aMentionFrameWithAnUnmatchableLiteralNamesPartA() {
        InvalidInputException refusal = refused(
                IntentRule.mentionFrame("agency", List.of("？？"), List.of("加盟商"), 8));

        assertThat(refusal.extensions()).containsEntry("errors",
                List.of(Map.of("field", "a", "detail", "word '？？' has nothing to match")));
    }

    @Test
    void theRuleSetIsAskedForWordSetsOnlyByRulesWithParts() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<Set<String>> counting = () -> {
            asked.incrementAndGet();
            return WORD_SETS;
        };

        validation.check("demo", IntentRule.of("quote", RuleKind.KEYWORD, "报价"), () -> INTENTS, counting);
        assertThat(asked).as("a keyword needs no word sets").hasValue(0);
        validation.check("demo", IntentRule.combination("quote", List.of("@price-words"), List.of("运费"), 8),
                () -> INTENTS, counting);
        assertThat(asked).hasValue(1);
    }

    private void check(IntentRule rule) {
        validation.check("demo", rule, () -> INTENTS, () -> WORD_SETS);
    }

    private InvalidInputException refused(IntentRule rule) {
        InvalidInputException refusal = catchThrowableOfType(InvalidInputException.class, () -> check(rule));
        assertThat(refusal).as("refused: %s", rule).isNotNull();
        return refusal;
    }
}
