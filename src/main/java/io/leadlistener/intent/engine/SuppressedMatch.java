package io.leadlistener.intent.engine;

import java.util.List;

/**
 * A keyword or combination found in a message that does not count, with what suppressed it.
 *
 * @param intent  the intent it would have tagged
 * @param keyword the rule's keyword, as written in the rule (a combination's readable form)
 * @param text    the span as the customer wrote it
 * @param start   offset in the original text, in UTF-16 code units
 * @param end     end offset in the original text, exclusive
 * @param reason  negated, excluded or mention
 * @param cue     for {@link SuppressionReason#NEGATED}: the negation cue rule's keyword; otherwise null
 * @param phrase  for {@link SuppressionReason#EXCLUDED}: the exclusion rule's keyword; otherwise null
 * @param frame   for {@link SuppressionReason#MENTION}: the mention frame's readable form; otherwise null
 * @param parts   a suppressed combination's parts; empty for a single keyword
 */
public record SuppressedMatch(String intent, String keyword, String text, int start, int end,
                              SuppressionReason reason, String cue, String phrase, String frame,
                              List<MatchPart> parts) {

    public SuppressedMatch {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A negated or excluded single keyword. */
    public SuppressedMatch(String intent, String keyword, String text, int start, int end, SuppressionReason reason,
                           String cue, String phrase) {
        this(intent, keyword, text, start, end, reason, cue, phrase, null, List.of());
    }
}
