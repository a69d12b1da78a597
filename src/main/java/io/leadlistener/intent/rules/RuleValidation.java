package io.leadlistener.intent.rules;

import io.leadlistener.errors.InvalidInputException;
import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.Proximity;
import io.leadlistener.intent.engine.RuleKind;
import io.leadlistener.intent.engine.TextNormalizer;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Whether a rule may enter a rule set's draft: every refusal names what is wrong (and, for a rule's parts, the
 * field). Pure: what the rule set defines (intents, word sets) is handed in, so the editor reads it from the store
 * only when a rule needs it, and the checks are tested without a database.
 */
final class RuleValidation {

    /** Longest keyword accepted, in code points: a keyword is a word or short phrase, not a sentence. */
    static final int MAX_KEYWORD_LENGTH = 64;
    static final int MAX_NOTE_LENGTH = 500;

    private final TextNormalizer normalizer;

    RuleValidation(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * @param knownIntents    the intents the rule set defines (asked only when the rule names one)
     * @param definedWordSets the word sets of the rule set's draft and its layers (asked only by combinations and
     *                        mention frames)
     * @throws InvalidInputException naming what is wrong
     */
    void check(String ruleSet, IntentRule rule, Supplier<Set<String>> knownIntents,
               Supplier<Set<String>> definedWordSets) {
        int length = rule.keyword().codePointCount(0, rule.keyword().length());
        if (rule.kind().isProximity()) {
            checkParts(ruleSet, rule, definedWordSets.get());
        } else if (rule.kind() == RuleKind.WORD_SET) {
            requireMatchable("words", rule.words());
        } else if (length > MAX_KEYWORD_LENGTH) {
            throw new InvalidInputException("invalid-rule",
                    "keyword is " + length + " characters; the limit is " + MAX_KEYWORD_LENGTH);
        }
        if (rule.note().length() > MAX_NOTE_LENGTH) {
            throw new InvalidInputException("invalid-rule", "note is longer than " + MAX_NOTE_LENGTH + " characters");
        }
        if (!rule.kind().isProximity() && rule.kind() != RuleKind.WORD_SET
                && normalizer.normalizeKeyword(rule.keyword()).isEmpty()) {
            throw new InvalidInputException("invalid-rule", "keyword '" + rule.keyword()
                    + "' has no letter, digit or CJK character left after normalization");
        }
        // '*' (cues and exclusions for every intent) is the rule's own business: IntentRule refuses it on a keyword.
        if (!IntentRule.ANY_INTENT.equals(rule.intent())) {
            Set<String> intents = knownIntents.get();
            if (!intents.contains(rule.intent())) {
                throw new InvalidInputException("unknown-intent", "intent '" + rule.intent()
                        + "' is not defined for '" + ruleSet + "'; define it first under /intents (known: "
                        + String.join(", ", intents.stream().sorted().toList()) + ")");
            }
        }
    }

    /** Literal words must be matchable; every {@code @set} must exist in the rule set's draft and its layers. */
    private void checkParts(String ruleSet, IntentRule rule, Set<String> defined) {
        Proximity proximity = rule.proximity();
        requireMatchable("a", proximity.a().stream().filter(word -> !isSetReference(word)).toList());
        requireMatchable("b", proximity.b().stream().filter(word -> !isSetReference(word)).toList());
        for (String name : proximity.setReferences()) {
            if (!defined.contains(name)) {
                String item = Proximity.SET_REFERENCE + name;
                String field = proximity.a().contains(item) ? "a" : "b";
                throw fieldProblem("unknown-word-set", field, "unknown word set " + item, field + " names word set '"
                        + item + "', which rule set '" + ruleSet + "' does not define (defined: "
                        + String.join(", ", defined.stream().sorted().toList()) + "); add it first as a word_set rule");
            }
        }
    }

    private void requireMatchable(String field, List<String> words) {
        for (String word : words) {
            if (normalizer.normalizeKeyword(word).isEmpty()) {
                throw fieldProblem("invalid-rule", field, "word '" + word + "' has nothing to match", field + " word '"
                        + word + "' has no letter, digit or CJK character left after normalization");
            }
        }
    }

    /** A 400 naming the field at fault in {@code errors}, as {@code RuleRequest} reports field errors. */
    private static InvalidInputException fieldProblem(String slug, String field, String fieldDetail, String detail) {
        return new InvalidInputException(slug, detail, List.of(new InvalidInputException.FieldError(field, fieldDetail)));
    }

    private static boolean isSetReference(String item) {
        return item.startsWith(Proximity.SET_REFERENCE);
    }
}
