package io.leadlistener.intent.engine;

import org.ahocorasick.trie.PayloadTrie;

/**
 * One pass of the automaton over a normalized message, restricted to where a keyword can be (see
 * {@link KeywordPairs}): each maximal chain of neighbouring characters that may be a keyword pair, and each
 * one-character keyword outside such a chain. Every match lies inside one of these stretches and the
 * automaton starts each from its root, so the hits are exactly those of a pass over the whole text, in the
 * same order (by end position) and in whole-message offsets.
 *
 * <p>Itself the {@link CharSequence} the automaton reads (a window on the message), so a message costs
 * one of these whatever the number of stretches. Not thread-safe: one per {@link IntentTagger#tag} call.
 */
final class KeywordScan implements CharSequence {

    private final NormalizedText text;
    private int from;
    private int length;

    private KeywordScan(NormalizedText text) {
        this.text = text;
    }

    static void findAll(PayloadTrie<KeywordEntry> automaton, KeywordPairs pairs, NormalizedText text, Hits hits) {
        KeywordScan window = null;
        char[] chars = text.sharedChars();
        int last = text.length() - 1;
        int p = 0;
        while (p <= last) {
            int start = p;
            while (p < last && pairs.mayBePair(chars[p], chars[p + 1])) {
                p++;
            }
            if (p > start || pairs.isSingle(chars[p])) {
                if (window == null) {
                    window = new KeywordScan(text);
                }
                window.from = start;
                window.length = p + 1 - start;
                hits.offset = start;
                automaton.parseText(window, hits);
            }
            p++;
        }
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return text.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(from + start, from + end);
    }

    @Override
    public String toString() {
        return text.subSequence(from, from + length).toString();
    }
}
