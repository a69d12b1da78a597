package io.leadlistener.intent.engine;

import java.util.Arrays;

/**
 * The combinations and mention frames whose two parts were found in one message: for each rule at most one pair,
 * the closest (then the earliest, then the widest) of its words that lie in one clause (or sentence) within the
 * rule's window, in order when the rule asks for it, neither inside an exclusion phrase for the rule's intent.
 * Parallel arrays, normalized offsets, in rule order. One per {@link IntentTagger#tag} call that found a part.
 */
final class FoundPairs {

    static final FoundPairs NONE = new FoundPairs(0);

    int size;
    CompiledProximity[] rules;
    /** Hit indices of the earlier and the later part. */
    int[] first;
    int[] second;

    private FoundPairs(int capacity) {
        rules = new CompiledProximity[capacity];
        first = new int[capacity];
        second = new int[capacity];
    }

    int start(Hits hits, int pair) {
        return hits.start(first[pair]);
    }

    int end(Hits hits, int pair) {
        return hits.end(second[pair]);
    }

    static FoundPairs find(RuleSet ruleSet, NormalizedText text, Hits hits) {
        CompiledProximity[] proximities = ruleSet.proximities();
        int words = proximities.length + 63 >>> 6;
        long[] foundA = new long[words];
        long[] foundB = new long[words];
        for (int k = 0; k < hits.specialCount; k++) {
            int j = hits.special[k];
            if (hits.is(j, Hits.PART)) {
                KeywordEntry entry = hits.entries[j];
                for (int w = 0; w < words; w++) {
                    foundA[w] |= entry.partOfA[w];
                    foundB[w] |= entry.partOfB[w];
                }
            }
        }
        FoundPairs pairs = null;
        int[] sideA = null;
        int[] sideB = null;
        for (int w = 0; w < words; w++) {
            for (long both = foundA[w] & foundB[w]; both != 0; both &= both - 1) {
                int rule = w << 6 | Long.numberOfTrailingZeros(both);
                if (sideA == null) {
                    sideA = new int[hits.specialCount + 1];
                    sideB = new int[hits.specialCount + 1];
                }
                collect(hits, w, 1L << rule, sideA, sideB);
                CompiledProximity proximity = proximities[rule];
                long best = closest(text, hits, proximity, sideA, sideB);
                if (best >= 0) {
                    if (pairs == null) {
                        pairs = new FoundPairs(4);
                    }
                    pairs.add(proximity, (int) (best >>> 32), (int) best); // in rule order already
                }
            }
        }
        return pairs == null ? NONE : pairs;
    }

    /** The hits that are words of part a and of part b of one rule, each list ended by -1. */
    private static void collect(Hits hits, int word, long bit, int[] sideA, int[] sideB) {
        int a = 0;
        int b = 0;
        for (int k = 0; k < hits.specialCount; k++) {
            int j = hits.special[k];
            KeywordEntry entry = hits.entries[j];
            if (hits.is(j, Hits.PART)) {
                if ((entry.partOfA[word] & bit) != 0) {
                    sideA[a++] = j;
                }
                if ((entry.partOfB[word] & bit) != 0) {
                    sideB[b++] = j;
                }
            }
        }
        sideA[a] = -1;
        sideB[b] = -1;
    }

