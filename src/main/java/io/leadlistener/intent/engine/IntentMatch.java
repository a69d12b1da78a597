package io.leadlistener.intent.engine;

import java.util.List;

/**
 * A keyword or combination found in a message that counts towards an intent.
 *
 * @param intent  the intent it tags
 * @param keyword the rule's keyword as written in the rule; for a combination its readable form
 *                ({@code 多少|几钱 … 落地})
 * @param text    the span as the customer wrote it: {@code original.substring(start, end)}, which may
 *                include what normalization skipped ({@code 报💰价}) or differ in width/script ({@code 報價})
 * @param start   offset in the original text, in UTF-16 code units
 * @param end     end offset in the original text, exclusive; a combination spans its first to its last part
 * @param parts   a combination's two parts, by position; empty for a single keyword
 */
public record IntentMatch(String intent, String keyword, String text, int start, int end, List<MatchPart> parts) {

    public IntentMatch {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A single-keyword match. */
    public IntentMatch(String intent, String keyword, String text, int start, int end) {
        this(intent, keyword, text, start, end, List.of());
    }
}
