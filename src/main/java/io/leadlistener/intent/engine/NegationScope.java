package io.leadlistener.intent.engine;

/**
 * How far a negation cue reaches, in normalized characters (what is left after dropping spaces,
 * punctuation and emoji). A cue never reaches across a clause boundary: sentence punctuation
 * ({@code ，。！？；~…}, line breaks), a {@link RuleKind#CLAUSE_BREAK} word ({@code 但}, {@code 想}), or a
 * space/emoji that is not right next to the cue.
 *
 * @param maxGapAfterCue          characters allowed between a {@link RuleKind#NEGATION_CUE} and the keyword
 *                                it governs: {@code 不需要[你们寄]样品} has a gap of 3
 * @param maxGapBeforeTrailingCue characters allowed between a keyword and a
 *                                {@link RuleKind#TRAILING_NEGATION_CUE} after it: {@code 代理[这块]暂时不考虑}
 */
public record NegationScope(int maxGapAfterCue, int maxGapBeforeTrailingCue) {

    /** Long enough for {@code 暂时不考虑[在我们当地做]代理}, short enough not to leak into the next thought. */
    public static final NegationScope DEFAULT = new NegationScope(8, 4);

    public NegationScope {
        if (maxGapAfterCue < 0 || maxGapBeforeTrailingCue < 0) {
            throw new IllegalArgumentException("negation windows must not be negative: " + maxGapAfterCue + ", "
                    + maxGapBeforeTrailingCue);
        }
    }
}
