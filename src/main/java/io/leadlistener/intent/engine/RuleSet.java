package io.leadlistener.intent.engine;

import org.ahocorasick.trie.PayloadTrie;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A versioned, compiled set of rules: one Aho-Corasick automaton over the normalized keywords of every
 * enabled rule (keywords, exclusions, negation cues, clause breaks, topic markers) and the words of every
 * combination's and mention frame's parts, so one pass over a message finds them all. Immutable and safe to share
 * between threads; compile a new one to change anything.
 */
public final class RuleSet {

    private final long version;
    private final List<IntentRule> rules;
    private final NegationScope negationScope;
    private final SortedSet<String> intents;
    private final PayloadTrie<KeywordEntry> automaton;
    private final KeywordPairs pairs;
    private final ChainMatches chains;
    private final CompiledProximity[] proximities;
    private final Map<String, List<String>> wordSets;
    private final Set<String> automatonWords;

    private RuleSet(long version, List<IntentRule> rules, NegationScope negationScope, SortedSet<String> intents,
                    PayloadTrie<KeywordEntry> automaton, KeywordPairs pairs,
                    CompiledProximity[] proximities, Map<String, List<String>> wordSets, Set<String> automatonWords) {
        this.version = version;
        this.rules = rules;
        this.negationScope = negationScope;
        this.intents = intents;
        this.automaton = automaton;
        this.pairs = pairs;
        this.chains = new ChainMatches(automaton);
        this.proximities = proximities;
        this.wordSets = wordSets;
        this.automatonWords = automatonWords;
    }

    /** Compiles with the {@link NegationScope#DEFAULT default} negation windows. */
    public static RuleSet compile(long version, Collection<IntentRule> rules) {
        return compile(version, rules, NegationScope.DEFAULT);
    }

    /**
     * Compiles the enabled rules. Keywords are normalized like messages, so rules that differ only in
     * width, case, script or spacing collapse into one automaton entry. Word sets of the same name are merged
     * (a tenant's set adds to the default's); every word of a combination's or frame's parts, sets resolved,
     * becomes an automaton entry too, so the one pass finds the parts as well.
     *
     * @throws IllegalArgumentException if an enabled rule's keyword or word has nothing matchable left after
     *                                  normalization (only spaces, punctuation or emoji), or a part names a word
     *                                  set the rules do not define ({@link InvalidRuleException}); the message
     *                                  names it
     */
    public static RuleSet compile(long version, Collection<IntentRule> rules, NegationScope negationScope) {
        TextNormalizer normalizer = TextNormalizer.standard();
        Map<String, List<IntentRule>> byKeyword = new LinkedHashMap<>();
        Map<String, LinkedHashSet<String>> wordSets = new LinkedHashMap<>();
        List<IntentRule> proximityRules = new ArrayList<>();
        SortedSet<String> intents = new TreeSet<>();
        for (IntentRule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            if (rule.kind() == RuleKind.WORD_SET) {
                wordSets.computeIfAbsent(rule.keyword(), name -> new LinkedHashSet<>()).addAll(rule.words());
                continue;
            }
            if (rule.kind().isProximity()) {
                proximityRules.add(rule);
                if (rule.proximity().effect() == ProximityEffect.TAG) {
                    intents.add(rule.intent());
                }
                continue;
            }
            byKeyword.computeIfAbsent(normalizedOrReject(normalizer, rule.keyword(), rule), k -> new ArrayList<>())
                    .add(rule);
            if (rule.kind() == RuleKind.KEYWORD) {
                intents.add(rule.intent());
            }
        }
        Map<String, String> canonicalIntents = new java.util.HashMap<>();
        UnaryOperator<String> canonical = intent -> canonicalIntents.computeIfAbsent(intent, i -> i);
        CompiledProximity[] proximities = new CompiledProximity[proximityRules.size()];
        Map<String, List<Integer>> partsByWord = new LinkedHashMap<>();
        for (int i = 0; i < proximities.length; i++) {
            IntentRule rule = proximityRules.get(i);
            proximities[i] = new CompiledProximity(rule, canonical.apply(rule.intent()));
            addPartWords(normalizer, rule, "a", rule.proximity().a(), i << 1, wordSets, partsByWord);
            addPartWords(normalizer, rule, "b", rule.proximity().b(), i << 1 | 1, wordSets, partsByWord);
        }
        Set<String> allWords = new LinkedHashSet<>(byKeyword.keySet());
        allWords.addAll(partsByWord.keySet());
        PayloadTrie.PayloadTrieBuilder<KeywordEntry> builder = PayloadTrie.builder();
        Map<String, KeywordEntry> entries = new LinkedHashMap<>();
        for (String normalized : allWords) {
            int[] parts = partsByWord.getOrDefault(normalized, List.of()).stream().mapToInt(Integer::intValue)
                    .toArray();
            KeywordEntry entry = KeywordEntry.of(normalized, byKeyword.getOrDefault(normalized, List.of()), parts,
                    proximities.length, canonical);
            entries.put(normalized, entry);
            builder.addKeyword(normalized, entry);
        }
        Map<String, List<String>> sets = new TreeMap<>();
        wordSets.forEach((name, words) -> sets.put(name, List.copyOf(words)));
        return new RuleSet(version, List.copyOf(rules), negationScope, Collections.unmodifiableSortedSet(intents),
                builder.build(), KeywordPairs.of(entries), proximities,
                Collections.unmodifiableMap(sets), Collections.unmodifiableSet(allWords));
    }

