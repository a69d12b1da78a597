package io.leadlistener.intent.engine;

/**
 * A message after {@link TextNormalizer}: the folded characters that matching runs on, each with where
 * it starts in the original text, and what was removed between neighbours.
 *
 * <p>Offsets are UTF-16 code units of the original text, end exclusive. Every normalized character comes
 * from exactly one original code point (two units for a surrogate pair); several normalized characters
 * come from the same code point when NFKC expands it ({@code ㍿} → {@code 株式会社}).
 *
 * <p>It is a {@link CharSequence} so the automaton reads it without a copy. Immutable once built.
 */
public final class NormalizedText implements CharSequence {

    private final String original;
    private final char[] chars;
    private final int length;
    /** Per normalized character: original start {@code << 2 |} separator code before it. */
    private final int[] positions;
    private final int trailingSeparator;

    NormalizedText(String original, char[] chars, int length, int[] positions, int trailingSeparator) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.positions = positions;
        this.trailingSeparator = trailingSeparator;
    }

    public String original() {
        return original;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[index];
    }

    /** The backing array (valid up to {@link #length()}), for the hot matching loop; never modify it. */
    char[] sharedChars() {
        return chars;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, start, end - start);
    }

    /** The normalized text. */
    @Override
    public String toString() {
        return new String(chars, 0, length);
    }

    /** Start, in the original text, of normalized character {@code index}. */
    public int originalStart(int index) {
        return positions[index] >>> 2;
    }

    /** End (exclusive), in the original text, of the normalized span ending before {@code endExclusive}. */
    public int originalEnd(int endExclusive) {
        int start = originalStart(endExclusive - 1);
        return Character.isHighSurrogate(original.charAt(start)) && start + 1 < original.length()
                && Character.isLowSurrogate(original.charAt(start + 1)) ? start + 2 : start + 1;
    }

    /** The original text of normalized span [start, end): everything the customer wrote from its first to last character. */
    public String originalText(int start, int endExclusive) {
        return original.substring(originalStart(start), originalEnd(endExclusive));
    }

    /**
     * What was removed just before normalized character {@code index}; {@code index == length()} gives
     * what trails the last character.
     */
    public Separator separatorBefore(int index) {
        return Separator.ofCode(separatorCode(index));
    }

    int separatorCode(int index) {
        return index == length ? trailingSeparator : positions[index] & 3;
    }
}
