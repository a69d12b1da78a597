package io.leadlistener.intent.engine;

import java.util.Arrays;

/**
 * Folds a message for matching while remembering where every character came from.
 *
 * <p>Per character: NFKC ({@code ＡＧＥＮＣＹ} → {@code AGENCY}), lower case, Traditional → Simplified
 * ({@code 樣品} → {@code 样品}); and removal of what people put inside words by habit or to dodge filters
 * (spaces, punctuation, emoji, zero-width characters, variation selectors), so {@code 报 价}, {@code 报-价},
 * {@code 报💰价} and {@code 报\u200B价} all read {@code 报价}. What was removed is kept as a
 * {@link Separator} for negation scope and Latin word boundaries.
 *
 * <p>Keywords go through the same normalizer when a rule set is compiled. Thread-safe and allocation-light:
 * one set of arrays per message, none per character.
 */
public final class TextNormalizer {

    private static final TextNormalizer STANDARD = new TextNormalizer();

    private TextNormalizer() {
    }

    /** The normalizer; its folding table is built on first use (a few hundred milliseconds, once per JVM). */
    public static TextNormalizer standard() {
        return STANDARD;
    }

    /** The normalized form of a keyword, as the automaton stores it; empty if nothing matchable is left. */
    public String normalizeKeyword(String keyword) {
        return normalize(keyword).toString();
    }

    public NormalizedText normalize(String text) {
        CharacterFolding table = CharacterFolding.shared();
        int n = text.length();
        // Every input unit yields at most one output char until an NFKC expansion or a surrogate pair,
        // which the general loop below takes over from.
        char[] chars = new char[n];
        int[] positions = new int[n];
        int length = 0;
        int pending = 0;
        for (int i = 0; i < n; i++) {
            char folded = table.bmp(text.charAt(i));
            if (folded >= CharacterFolding.FIRST_KEPT) {
                if (pending == CharacterFolding.SOFT && length > 0 && isLatinOrDigit(folded)
                        && isLatinOrDigit(chars[length - 1])) {
                    pending = CharacterFolding.INNER; // a space between English words separates words, not thoughts
                }
                chars[length] = folded;
                positions[length] = i << 2 | pending;
                pending = 0;
                length++;
            } else if (folded <= CharacterFolding.HARD) {
                pending = Math.max(pending, folded);
            } else {
                return normalizeFrom(text, table, i, chars, positions, length, pending);
            }
        }
        return new NormalizedText(text, chars, length, positions, pending);
    }

    /** The general loop: expansions and surrogate pairs, from input index {@code i} on. */
    private static NormalizedText normalizeFrom(String text, CharacterFolding table, int i, char[] chars,
                                                int[] positions, int length, int pending) {
        int n = text.length();
        char[] out = chars;
        int[] outPositions = positions;
        while (i < n) {
            char c = text.charAt(i);
            char folded = table.bmp(c);
            int units = 1;
            String expansion;
            if (folded >= CharacterFolding.FIRST_KEPT) {
                expansion = null;
            } else if (folded <= CharacterFolding.HARD) {
                pending = Math.max(pending, folded);
                i++;
                continue;
            } else if (folded == CharacterFolding.EXPAND) {
                expansion = table.bmpExpansion(c);
            } else if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                units = 2;
                expansion = table.supplementary(Character.toCodePoint(c, text.charAt(i + 1)));
                if (expansion == null) { // kept as is
                    expansion = text.substring(i, i + 2);
                } else if (expansion.length() == 1 && expansion.charAt(0) <= CharacterFolding.HARD) {
                    pending = Math.max(pending, expansion.charAt(0));
                    i += 2;
                    continue;
                }
            } else { // a lone high surrogate
                pending = Math.max(pending, CharacterFolding.INNER);
                i++;
                continue;
            }
            int adding = expansion == null ? 1 : expansion.length();
            int needed = length + adding + (n - i - units);
            if (needed > out.length) {
                out = Arrays.copyOf(out, needed + 8);
                outPositions = Arrays.copyOf(outPositions, needed + 8);
            }
            for (int k = 0; k < adding; k++) {
                char next = expansion == null ? folded : expansion.charAt(k);
                if (pending == CharacterFolding.SOFT && length > 0 && isLatinOrDigit(next)
                        && isLatinOrDigit(out[length - 1])) {
                    pending = CharacterFolding.INNER;
                }
                out[length] = next;
                outPositions[length] = i << 2 | pending;
                pending = 0;
                length++;
            }
            i += units;
        }
        return new NormalizedText(text, out, length, outPositions, pending);
    }

    private static boolean isLatinOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