    /** The closest valid pair of one rule as {@code first << 32 | second} hit indices, or -1. */
    private static long closest(NormalizedText text, Hits hits, CompiledProximity proximity, int[] sideA,
                                int[] sideB) {
        long best = -1;
        int bestGap = Integer.MAX_VALUE;
        int bestStart = Integer.MAX_VALUE;
        int bestEnd = -1;
        int window = proximity.window;
        for (int x = 0; sideA[x] >= 0; x++) {
            int a = sideA[x];
            int aStart = hits.start(a);
            int aEnd = hits.end(a);
            int aExcluded = 0; // 0 unknown, 1 no, 2 yes: the exclusion scan runs only for a candidate pair
            for (int y = 0; sideB[y] >= 0; y++) {
                int b = sideB[y];
                int bStart = hits.start(b);
                int bEnd = hits.end(b);
                boolean aFirst = aStart < bStart || aStart == bStart && aEnd <= bEnd;
                int gap = aFirst ? bStart - aEnd : aStart - bEnd;
                if (gap < 0 || gap > window || proximity.ordered && !aFirst
                        || !better(gap, aFirst ? aStart : bStart, aFirst ? bEnd : aEnd, bestGap, bestStart, bestEnd)) {
                    continue; // overlapping words, too far, out of order, or no better than the best so far
                }
                if (aExcluded == 0) {
                    aExcluded = insideExclusion(hits, a, proximity) ? 2 : 1;
                }
                if (aExcluded == 2) {
                    break;
                }
                int earlier = aFirst ? a : b;
                int later = aFirst ? b : a;
                if (!insideExclusion(hits, b, proximity) && (proximity.sentenceScope
                        ? Clauses.inOneSentence(text, hits.end(earlier), hits.start(later))
                        : Clauses.inOneClause(text, hits, hits.end(earlier), hits.start(later), false, -1))) {
                    best = (long) earlier << 32 | later;
                    bestGap = gap;
                    bestStart = hits.start(earlier);
                    bestEnd = hits.end(later);
                }
            }
        }
        return best;
    }

    /**
     * Closest first, then earliest, then widest: of {@code 报了} and {@code 报了价} at the same place the longer word
     * is the pair's part, so the pair covers what the customer wrote.
     */
    private static boolean better(int gap, int start, int end, int bestGap, int bestStart, int bestEnd) {
        if (gap != bestGap) {
            return gap < bestGap;
        }
        return start != bestStart ? start < bestStart : end > bestEnd;
    }

    /**
     * A part's word inside a longer exclusion phrase for the rule's intent means something else ({@code 让} in
     * {@code 让我们}). An exclusion of exactly the word does not count: {@code 别家} is excluded as a negation cue,
     * and is still a word of a frame.
     */
    private static boolean insideExclusion(Hits hits, int hit, CompiledProximity proximity) {
        int length = hits.end(hit) - hits.start(hit);
        return hits.any(Hits.EXCLUSION)
                && hits.exclusionAround(hits.start(hit), hits.end(hit), proximity.intent, length) != null;
    }

    private void add(CompiledProximity rule, int earlier, int later) {
        if (size == rules.length) {
            rules = Arrays.copyOf(rules, size * 2);
            first = Arrays.copyOf(first, size * 2);
            second = Arrays.copyOf(second, size * 2);
        }
        rules[size] = rule;
        first[size] = earlier;
        second[size] = later;
        size++;
    }

    /**
     * Whether a question pair for {@code intent} spans the cue [cueStart, cueEnd): the cue asks, it refuses nothing.
     */
    boolean voidsCue(Hits hits, int cueStart, int cueEnd, String intent) {
        for (int p = 0; p < size; p++) {
            if (rules[p].effect == ProximityEffect.QUESTION && rules[p].appliesTo(intent)
                    && start(hits, p) <= cueStart && cueEnd <= end(hits, p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first mention frame for {@code intent} one of whose two words overlaps [start, end), or -1. A frame marks
     * its own words as talked about ({@code 加盟商} in {@code 作为 … 加盟商}); what else stands between them keeps its
     * meaning ({@code 拿货价} in {@code 做代理的话拿货价是多少}).
     */
    int mentionOver(Hits hits, int start, int end, String intent) {
        for (int p = 0; p < size; p++) {
            if (rules[p].effect == ProximityEffect.MENTION && rules[p].appliesTo(intent)
                    && (overlaps(hits, first[p], start, end) || overlaps(hits, second[p], start, end))) {
                return p;
            }
        }
        return -1;
    }

    private static boolean overlaps(Hits hits, int hit, int start, int end) {
        return hits.start(hit) < end && start < hits.end(hit);
    }
}
