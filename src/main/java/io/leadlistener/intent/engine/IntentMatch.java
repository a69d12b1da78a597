package io.leadlistener.intent.engine;

/**
 * A keyword found in a message that counts towards an intent.
 *
 * @param intent  the intent it tags
 * @param keyword the rule's keyword, as written in the rule
 * @param text    the span as the customer wrote it: {@code original.substring(start, end)}, which may
 *                include what normalization skipped ({@code 报💰价}) or differ in width/script ({@code 報價})
 * @param start   offset in the original text, in UTF-16 code units
 * @param end     end offset in the original text, exclusive
 */
public record IntentMatch(String intent, String keyword, String text, int start, int end) {
}
