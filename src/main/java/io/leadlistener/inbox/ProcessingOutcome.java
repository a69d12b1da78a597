package io.leadlistener.inbox;

import java.util.Map;

/** What processing found out about a message, stored with the row as JSON so on-call can see it. */
public record ProcessingOutcome(Map<String, Object> facts) {

    public ProcessingOutcome {
        facts = Map.copyOf(facts);
    }
}
