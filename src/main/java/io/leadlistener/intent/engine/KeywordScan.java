package io.leadlistener.intent.engine;

/**
 * One pass of the automaton over a normalized message, restricted to where a keyword can be (see
 * {@link KeywordPairs}): each maximal chain of neighbouring characters that may be a keyword pair, and each
 * one-character keyword outside such a chain. Every match lies inside one of these stretches and the
 * automaton starts each from its root, so the hits are exactly those of a pass over the whole text, in the
 * same order (by end position) and in whole-message offsets. A chain's matches come from {@link ChainMatches}
 * (the automaton's walk, remembered); a lone one-character keyword is recorded without a walk.
 */
final class KeywordScan {

    private KeywordScan() {
    }

    static void findAll(ChainMatches chains, KeywordPairs pairs, NormalizedText text, Hits hits) {
        char[] chars = text.sharedChars();
        int last = text.length() - 1;
        int p = 0;
        while (p <= last) {
            int start = p;
            while (p < last && pairs.mayBePair(chars[p], chars[p + 1])) {
                p++;
            }
            if (p > start) {
                ChainMatches.Found found = chains.of(chars, start, p + 1 - start);
                for (int i = 0; i < found.entries().length; i++) {
                    hits.add(start + found.spans()[2 * i], start + found.spans()[2 * i + 1], found.entries()[i]);
                }
            } else if (pairs.isSingle(chars[p])) {
                hits.add(p, p + 1, pairs.single(chars[p])); // what the automaton would report, without running it
            }
            p++;
        }
    }
}
