package io.leadlistener.intent.engine;

/**
 * A keyword found in a message that does not count, with what suppressed it.
 *
 * @param intent  the intent it would have tagged
 * @param keyword the rule's keyword, as written in the rule
 * @param text    the span as the customer wrote it
 * @param start   offset in the original text, in UTF-16 code units
 * @param end     end offset in the original text, exclusive
 * @param reason  negated or excluded
 * @param cue     for {@link SuppressionReason#NEGATED}: the negation cue rule's keyword; otherwise null
 * @param phrase  for {@link SuppressionReason#EXCLUDED}: the exclusion rule's keyword; otherwise null
 */
public record SuppressedMatch(String intent, String keyword, String text, int start, int end,
                              SuppressionReason reason, String cue, String phrase) {
}
