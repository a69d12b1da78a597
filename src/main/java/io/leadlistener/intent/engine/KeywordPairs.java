package io.leadlistener.intent.engine;

import java.util.Collection;
import java.util.Map;

/**
 * The pairs of neighbouring characters that occur inside the automaton's keywords, and the characters that
 * are keywords on their own. Every match of two or more characters is a chain of such pairs, so
 * {@link KeywordScan} runs the automaton only over the chains of a message (and over lone one-character
 * keywords): ordinary text between them, where no keyword can be, costs one bit test per character
 * instead of an automaton step.
 *
 * <p>The pairs are kept as a one-hash Bloom filter: a false positive only lengthens a stretch the
 * automaton reads (it still finds exactly the keywords there), while a test is a multiply, a shift and a
 * bit read in a table small enough for the L1 cache. With the table at least 16 bits per pair, fewer than
 * 1 in 16 non-pairs pass. Immutable once built.
 */
final class KeywordPairs {

    private final long[] pairBits;
    private final int shift;
    private final long[] singles = new long[1 << 10];
    /**
     * The entries of the one-character keywords, by character (open addressing, at most half full): outside a chain
     * such a character is a hit by itself, so the scan records it without running the automaton.
     */
    private char[] singleKeys = new char[0];
    private KeywordEntry[] singleEntries = new KeywordEntry[0];

    private KeywordPairs(int bits) {
        pairBits = new long[bits >>> 6];
        shift = 32 - Integer.numberOfTrailingZeros(bits);
    }

    static KeywordPairs of(Collection<String> normalizedKeywords) {
        int pairs = 0;
        for (String keyword : normalizedKeywords) {
            pairs += Math.max(0, keyword.length() - 1);
        }
        int bits = Integer.highestOneBit(Math.max(1 << 12, pairs * 16) - 1) << 1;
        KeywordPairs set = new KeywordPairs(bits);
        for (String keyword : normalizedKeywords) {
            if (keyword.length() == 1) {
                set.singles[keyword.charAt(0) >>> 6] |= 1L << keyword.charAt(0);
            }
            for (int i = 0; i + 1 < keyword.length(); i++) {
                int bit = set.bit(keyword.charAt(i), keyword.charAt(i + 1));
                set.pairBits[bit >>> 6] |= 1L << bit;
            }
        }
        return set;
    }

    /** Adds the entries of the one-character keywords among {@code entries} for {@link #single(char)}. */
    static KeywordPairs of(Map<String, KeywordEntry> entries) {
        KeywordPairs set = of(entries.keySet());
        int count = (int) entries.keySet().stream().filter(keyword -> keyword.length() == 1).count();
        int size = Integer.highestOneBit(Math.max(8, count * 2) - 1) << 1;
        set.singleKeys = new char[size];
        set.singleEntries = new KeywordEntry[size];
        entries.forEach((keyword, entry) -> {
            if (keyword.length() == 1) {
                int slot = keyword.charAt(0) & size - 1;
                while (set.singleEntries[slot] != null) {
                    slot = slot + 1 & size - 1;
                }
                set.singleKeys[slot] = keyword.charAt(0);
                set.singleEntries[slot] = entry;
            }
        });
        return set;
    }

    /** The entry of one-character keyword {@code c}; only for characters {@link #isSingle(char)} says are. */
    KeywordEntry single(char c) {
        int mask = singleKeys.length - 1;
        int slot = c & mask;
        while (singleKeys[slot] != c || singleEntries[slot] == null) {
            slot = slot + 1 & mask;
        }
        return singleEntries[slot];
    }

    /** False if {@code first} followed by {@code second} occurs inside no keyword; true if it may. */
    boolean mayBePair(char first, char second) {
        int bit = bit(first, second);
        return (pairBits[bit >>> 6] & 1L << bit) != 0;
    }

    /** Whether {@code c} alone is a keyword. */
    boolean isSingle(char c) {
        return (singles[c >>> 6] & 1L << c) != 0;
    }

    private int bit(char first, char second) {
        return (first << 16 | second) * 0x9E3779B9 >>> shift; // Fibonacci hashing spreads the clustered codes
    }
}
