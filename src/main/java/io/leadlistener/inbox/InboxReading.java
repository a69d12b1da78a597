package io.leadlistener.inbox;

import io.leadlistener.tenant.Tenant;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * What a stored inbox row means, as its {@link MessageSource} reads it — so the worker and lead capture never parse
 * a payload or name a source's event. Every reading carries the row's {@code facts}: what on-call needs to know
 * about it without its text (type, sender, size, time), stored as the row's outcome.
 */
public sealed interface InboxReading {

    Map<String, Object> facts();

    /** A chat message with text to tag. */
    record Message(ChatMessage message, Map<String, Object> facts) implements InboxReading {
    }

    /**
     * A customer-contact change. {@code contact} is null when the change names no one (nothing to do).
     */
    record ContactChange(ContactChangeKind change, ChatContact contact, Instant changedAt, Map<String, Object> facts)
            implements InboxReading {
    }

    /**
     * A notification that carries no message itself but asks the source to fetch them (a 微信客服 notification:
     * pull its messages, each then stored as a row of its own). {@code work} runs inside the row's processing
     * transaction and answers facts to add to the outcome; reading the row does not run it.
     */
    record Notification(Map<String, Object> facts, Function<Tenant, Map<String, Object>> work)
            implements InboxReading {
    }

    /** Nothing to capture: an image, a file, an event no capture handles. */
    record Untaggable(Map<String, Object> facts) implements InboxReading {
    }

    /** How a customer contact changed. */
    enum ContactChangeKind {
        /** added (or edited): the contact is a lead from now on */
        ADDED,
        /** removed by either side */
        REMOVED,
        /** a change no capture handles */
        OTHER
    }
}
