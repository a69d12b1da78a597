package io.leadlistener.intent.engine;

/**
 * One part of a combination or mention frame as found in the message.
 *
 * @param text  the span as the customer wrote it
 * @param start offset in the original text, in UTF-16 code units
 * @param end   end offset in the original text, exclusive
 */
public record MatchPart(String text, int start, int end) {
}
