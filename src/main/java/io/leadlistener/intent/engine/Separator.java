package io.leadlistener.intent.engine;

/**
 * What normalization removed between two kept characters, strongest first wins. Matching ignores it;
 * negation scope and word boundaries of Latin keywords use it.
 */
public enum Separator {

    /** Nothing: the characters were adjacent. */
    NONE,

    /** Only in-word noise: zero-width characters, hyphens, quotes, brackets, {@code 、}, marks. */
    INNER,

    /** Whitespace, emoji or another symbol: often a pause between thoughts in chat, or a dodge. */
    SOFT,

    /** Sentence punctuation or a line break: a clause boundary. */
    HARD;

    private static final Separator[] BY_CODE = values();

    static Separator ofCode(int code) {
        return BY_CODE[code];
    }
}
