package io.leadlistener.intent.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The automaton's payload: every enabled rule whose keyword normalizes to the same text. One entry per
 * normalized keyword because the automaton keeps one payload per keyword, and the same text can be a
 * keyword of two intents, or a keyword here and a cue there.
 */
final class KeywordEntry {

    private static final IntentRule[] NONE = new IntentRule[0];

    final String normalized;
    /** Keyword rules, at most one per intent (the first wins). */
    final IntentRule[] keywords;
    final IntentRule[] exclusions;
    final IntentRule[] cues;
    final IntentRule[] trailingCues;
    final boolean clauseBreak;
    /** Latin keywords match whole words only: {@code sample} is not in {@code example}. */
    final boolean latinStart;
    final boolean latinEnd;
    /** {@link Hits} role bits. */
    final int roles;

    private KeywordEntry(String normalized, List<IntentRule> rules) {
        this.normalized = normalized;
        List<IntentRule> keywordRules = new ArrayList<>();
        for (IntentRule rule : rules) {
            if (rule.kind() == RuleKind.KEYWORD
                    && keywordRules.stream().noneMatch(r -> r.intent().equals(rule.intent()))) {
                keywordRules.add(rule);
            }
        }
        this.keywords = keywordRules.toArray(NONE);
        this.exclusions = ofKind(rules, RuleKind.EXCLUSION);
        this.cues = ofKind(rules, RuleKind.NEGATION_CUE);
        this.trailingCues = ofKind(rules, RuleKind.TRAILING_NEGATION_CUE);
        this.clauseBreak = rules.stream().anyMatch(r -> r.kind() == RuleKind.CLAUSE_BREAK);
        this.latinStart = isLatinLetter(normalized.charAt(0));
        this.latinEnd = isLatinLetter(normalized.charAt(normalized.length() - 1));
        this.roles = (keywords.length > 0 ? Hits.KEYWORD : 0) | (exclusions.length > 0 ? Hits.EXCLUSION : 0)
                | (cues.length > 0 ? Hits.CUE : 0) | (trailingCues.length > 0 ? Hits.TRAILING_CUE : 0)
                | (clauseBreak ? Hits.CLAUSE_BREAK : 0);
    }

    static KeywordEntry of(String normalized, List<IntentRule> rules) {
        return new KeywordEntry(normalized, rules);
    }

    private static IntentRule[] ofKind(List<IntentRule> rules, RuleKind kind) {
        return rules.stream().filter(r -> r.kind() == kind).toArray(IntentRule[]::new);
    }

    static boolean isLatinLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    boolean hasKeywordFor(String intent) {
        for (IntentRule rule : keywords) {
            if (rule.intent().equals(intent)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return normalized;
    }
}