    private static String normalizedOrReject(TextNormalizer normalizer, String word, IntentRule rule) {
        String normalized = normalizer.normalizeKeyword(word);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("keyword '" + word + "' (" + rule.kind().code()
                    + ", intent " + rule.intent() + ") has no letter, digit or CJK character to match");
        }
        return normalized;
    }

    private static void addPartWords(TextNormalizer normalizer, IntentRule rule, String field, List<String> part,
                                     int code, Map<String, LinkedHashSet<String>> wordSets,
                                     Map<String, List<Integer>> partsByWord) {
        for (String item : part) {
            List<String> words;
            if (item.startsWith(Proximity.SET_REFERENCE)) {
                String name = item.substring(Proximity.SET_REFERENCE.length());
                Set<String> set = wordSets.get(name);
                if (set == null) {
                    throw new InvalidRuleException(field, "of " + rule.kind().code() + " '" + rule.keyword()
                            + "' names word set '" + item + "', which the rule set does not define");
                }
                words = List.copyOf(set);
            } else {
                words = List.of(item);
            }
            for (String word : words) {
                List<Integer> codes = partsByWord.computeIfAbsent(normalizedOrReject(normalizer, word, rule),
                        w -> new ArrayList<>());
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
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

    /** Every normalized text the automaton finds: keywords, cues, phrases, clause breaks and part words. */
    public Set<String> automatonWords() {
        return automatonWords;
    }

    /** Distinct normalized keywords in the automaton. */
    public int automatonSize() {
        return automatonWords.size();
    }

    /** The enabled combinations and mention frames, in rule order: what {@link KeywordEntry#parts} index. */
    CompiledProximity[] proximities() {
        return proximities;
    }

    /** Every word set by name, the words of same-named rows merged in order (sets resolved by combinations). */
    public Map<String, List<String>> wordSets() {
        return wordSets;
    }

    /** The automaton over every normalized keyword; {@link #findAll} is the way to run it on a message. */
    PayloadTrie<KeywordEntry> automaton() {
        return automaton;
    }

    /** Every keyword, exclusion, cue and clause break in {@code text}, reported to {@code hits} by end position. */
    void findAll(NormalizedText text, Hits hits) {
        KeywordScan.findAll(chains, pairs, text, hits);
    }
}
