package io.leadlistener.intent.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The automaton's payload: every enabled rule whose keyword normalizes to the same text, and every combination
 * or frame part that lists it. One entry per normalized keyword because the automaton keeps one payload per
 * keyword, and the same text can be a keyword of two intents, or a keyword here, a cue there and a part of a
 * combination.
 *
 * <p>What the tagger reads for every match is flattened into this object (intent names, keywords as
 * written, role bits) so the hot path does not chase pointers through rule objects; intent names are
 * the rule set's canonical instances, compared by identity.
 */
final class KeywordEntry {

    final String normalized;
    /** Intents this text is a keyword of, at most once each (the first rule wins). */
    final String[] intents;
    /** The keyword of each of those rules, as written in the rule. */
    final String[] writtenKeywords;
    final IntentRule[] exclusions;
    final IntentRule[] cues;
    final IntentRule[] trailingCues;
    /** The first cue of each direction that applies to every intent, the usual case; null if none. */
    final IntentRule cueForAll;
    final IntentRule trailingCueForAll;
    /** Latin keywords match whole words only: {@code sample} is not in {@code example}. */
    final boolean latinStart;
    final boolean latinEnd;
    /**
     * The combinations and frames whose part a (resp. b) lists this text, as bit sets of their indices in
     * {@link RuleSet#proximities()}: a message ORs the sets of its words, and only the rules with both parts found
     * are looked at further.
     */
    final long[] partOfA;
    final long[] partOfB;
    /** {@link Hits} role bits. */
    final int roles;

    private KeywordEntry(String normalized, List<IntentRule> rules, int[] parts, int proximityCount,
                         UnaryOperator<String> canonicalIntent) {
        this.partOfA = new long[proximityCount + 63 >>> 6];
        this.partOfB = new long[proximityCount + 63 >>> 6];
        for (int code : parts) {
            int rule = code >>> 1;
            ((code & 1) == 0 ? partOfA : partOfB)[rule >>> 6] |= 1L << rule;
        }
        this.normalized = normalized;
        List<String> keywordIntents = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (IntentRule rule : rules) {
            String intent = canonicalIntent.apply(rule.intent());
            if (rule.kind() == RuleKind.KEYWORD && !keywordIntents.contains(intent)) {
                keywordIntents.add(intent);
                written.add(rule.keyword());
            }
        }
        this.intents = keywordIntents.toArray(String[]::new);
        this.writtenKeywords = written.toArray(String[]::new);
        this.exclusions = ofKind(rules, RuleKind.EXCLUSION);
        this.cues = ofKind(rules, RuleKind.NEGATION_CUE);
        this.trailingCues = ofKind(rules, RuleKind.TRAILING_NEGATION_CUE);
        this.cueForAll = forAll(cues);
        this.trailingCueForAll = forAll(trailingCues);
        boolean clauseBreak = rules.stream().anyMatch(r -> r.kind() == RuleKind.CLAUSE_BREAK);
        boolean topicMarker = rules.stream().anyMatch(r -> r.kind() == RuleKind.TOPIC_MARKER);
        this.latinStart = isLatinLetter(normalized.charAt(0));
        this.latinEnd = isLatinLetter(normalized.charAt(normalized.length() - 1));
        this.roles = (intents.length > 0 ? Hits.KEYWORD : 0) | (exclusions.length > 0 ? Hits.EXCLUSION : 0)
                | (cues.length > 0 ? Hits.CUE : 0) | (trailingCues.length > 0 ? Hits.TRAILING_CUE : 0)
                | (clauseBreak ? Hits.CLAUSE_BREAK : 0) | (parts.length > 0 ? Hits.PART : 0)
                | (topicMarker ? Hits.TOPIC_MARKER : 0);
    }

    /** @param parts {@code proximityIndex << 1 | side} (side 0 = part a, 1 = part b) of every part listing the text */
    static KeywordEntry of(String normalized, List<IntentRule> rules, int[] parts, int proximityCount,
                           UnaryOperator<String> canonicalIntent) {
        return new KeywordEntry(normalized, rules, parts, proximityCount, canonicalIntent);
    }

    private static IntentRule[] ofKind(List<IntentRule> rules, RuleKind kind) {
        return rules.stream().filter(r -> r.kind() == kind).toArray(IntentRule[]::new);
    }

    private static IntentRule forAll(IntentRule[] rules) {
        for (IntentRule rule : rules) {
            if (IntentRule.ANY_INTENT.equals(rule.intent())) {
                return rule;
            }
        }
        return null;
    }

    static boolean isLatinLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** Whether this text is a keyword of {@code intent} (a canonical instance). */
    boolean hasKeywordFor(String intent) {
        for (String own : intents) {
            if (own == intent) {
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
