package io.leadlistener.intent.engine;

import java.util.Arrays;

/**
 * The combinations and mention frames whose two parts were found in one message: for each rule at most one pair,
 * the closest (then the earliest, then the widest) of its words that lie in one clause (or sentence) within the rule's window, in order when the
 * rule asks for it, neither inside an exclusion phrase for the rule's intent. Parallel arrays, normalized offsets. One per {@link IntentTagger#tag} call that found a part.
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
        long[] found = new long[8];
        int count = 0;
        for (int k = 0; k < hits.specialCount; k++) {
            int j = hits.special[k];
            if (hits.is(j, Hits.PART)) {
                for (int code : hits.entries[j].parts) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = (long) code << 32 | j;
                }
            }
        }
        Arrays.sort(found, 0, count); // by rule, side a before side b, then hit
        CompiledProximity[] proximities = ruleSet.proximities();
        FoundPairs pairs = null;
        int i = 0;
        while (i < count) {
            int rule = (int) (found[i] >>> 33);
            int sideB = i;
            while (sideB < count && (int) (found[sideB] >>> 32) == rule << 1) {
                sideB++;
            }
            int next = sideB;
            while (next < count && (int) (found[next] >>> 33) == rule) {
                next++;
            }
            if (sideB > i && next > sideB) {
                CompiledProximity proximity = proximities[rule];
                long best = closest(text, hits, proximity, found, i, sideB, next);
                if (best >= 0) {
                    if (pairs == null) {
                        pairs = new FoundPairs(4);
                    }
                    pairs.add(proximity, (int) (best >>> 32), (int) best);
                }
            }
            i = next;
        }
        return pairs == null ? NONE : pairs;
    }

    /** The closest valid pair of one rule as {@code first << 32 | second} hit indices, or -1. */
    private static long closest(NormalizedText text, Hits hits, CompiledProximity proximity, long[] found,
                                int fromA, int fromB, int to) {
        long best = -1;
        int bestGap = Integer.MAX_VALUE;
        int bestStart = Integer.MAX_VALUE;
        int bestEnd = -1;
        for (int x = fromA; x < fromB; x++) {
            int a = (int) found[x];
            if (insideExclusion(hits, a, proximity)) {
                continue;
            }
            for (int y = fromB; y < to; y++) {
                int b = (int) found[y];
                if (insideExclusion(hits, b, proximity)) {
                    continue;
                }
                boolean aFirst = hits.start(a) < hits.start(b)
                        || hits.start(a) == hits.start(b) && hits.end(a) <= hits.end(b);
                int earlier = aFirst ? a : b;
                int later = aFirst ? b : a;
                int gap = hits.start(later) - hits.end(earlier);
                if (gap < 0 || gap > proximity.window || proximity.ordered && !aFirst || !better(gap,
                        hits.start(earlier), hits.end(later), bestGap, bestStart, bestEnd)) {
                    continue; // overlapping words, too far, out of order, or no better than the best so far
                }
                if (proximity.sentenceScope ? Clauses.inOneSentence(text, hits.end(earlier), hits.start(later))
                        : Clauses.inOneClause(text, hits, hits.end(earlier), hits.start(later), false, -1)) {
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

    /** Whether a question pair for {@code intent} spans the cue [cueStart, cueEnd): the cue asks, it refuses nothing. */
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
