package io.leadlistener.intent.engine;

import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the automaton reports over a chain of characters, remembered per rule set. The same short chains recur in
 * almost every message ({@code 多少钱}, {@code 我们}, {@code 可以}), and a walk of {@code org.ahocorasick}'s trie
 * boxes every character into a map lookup; looking the chain up once and replaying its matches is several times
 * cheaper and reports exactly the same matches in the same order (a chain's matches depend on its characters
 * only; word boundaries and sentence punctuation are checked again for each message by {@link Hits#add}).
 *
 * <p>Bounded: once {@value #MAX_CHAINS} chains are known, new ones are walked without being remembered. Safe for
 * concurrent taggers; owned by one {@link RuleSet}, so a new rule set starts empty.
 */
final class ChainMatches {

    static final int MAX_CHAINS = 65_536;

    /** Matches of one chain: start/end pairs relative to the chain, and their entries, in the automaton's order. */
    record Found(int[] spans, KeywordEntry[] entries) {
        static final Found NONE = new Found(new int[0], new KeywordEntry[0]);
    }

    private final PayloadTrie<KeywordEntry> automaton;
    private final ConcurrentHashMap<Chain, Found> known = new ConcurrentHashMap<>();

    ChainMatches(PayloadTrie<KeywordEntry> automaton) {
        this.automaton = automaton;
    }

    Found of(char[] chars, int from, int length) {
        Chain chain = new Chain(chars, from, length);
        Found found = known.get(chain);
        if (found == null) {
            Chain own = chain.copy();
            found = walk(own.toString());
            if (known.size() < MAX_CHAINS) {
                known.putIfAbsent(own, found);
            }
        }
        return found;
    }

    /** Characters of a chain, looked up in place (no copy of the message); copied only to be remembered. */
    private static final class Chain {
        private final char[] chars;
        private final int from;
        private final int length;
        private final int hash;

        Chain(char[] chars, int from, int length) {
            this.chars = chars;
            this.from = from;
            this.length = length;
            int h = 1;
            for (int i = from; i < from + length; i++) {
                h = 31 * h + chars[i];
            }
            this.hash = h;
        }

        Chain copy() {
            return new Chain(Arrays.copyOfRange(chars, from, from + length), 0, length);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Chain that) || that.hash != hash || that.length != length) {
                return false;
            }
            for (int i = 0; i < length; i++) { // chains are a few characters: a plain loop beats Arrays.equals here
                if (chars[from + i] != that.chars[that.from + i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return new String(chars, from, length);
        }
    }

    /** The automaton's walk over one chain, in its reporting order (by end position). */
    private Found walk(String chain) {
        List<PayloadEmit<KeywordEntry>> emits = new ArrayList<>();
        automaton.parseText(chain, emits::add);
        if (emits.isEmpty()) {
            return Found.NONE;
        }
        int[] spans = new int[2 * emits.size()];
        KeywordEntry[] entries = new KeywordEntry[emits.size()];
        for (int i = 0; i < entries.length; i++) {
            spans[2 * i] = emits.get(i).getStart();
            spans[2 * i + 1] = emits.get(i).getEnd() + 1;
            entries[i] = emits.get(i).getPayload();
        }
        return new Found(spans, entries);
    }
}
