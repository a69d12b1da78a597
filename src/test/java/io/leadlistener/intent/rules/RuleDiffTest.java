package io.leadlistener.intent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.RuleKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link RuleDiff} reports between two states of a rule set: matched by rule id, listed by id. */
class RuleDiffTest {

    private static final IntentRule QUOTE = IntentRule.of("quote", RuleKind.KEYWORD, "报价");
    private static final IntentRule SAMPLE = IntentRule.of("sample", RuleKind.KEYWORD, "样品");
    private static final IntentRule AGENCY = IntentRule.of("agency", RuleKind.KEYWORD, "代理");

    @Test
    void identicalSetsGiveAnEmptyDiff() {
        List<StoredRule> rules = List.of(stored(1, QUOTE), stored(2, SAMPLE));

        RuleDiff diff = RuleDiff.between(rules, List.copyOf(rules));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.summary()).isEqualTo("0 added, 0 removed, 0 changed");
    }

    @Test
    void theSameRulesInAnotherOrderAreNoChange() {
        RuleDiff diff = RuleDiff.between(List.of(stored(1, QUOTE), stored(2, SAMPLE)),
                List.of(stored(2, SAMPLE), stored(1, QUOTE)));

        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void aNewRuleIsAddedAndNothingElse() {
        RuleDiff diff = RuleDiff.between(List.of(stored(1, QUOTE)), List.of(stored(1, QUOTE), stored(2, SAMPLE)));

        assertThat(diff.added()).containsExactly(stored(2, SAMPLE));
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.isEmpty()).isFalse();
        assertThat(diff.summary()).isEqualTo("1 added, 0 removed, 0 changed");
    }

    @Test
    void removedRuleAppearsOnceInTheDiff() {
        RuleDiff diff = RuleDiff.between(List.of(stored(1, QUOTE), stored(2, SAMPLE)), List.of(stored(1, QUOTE)));

        assertThat(diff.removed()).containsExactly(stored(2, SAMPLE));
        assertThat(diff.added()).isEmpty();
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.summary()).isEqualTo("0 added, 1 removed, 0 changed");
    }

    @Test
    void anEditedRuleIsOneChangeWithBothStatesNotAnAddAndARemove() {
        IntentRule edited = IntentRule.of("quote", RuleKind.KEYWORD, "询价");

        RuleDiff diff = RuleDiff.between(List.of(stored(7, QUOTE)), List.of(stored(7, edited)));

        assertThat(diff.changed()).containsExactly(new RuleDiff.Change(7, stored(7, QUOTE), stored(7, edited)));
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.summary()).isEqualTo("0 added, 0 removed, 1 changed");
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("keyword", IntentRule.of("quote", RuleKind.KEYWORD, "报价单")),
                Arguments.of("intent", IntentRule.of("sample", RuleKind.KEYWORD, "报价")),
                Arguments.of("kind", IntentRule.of("quote", RuleKind.EXCLUSION, "报价")),
                Arguments.of("disabled", new IntentRule("quote", RuleKind.KEYWORD, "报价", false, "")),
                Arguments.of("note", new IntentRule("quote", RuleKind.KEYWORD, "报价", true, "why")));
    }

    @ParameterizedTest(name = "a rule whose {0} changes is a change")
    @MethodSource("edits")
    void anyEditOfARuleUnderTheSameIdIsAChange(String what, IntentRule edited) {
        RuleDiff diff = RuleDiff.between(List.of(stored(3, QUOTE)), List.of(stored(3, edited)));

        assertThat(diff.changed()).extracting(RuleDiff.Change::id).containsExactly(3L);
        assertThat(diff.changed().get(0).after().rule()).isEqualTo(edited);
    }

    @Test
    void aWordSetGainingAWordIsAChange() {
        IntentRule before = IntentRule.wordSet("how-much", List.of("多少", "几钱"));
        IntentRule after = IntentRule.wordSet("how-much", List.of("多少", "几钱", "啥价"));

        RuleDiff diff = RuleDiff.between(List.of(stored(4, before)), List.of(stored(4, after)));

        assertThat(diff.changed()).singleElement().satisfies(change -> {
            assertThat(change.before().rule().words()).containsExactly("多少", "几钱");
            assertThat(change.after().rule().words()).containsExactly("多少", "几钱", "啥价");
        });
    }

    @Test
    void rulesAreMatchedByIdSoTheSameRuleUnderANewIdIsRemovedAndAdded() {
        RuleDiff diff = RuleDiff.between(List.of(stored(1, QUOTE)), List.of(stored(2, QUOTE)));

        assertThat(diff.removed()).containsExactly(stored(1, QUOTE));
        assertThat(diff.added()).containsExactly(stored(2, QUOTE));
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void everyListIsOrderedByRuleIdWhateverTheInputOrder() {
        IntentRule quote2 = IntentRule.of("quote", RuleKind.KEYWORD, "价格");
        IntentRule sample2 = IntentRule.of("sample", RuleKind.KEYWORD, "样板");
        List<StoredRule> before = List.of(stored(30, QUOTE), stored(10, SAMPLE), stored(50, AGENCY),
                stored(20, AGENCY), stored(60, QUOTE), stored(40, SAMPLE));
        List<StoredRule> after = List.of(stored(9, SAMPLE), stored(60, sample2), stored(5, QUOTE),
                stored(50, AGENCY), stored(7, AGENCY), stored(10, quote2));

        RuleDiff diff = RuleDiff.between(before, after);

        assertThat(diff.added()).extracting(StoredRule::id).containsExactly(5L, 7L, 9L);
        assertThat(diff.removed()).extracting(StoredRule::id).containsExactly(20L, 30L, 40L);
        assertThat(diff.changed()).extracting(RuleDiff.Change::id).containsExactly(10L, 60L);
        assertThat(diff.summary()).isEqualTo("3 added, 3 removed, 2 changed");
    }

    @Test
    void fromNothingEveryRuleIsAddedAndToNothingEveryRuleIsRemoved() {
        List<StoredRule> rules = List.of(stored(2, SAMPLE), stored(1, QUOTE));

        assertThat(RuleDiff.between(List.of(), rules).added()).extracting(StoredRule::id).containsExactly(1L, 2L);
        assertThat(RuleDiff.between(rules, List.of()).removed()).extracting(StoredRule::id).containsExactly(1L, 2L);
        assertThat(RuleDiff.between(List.of(), List.of()).isEmpty()).isTrue();
    }

    @Test
    void theDiffsListsCannotBeModified() {
        RuleDiff diff = RuleDiff.between(List.of(stored(1, QUOTE), stored(3, AGENCY)),
                List.of(stored(2, SAMPLE), stored(3, IntentRule.of("agency", RuleKind.KEYWORD, "加盟"))));

        assertThatThrownBy(() -> diff.added().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> diff.removed().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> diff.changed().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static StoredRule stored(long id, IntentRule rule) {
        return new StoredRule(id, rule);
    }
}
