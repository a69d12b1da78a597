package io.leadlistener.intent.engine;

import org.ahocorasick.trie.PayloadTrie;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A versioned, compiled set of rules: one Aho-Corasick automaton over the normalized keywords of every
 * enabled rule (keywords, exclusions, negation cues, clause breaks), so one pass over a message finds
 * them all. Immutable and safe to share between threads; compile a new one to change anything.
 */
public final class RuleSet {

    private final long version;
    private final List<IntentRule> rules;
    private final NegationScope negationScope;
    private final SortedSet<String> intents;
    private final PayloadTrie<KeywordEntry> automaton;
    private final KeywordPairs pairs;
    private final int keywordCount;

    private RuleSet(long version, List<IntentRule> rules, NegationScope negationScope, SortedSet<String> intents,
                    PayloadTrie<KeywordEntry> automaton, KeywordPairs pairs, int keywordCount) {
        this.version = version;
        this.rules = rules;
        this.negationScope = negationScope;
        this.intents = intents;
        this.automaton = automaton;
        this.pairs = pairs;
        this.keywordCount = keywordCount;
    }

    /** Compiles with the {@link NegationScope#DEFAULT default} negation windows. */
    public static RuleSet compile(long version, Collection<IntentRule> rules) {
        return compile(version, rules, NegationScope.DEFAULT);
    }

    /**
     * Compiles the enabled rules. Keywords are normalized like messages, so rules that differ only in
     * width, case, script or spacing collapse into one automaton entry.
     *
     * @throws IllegalArgumentException if an enabled rule's keyword has nothing matchable left after
     *                                  normalization (only spaces, punctuation or emoji); the message names it
     */
    public static RuleSet compile(long version, Collection<IntentRule> rules, NegationScope negationScope) {
        TextNormalizer normalizer = TextNormalizer.standard();
        Map<String, List<IntentRule>> byKeyword = new LinkedHashMap<>();
        SortedSet<String> intents = new TreeSet<>();
        for (IntentRule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            String normalized = normalizer.normalizeKeyword(rule.keyword());
            if (normalized.isEmpty()) {
                throw new IllegalArgumentException("keyword '" + rule.keyword() + "' (" + rule.kind().code()
                        + ", intent " + rule.intent() + ") has no letter, digit or CJK character to match");
            }
            byKeyword.computeIfAbsent(normalized, k -> new ArrayList<>()).add(rule);
            if (rule.kind() == RuleKind.KEYWORD) {
                intents.add(rule.intent());
            }
        }
        Map<String, String> canonicalIntents = new java.util.HashMap<>();
        UnaryOperator<String> canonical = intent -> canonicalIntents.computeIfAbsent(intent, i -> i);
        PayloadTrie.PayloadTrieBuilder<KeywordEntry> builder = PayloadTrie.builder();
        byKeyword.forEach((normalized, sameKeyword) -> builder.addKeyword(normalized,
                KeywordEntry.of(normalized, sameKeyword, canonical)));
        return new RuleSet(version, List.copyOf(rules), negationScope, Collections.unmodifiableSortedSet(intents),
                builder.build(), KeywordPairs.of(byKeyword.keySet()), byKeyword.size());
    }

    public long version() {
        return version;
    }

    /** The rules it was compiled from, including disabled ones, in the given order. */
    public List<IntentRule> rules() {
        return rules;
    }

    public NegationScope negationScope() {
        return negationScope;
    }

    /** Intents that at least one enabled keyword rule tags, sorted. */
    public SortedSet<String> intents() {
        return intents;
    }

    /** Distinct normalized keywords in the automaton. */
    public int automatonSize() {
        return keywordCount;
    }

    /** The automaton over every normalized keyword; {@link #findAll} is the way to run it on a message. */
    PayloadTrie<KeywordEntry> automaton() {
        return automaton;
    }

    /** Every keyword, exclusion, cue and clause break in {@code text}, reported to {@code hits} by end position. */
    void findAll(NormalizedText text, Hits hits) {
        KeywordScan.findAll(automaton, pairs, text, hits);
    }
}
