package io.leadlistener.intent.engine;

import java.util.List;

/**
 * The outcome of tagging one message.
 *
 * @param intents        intents with at least one counting match, sorted, distinct
 * @param matches        counting keyword matches, by position
 * @param suppressed     keyword matches that were found but do not count, by position, with the reason
 * @param ruleSetVersion version of the rule set that produced this result
 */
public record TaggingResult(List<String> intents, List<IntentMatch> matches, List<SuppressedMatch> suppressed,
                            long ruleSetVersion) {

    public TaggingResult {
        intents = List.copyOf(intents);
        matches = List.copyOf(matches);
        suppressed = List.copyOf(suppressed);
    }

    /** A result without any match. */
    public static TaggingResult empty(long ruleSetVersion) {
        return new TaggingResult(List.of(), List.of(), List.of(), ruleSetVersion);
    }

    public boolean hasIntent(String intent) {
        return intents.contains(intent);
    }
}
