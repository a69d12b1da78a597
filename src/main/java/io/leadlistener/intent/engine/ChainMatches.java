package io.leadlistener.intent.engine;

import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

import java.util.Arrays;
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

    private Found walk(String chain) {
        int[][] spans = {new int[8]};
        KeywordEntry[][] entries = {new KeywordEntry[4]};
        int[] count = {0};
        automaton.parseText(chain, (PayloadEmit<KeywordEntry> emit) -> {
            int n = count[0];
            if (n == entries[0].length) {
                entries[0] = Arrays.copyOf(entries[0], n * 2);
                spans[0] = Arrays.copyOf(spans[0], n * 4);
            }
            spans[0][2 * n] = emit.getStart();
            spans[0][2 * n + 1] = emit.getEnd() + 1;
            entries[0][n] = emit.getPayload();
            count[0] = n + 1;
            return true;
        });
        int n = count[0];
        return n == 0 ? Found.NONE : new Found(Arrays.copyOf(spans[0], 2 * n), Arrays.copyOf(entries[0], n));
    }
}
