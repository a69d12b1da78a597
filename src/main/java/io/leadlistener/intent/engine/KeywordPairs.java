package io.leadlistener.intent.engine;

import java.util.Collection;

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
