package io.leadlistener.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What processing found out about a message, stored with the row: {@code facts} as JSON for on-call, and the
 * intent tagging when the message had text to tag.
 */
public record ProcessingOutcome(Map<String, Object> facts, Optional<Tagging> tagging) {

    /** Intents found, the rule set version that found them, and the full explanation as JSON. */
    public record Tagging(List<String> intents, long ruleSetVersion, String explanationJson) {
        public Tagging {
            intents = List.copyOf(intents);
        }
    }

    public ProcessingOutcome {
        facts = Map.copyOf(facts);
    }

    public static ProcessingOutcome untagged(Map<String, Object> facts) {
        return new ProcessingOutcome(facts, Optional.empty());
    }
}
